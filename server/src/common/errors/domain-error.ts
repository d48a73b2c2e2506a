import { ErrorCode, refusalText, type RefusalReason, type RefusalValues } from '@consulta/shared';
import { IntrinsicException } from '@nestjs/common';
import { fieldKeyOf } from './field-message.js';

export type FieldMessages = Record<string, string>;

/**
 * The base of every error a service throws on purpose. Each module subclasses it (or uses the helpers
 * below); one place, formatGraphQLError, turns it into the contract's `extensions.code`. Intrinsic to Nest:
 * its exception handler does not log these as errors (they are the client's, logged at info by the formatter).
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * BAD_USER_INPUT with `fields` (field -> English words) and, for words made by fieldMessage, `fieldKeys`
 * (field -> key and values in `@consulta/shared`'s FIELD_MESSAGES) for clients to translate.
 */
/** `fields` (field: English words) and, where the words were made by fieldMessage, `fieldKeys`. */
function fieldExtensions(fields: FieldMessages): Record<string, unknown> {
  const keys = Object.entries(fields).flatMap(([field, words]) => {
    const key = fieldKeyOf(words);
    return key ? [[field, key] as const] : [];
  });
  return { fields, ...(keys.length ? { fieldKeys: Object.fromEntries(keys) } : {}) };
}

export class BadInputError extends DomainError {
  constructor(fields: FieldMessages, message = 'Some of the input is not valid.') {
    super(ErrorCode.BAD_USER_INPUT, message, fieldExtensions(fields));
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'object') {
    super(ErrorCode.NOT_FOUND, `No such ${what}.`);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'You need to sign in to do that.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/**
 * A refusal's extensions: its reason (a key of `@consulta/shared`'s REFUSALS) and the values its words use,
 * so that a client can say the real reason in the reader's language.
 */
function refusalExtensions(reason: RefusalReason, values: RefusalValues): Record<string, unknown> {
  return { reason, ...(Object.keys(values).length ? { reasonValues: values } : {}) };
}

export class ForbiddenError extends DomainError {
  constructor(
    reason: RefusalReason = 'NOT_ALLOWED',
    values: RefusalValues = {},
    extensions: Record<string, unknown> = {},
  ) {
    super(ErrorCode.FORBIDDEN, refusalText(reason, values), { ...refusalExtensions(reason, values), ...extensions });
  }
}

export class ConflictError extends DomainError {
  constructor(reason: RefusalReason, values: RefusalValues = {}, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, refusalText(reason, values), { ...refusalExtensions(reason, values), ...extensions });
  }

  /** A conflict over fields, each with its message in words (and its key), as BadInputError has them. */
  static onFields(reason: RefusalReason, fields: FieldMessages): ConflictError {
    return new ConflictError(reason, {}, fieldExtensions(fields));
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many requests. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}

export class UnavailableError extends DomainError {
  constructor() {
    super(ErrorCode.INTERNAL_SERVER_ERROR, 'The service is temporarily unavailable. Try again shortly.', {
      retryable: true,
    });
  }
}
