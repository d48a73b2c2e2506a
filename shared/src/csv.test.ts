import { csvField, csvLine, neutralise } from './csv.js';

describe('cells of downloaded files', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTab', '\rReturn'])('neutralise %j', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it('leave other text, numbers and dates as they are, and quote what CSV needs quoted', () => {
    expect(neutralise('Shade trees')).toBe('Shade trees');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-01T10:00:00.000Z');
    expect(csvField('Benches, "soon"\nplease')).toBe('"Benches, ""soon""\nplease"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvLine(['a', 1, true])).toBe('a,1,true\r\n');
  });
});
