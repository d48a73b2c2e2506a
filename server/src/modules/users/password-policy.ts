import { createRequire } from 'node:module';
import { LIMITS } from '@consulta/shared';
import { fieldMessage } from '../../common/errors/field-message.js';

const require = createRequire(import.meta.url);

/**
 * The common passwords refused at sign-up and password change: the Firefox Accounts list (50,000 of the
 * most used passwords), decoded once; only those long enough to pass the length rule are kept.
 */
function loadCommonPasswords(): Set<string> {
  const { Decoder } = require('incremental-encoder').default as {
    Decoder: new () => { decode(lines: string[]): string[] };
  };
  const encoded = require('fxa-common-password-list/src/encoded-passwords') as string;
  const all = new Decoder().decode(encoded.split('\n'));
  return new Set(all.filter((password) => password.length >= LIMITS.user.passwordMin).map((p) => p.toLowerCase()));
}

let common: Set<string> | undefined;

/**
 * NIST SP 800-63B style: a length range, no composition rules, and no password that is common or made
 * of the person's own email or name. Returns the problem in plain words, or null when it is acceptable.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < LIMITS.user.passwordMin) return fieldMessage('lengthAtLeast', { min: LIMITS.user.passwordMin });
  if (length > LIMITS.user.passwordMax) return fieldMessage('lengthAtMost', { max: LIMITS.user.passwordMax });
  common ??= loadCommonPasswords();
  const lowered = password.toLowerCase();
  if (common.has(lowered) || /^(.)\1+$/.test(password)) {
    return fieldMessage('passwordCommon');
  }
  const personal = [context.email?.split('@')[0], context.email, context.displayName]
    .filter((part): part is string => !!part && part.length >= 4)
    .map((part) => part.toLowerCase().replace(/\s+/g, ''));
  const compact = lowered.replace(/\s+/g, '');
  if (personal.some((part) => compact === part || (part.length >= 6 && compact.includes(part)))) {
    return fieldMessage('passwordPersonal');
  }
  return null;
}
