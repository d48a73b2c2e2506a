import { fromGlobalId, idOfType, toGlobalId } from './global-id.js';

const UUID = '0b6f9a52-5b6e-4d3f-9c1a-3c2d1e0f4a5b';

describe('global IDs', () => {
  it('round-trip, and differ by type for the same uuid', () => {
    expect(fromGlobalId(toGlobalId('User', UUID))).toEqual({ type: 'User', id: UUID });
    expect(toGlobalId('User', UUID)).not.toBe(toGlobalId('Agency', UUID));
    expect(idOfType(toGlobalId('Agency', UUID), 'User')).toBeNull();
  });

  it.each([
    '',
    'x',
    '!!!',
    'a'.repeat(500),
    toGlobalId('User', 'not-a-uuid'),
    toGlobalId('user', UUID),
    Buffer.from(UUID).toString('base64url'),
  ])('reads %p as nothing', (value) => {
    expect(fromGlobalId(value)).toBeNull();
  });
});
