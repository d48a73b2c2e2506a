import { FIELD_MESSAGES, fieldText } from './field-messages.js';

describe('field messages', () => {
  it('fill in their values', () => {
    expect(fieldText('lengthBetween', { min: 5, max: 140 })).toBe('Use 5 to 140 characters.');
    expect(fieldText('tagChoice', { tags: 'Parks, Streets' })).toBe('Choose one of: Parks, Streets.');
    expect(fieldText('required')).toBe('Write something.');
  });

  it('leave a missing value visible rather than guessing', () => {
    expect(fieldText('lengthAtMost')).toBe('Use at most {{max}} characters.');
  });

  it('are plain sentences', () => {
    for (const text of Object.values(FIELD_MESSAGES)) expect(text).toMatch(/^[A-Z].*\.$/);
  });
});
