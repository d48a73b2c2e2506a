import { fieldText, type FieldMessageKey, type FieldMessageValues } from '@consulta/shared';

export interface FieldKey {
  key: FieldMessageKey;
  values?: FieldMessageValues;
}

/**
 * Every field message made here, by its English words, so an error can send its key beside them. Words
 * with values (a campaign's tags) vary, so the map is bounded; past it, such words go without their key.
 */
const made = new Map<string, FieldKey>();
const MAX_REMEMBERED = 10_000;

/**
 * The English words for a refused field (from `@consulta/shared`'s FIELD_MESSAGES). Works in class-validator
 * decorators too: BadInputError finds the key again from the words and sends both.
 */
export function fieldMessage(key: FieldMessageKey, values?: FieldMessageValues): string {
  const text = fieldText(key, values);
  if (!made.has(text) && made.size < MAX_REMEMBERED) made.set(text, values ? { key, values } : { key });
  return text;
}

/** The key and values a field message was made from, when it was made by fieldMessage. */
export function fieldKeyOf(message: string): FieldKey | undefined {
  return made.get(message);
}
