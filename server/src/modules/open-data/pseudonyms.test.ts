import { pseudonymOf } from './pseudonyms.service.js';

describe('pseudonymOf', () => {
  it('never starts with a character spreadsheets read as a formula, and keeps every other digest as it was', () => {
    // 0xf8 0x00… encodes as "-A…" in base64url.
    const dashed = Buffer.alloc(32, 0);
    dashed[0] = 0xf8;
    expect(dashed.toString('base64url').startsWith('-')).toBe(true);
    expect(pseudonymOf(dashed)).toMatch(/^_[A-Za-z0-9_-]{21}$/);
    const plain = Buffer.alloc(32, 7);
    expect(pseudonymOf(plain)).toBe(plain.toString('base64url').slice(0, 22));
    for (let first = 0; first < 256; first++) {
      const digest = Buffer.alloc(32, first);
      expect(pseudonymOf(digest)).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });
});
