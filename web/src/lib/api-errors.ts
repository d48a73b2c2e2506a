import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { formatDate } from './format';

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
  /** Field name -> message, for BAD_USER_INPUT (in the reader's language when read with `t`). */
  fields: Record<string, string>;
  retryAfterSeconds?: number;
  /** Why a FORBIDDEN or CONFLICT was refused (a key of `@consulta/shared`'s REFUSALS), and its values. */
  reason?: string;
  reasonValues?: Record<string, string | number>;
}

type FieldKeys = Record<string, { key: string; values?: Record<string, string | number> }>;

/**
 * The API's field messages in the reader's language: each refused field comes with its English words and,
 * in `fieldKeys`, a key of the shared FIELD_MESSAGES that the catalogs translate under errors.field.
 * Words without a key (or a key this app does not know) are shown as the API wrote them.
 */
function translatedFields(extensions: Record<string, unknown>, t?: TFunction): Record<string, string> {
  const fields = (extensions.fields as Record<string, string>) ?? {};
  const keys = (extensions.fieldKeys as FieldKeys) ?? {};
  if (!t) return fields;
  return Object.fromEntries(
    Object.entries(fields).map(([field, words]) => {
      const known = keys[field];
      return [field, known ? t(`errors.field.${known.key}`, { ...known.values, defaultValue: words }) : words];
    }),
  );
}

/** What went wrong with an operation, in the contract's terms; with `t`, field messages translated. */
/**
 * A refusal in the reader's words: its named reason when the catalogs know it (errors.reason.*), else its
 * code's words (errors.code.*, with the wait for RATE_LIMITED); NETWORK when there is no answer at all.
 */
export function refusalText(api: ApiError | null, t: TFunction): string {
  if (api && hasKnownReason(api, t))
    return t(`errors.reason.${api.reason}`, {
      ...reasonWords(api.reasonValues ?? {}, t),
      interpolation: { escapeValue: false },
    });
  return t(`errors.code.${api?.code ?? 'NETWORK'}`, { seconds: api?.retryAfterSeconds ?? 60 });
}

/** Whether the catalogs say the refusal's named reason. */
export function hasKnownReason(api: ApiError, t: TFunction): api is ApiError & { reason: string } {
  return !!api.reason && !!t(`errors.reason.${api.reason}`, { defaultValue: '' });
}

/** What a refusal's values say in the reader's words: times, statuses and roles as the catalogs name them. */
function reasonWords(values: Record<string, string | number>, t: TFunction): Record<string, string | number> {
  const language = t('app.locale');
  const words: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    const text = String(value);
    if (['until', 'opensAt', 'closedAt'].includes(name)) words[name] = formatDate(text, language, true);
    else if (name === 'status') words[name] = t(`status.${text}`, { defaultValue: text });
    else if (name === 'from' || name === 'to') words[name] = t(`campaignStatus.${text}`, { defaultValue: text });
    else if (name === 'role') words[name] = t(`roleArticle.${text}`, { defaultValue: text });
    else if (name === 'required')
      words[name] = text
        .split(',')
        .map((role) => t(`rolePlural.${role}`, { defaultValue: role }))
        .join(t('common.or'));
    else words[name] = value;
  }
  return words;
}

export function readApiError(error: unknown, t?: TFunction): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: (extensions.code as ApiErrorCode) ?? 'INTERNAL_SERVER_ERROR',
      message: first?.message ?? '',
      fields: translatedFields(extensions, t),
      retryAfterSeconds: extensions.retryAfterSeconds as number | undefined,
      reason: extensions.reason as string | undefined,
      reasonValues: extensions.reasonValues as Record<string, string | number> | undefined,
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: {} };
}
