import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The contract's error codes, plus NETWORK when the API could not be reached at all. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

export interface ApiError {
  code: ApiErrorCode;
  /** The server's message (English); screens show their own translated text for known codes. */
  message: string;
  /** Field name -> message, for BAD_USER_INPUT. */
  fields: Record<string, string>;
  retryAfterSeconds?: number;
}

/** What went wrong with an operation, in the contract's terms. */
export function readApiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: (extensions.code as ApiErrorCode) ?? 'INTERNAL_SERVER_ERROR',
      message: first?.message ?? '',
      fields: (extensions.fields as Record<string, string>) ?? {},
      retryAfterSeconds: extensions.retryAfterSeconds as number | undefined,
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: {} };
}
