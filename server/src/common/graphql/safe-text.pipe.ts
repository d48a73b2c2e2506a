import { Injectable, type PipeTransform } from '@nestjs/common';
import { BadInputError } from '../errors/domain-error.js';
import { fieldMessage } from '../errors/field-message.js';

// A NUL character, or a UTF-16 surrogate without its pair (what invalid UTF-8 becomes once decoded).
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for.
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnsafe(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSAFE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafe(value[i], `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnsafe(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses text PostgreSQL cannot store (NUL, broken UTF-16) as BAD_USER_INPUT before it reaches a service. */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: { type: string; data?: string }): unknown {
    // Nest hands GraphQL @Args to pipes as 'body'; context, root and info come as 'custom' and are left alone.
    if (metadata.type !== 'body') return value;
    const field = findUnsafe(value, metadata.data && typeof value !== 'object' ? metadata.data : '');
    if (field !== null)
      throw new BadInputError({ [field || metadata.data || 'input']: fieldMessage('charactersNotAllowed') });
    return value;
  }
}
