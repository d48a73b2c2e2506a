/**
 * Why the API refused a field, in English, by key. The API sends the English words in
 * `extensions.fields` and the key with its values in `extensions.fieldKeys`, so the web app (and any
 * client) can say it in the reader's language. `{{name}}` marks a value, as in i18next.
 */
export const FIELD_MESSAGES = {
  lengthBetween: 'Use {{min}} to {{max}} characters.',
  lengthAtMost: 'Use at most {{max}} characters.',
  lengthAtLeast: 'Use at least {{min}} characters.',
  required: 'Write something.',
  answerRequired: 'Write the answer.',
  email: 'Enter a valid email address.',
  slugChars: 'Use lowercase letters, digits and single hyphens.',
  slugBetween: 'Use {{min}} to {{max}} lowercase letters, digits and single hyphens.',
  slugLettersDigits: 'Choose a slug of letters and digits.',
  passwordTooLong: 'The password is too long.',
  passwordCommon: 'This password is too common. Choose one that is harder to guess.',
  passwordPersonal: 'Do not use your email address or name in your password.',
  currentPasswordWrong: 'Your current password is not correct.',
  sameEmail: 'This is already your address. Enter the new one.',
  emailTaken:
    'An account already uses this email address. Sign in instead, or reset its password if you have forgotten it.',
  addressTakenMeanwhile:
    'Another account started using this address in the meantime. Ask for a link to another address.',
  slugTaken: 'Another agency uses this slug. Choose another.',
  campaignSlugTaken: 'Another consultation uses this web address. Choose another.',
  linkInvalid:
    'This link no longer works: it was used already, it expired, or it was copied only in part. Ask for a new one.',
  language: 'Choose en (English) or es (Spanish).',
  noSuchAccount: 'No account uses this email address. Ask the person to sign up first.',
  reasonLength: 'Give a reason of 1 to {{max}} characters.',
  timeInFuture: 'Choose a time in the future.',
  ownContribution: 'You cannot flag your own contribution.',
  searchEmpty: 'Type something to search for.',
  tagChoice: 'Choose one of: {{tags}}.',
  noTags: 'This campaign has no tags: leave the tag empty.',
  tagsAtMost: 'Use at most {{max}} tags.',
  tagLength: 'Each tag has {{min}} to {{max}} characters.',
  tagRepeated: 'Each tag may appear once.',
  tagBlank: 'Tags cannot be blank.',
  tagInUse: 'A tag that ideas use cannot be removed.',
  closesAfterOpens: 'Closing must come after opening.',
  budgetPositive: 'Use a positive number, or leave it empty for no limit.',
  thresholdPositive: 'Use a positive number, or leave it empty for none.',
  numberAtMost: 'Use at most {{max}}.',
  wholeDays: 'Use a whole number of days from 0 to {{max}}, or leave it empty for no commitment.',
  budgetOnlyGrows: 'Once a campaign has opened, its vote budget can only grow.',
  voteValue: 'A vote is 1 or -1.',
  supportOnly: 'This campaign takes support (+1) only.',
  replyTarget: 'Reply to a comment on this idea.',
  replyDepth: 'Replies go at most {{max}} levels deep.',
  responseStatus: 'Choose a status an answer can set (not SUBMITTED or WITHDRAWN).',
  duplicateTarget: 'Choose another visible idea of the same campaign.',
  duplicateOnly: 'Only a DUPLICATE answer names the original idea.',
  charactersNotAllowed: 'Contains characters that are not allowed.',
  firstAtLeastOne: 'Ask for at least 1 item.',
  cursorInvalid: 'This cursor is not valid for this list.',
  nameControls: 'A name cannot contain control or text-direction characters.',
  nameInvisible: 'Use visible letters or digits in your name.',
  voteMatrixHeader: 'The file must start with the header "{{header}}".',
  voteMatrixLine: 'Line {{line}} is not "idea_id,voter,value".',
  webhookUrl: 'Enter a full address such as https://example.org/hooks/consulta.',
  webhookHttps: 'Use an https address.',
  webhookPrivate:
    'This address is on a private or reserved network. Webhooks go only to public addresses on the internet.',
  webhookHostUnknown: "This address's host name cannot be found. Check the spelling.",
  webhookCredentials: 'Leave the user name and password out of the address; check the signature instead.',
  webhookEvents: 'Choose at least one event.',
  webhookScope: 'Choose a campaign or an agency, not both.',
} as const;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;
export type FieldMessageValues = Record<string, string | number>;

/** A field message's English words with its values filled in. */
export function fieldText(key: FieldMessageKey, values: FieldMessageValues = {}): string {
  return FIELD_MESSAGES[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
