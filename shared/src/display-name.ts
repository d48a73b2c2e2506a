import type { FieldMessageKey, FieldMessageValues } from './field-messages.js';
import { LIMITS } from './limits.js';

/** Text-direction controls: they make a name read differently from what it is (U+202A–202E, 2066–2069…). */
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Other control characters (C0, DEL, C1), never part of a name. */
const CONTROLS = /\p{Cc}/u;
/** What draws nothing: spaces, format characters, marks alone and the blank letter-likes (Hangul fillers, braille blank). */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** A name as it is stored: NFKC (so look-alike compatibility forms become one), trimmed, single spaces. */
export function normalizeDisplayName(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/** Characters as a reader counts them (an emoji with its modifiers, a letter with its accents: one). */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) count++;
  return count;
}

/**
 * Why a display name is refused, as a field message key and values, or null when it may be used. The same
 * rule runs in the sign-up form and in the API, on the normalised name.
 */
export function displayNameProblem(raw: string): { key: FieldMessageKey; values?: FieldMessageValues } | null {
  const composed = raw.normalize('NFKC');
  if (DIRECTION_CONTROLS.test(composed) || CONTROLS.test(composed.trim())) return { key: 'nameControls' };
  const name = normalizeDisplayName(raw);
  const { displayNameMin: min, displayNameMax: max } = LIMITS.user;
  if (name.length > 0 && INVISIBLE_ONLY.test(name)) return { key: 'nameInvisible' };
  const length = graphemeLength(name);
  if (length < min || length > max) return { key: 'lengthBetween', values: { min, max } };
  return null;
}
