/**
 * Why the API refused an operation (FORBIDDEN or CONFLICT), in English, by reason. The API sends the words
 * as the error's message, the reason in `extensions.reason` and its values in `extensions.reasonValues`, so
 * the web app (and any client) can say the real reason in the reader's language, as field messages are.
 * `{{name}}` marks a value. Times are ISO 8601; roles, statuses and agency roles are the contract's names.
 */
export const REFUSALS = {
  // Who may do it
  NOT_ALLOWED: 'Your account is not allowed to do that.',
  ROLE_REQUIRED: 'Only {{required}} can do that; you are signed in as {{role}}.',
  AUTHOR_ONLY: 'Only its author can change this.',
  AGENCY_STAFF_ONLY: 'Only the officials of this agency (or a site admin) can do that.',
  AGENCY_ADMIN_REQUIRED: 'Only a site admin or an admin of this agency can do that.',
  MODERATION_ROLE_REQUIRED: 'Only moderators, admins and officials of an agency review content.',
  NOT_YOUR_AGENCY: 'This belongs to another agency’s consultation: its own officials or a moderator decide on it.',
  EMAIL_NOT_VERIFIED: 'Confirm your email address first: this needs a confirmed address.',
  SESSION_REQUIRED: 'Sign in with a session to do this; an API token cannot.',
  TOKEN_READ_ONLY: 'This API token may only read.',
  OWN_ROLE: 'You cannot change your own role: ask another admin.',
  SUSPEND_SELF: 'You cannot suspend yourself.',
  ADMIN_NOT_SUSPENDABLE: 'Admins cannot be suspended: change their role first.',
  // The person's state
  SUSPENDED: 'Your account is suspended until {{until}}: you can read, but not take part, until then.',
  VOTE_BUDGET_SPENT: 'You have used all {{budget}} of your votes in this consultation: take one back to vote again.',
  ALREADY_FLAGGED: 'You have already reported this.',
  EMAIL_ALREADY_VERIFIED: 'Your email address is already confirmed.',
  EMAIL_TAKEN: 'An account already uses this email address.',
  TOO_MANY_TOKENS: 'You have {{max}} tokens already: revoke one first.',
  TOO_MANY_WEBHOOKS: 'You have {{max}} webhooks already: delete one first.',
  // The consultation's state
  CAMPAIGN_NOT_OPEN_YET: 'This consultation opens on {{opensAt}}: it takes part from then.',
  CAMPAIGN_CLOSED: 'This consultation closed on {{closedAt}}: it takes no more ideas, votes or edits.',
  CAMPAIGN_NOT_OPEN: 'This consultation is not open.',
  CAMPAIGN_ARCHIVED: 'This consultation is archived: nothing in it can change.',
  CAMPAIGN_TRANSITION: 'A {{from}} consultation cannot become {{to}}.',
  CLOSING_TIME_PASSED: 'Its closing time has passed: set a later closing time first.',
  SLUG_TAKEN: 'This web address is taken: choose another.',
  // The idea's or comment's state
  IDEA_WITHDRAWN: 'Its author withdrew this idea.',
  IDEA_HIDDEN: 'This idea is hidden pending review: it cannot change until a moderator restores it.',
  IDEA_ANSWERED: 'The agency has answered this idea ({{status}}): it can no longer be edited.',
  IDEA_DECIDED: 'The agency has decided on this idea ({{status}}): votes on it have stopped.',
  COMMENT_HIDDEN: 'This comment is hidden pending review: it cannot change until a moderator restores it.',
  COMMENT_DELETED: 'This comment was deleted.',
  CONTENT_GONE: 'This was withdrawn or deleted.',
  // Moderation
  ALREADY_HIDDEN: 'This is already hidden.',
  NOT_HIDDEN: 'This is not hidden.',
  NO_OPEN_FLAGS: 'There is no open report on this.',
  NO_DISMISSED_FLAGS: 'There is no dismissed report on this.',
  FLAG_RESOLVED: 'This report was already decided ({{status}}).',
  NOT_SUSPENDED: 'This person is not suspended.',
  LAST_AGENCY_ADMIN: 'An agency keeps at least one agency admin: add another before removing this one.',
  // Live updates
  TOO_MANY_SUBSCRIPTIONS: 'This connection has {{max}} subscriptions already.',
} as const;

export type RefusalReason = keyof typeof REFUSALS;
export type RefusalValues = Record<string, string | number>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A refusal's English words, values filled in (times as "2026-12-09 18:00 UTC"). */
export function refusalText(reason: RefusalReason, values: RefusalValues = {}): string {
  return REFUSALS[reason].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) return `{{${name}}}`;
    return typeof value === 'string' && ISO_TIME.test(value)
      ? `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`
      : String(value);
  });
}
