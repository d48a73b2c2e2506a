import { createHash, randomBytes } from 'node:crypto';
import { BadInputError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';

/** A new token for an emailed link: 32 random bytes as base64url; only its SHA-256 is stored. */
export function newLinkToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The hash of a token a client sent; BAD_USER_INPUT for anything that is not one of ours in shape. */
export function linkTokenHash(token: string): Buffer {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new BadInputError({ token: fieldMessage('linkInvalid') });
  return hashLinkToken(token);
}
