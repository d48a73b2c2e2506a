/**
 * Input limits both sides enforce: the server validates with them, the web app shows them
 * (character counters, max lengths). Change a number here and both follow.
 */
export const LIMITS = {
  user: {
    emailMax: 254,
    passwordMin: 10,
    passwordMax: 128,
    displayNameMin: 1,
    displayNameMax: 80,
  },
  agency: {
    nameMin: 2,
    nameMax: 120,
    slugMin: 2,
    slugMax: 60,
    descriptionMax: 2000,
  },
  campaign: {
    titleMin: 5,
    titleMax: 140,
    summaryMin: 10,
    summaryMax: 500,
    bodyMin: 1,
    bodyMax: 20000,
    slugMin: 2,
    slugMax: 80,
    voteBudgetMax: 1000,
    responseThresholdMax: 1_000_000,
    /** The longest answer commitment an agency may make, in days. */
    responseDaysMax: 365,
    tagsMax: 20,
    tagMin: 1,
    tagMax: 40,
  },
  /** Personal API tokens: a name people recognise, and a bound on how many one person keeps live. */
  apiToken: {
    nameMax: 80,
    livePerPerson: 20,
  },
  /** Webhooks: a bound on the URL and on how many one person keeps. */
  webhook: {
    urlMax: 2000,
    perPerson: 10,
  },
  idea: {
    titleMin: 5,
    titleMax: 140,
    bodyMin: 1,
    bodyMax: 5000,
  },
  comment: {
    bodyMin: 1,
    bodyMax: 2000,
    maxDepth: 3,
  },
  moderation: {
    reasonMax: 500,
    /** A flag's optional note. */
    noteMax: 1000,
  },
  response: {
    bodyMin: 1,
    bodyMax: 5000,
  },
  search: {
    queryMax: 200,
    similarTextMin: 3,
    similarTextMax: 500,
    similarDefault: 5,
    similarMax: 20,
  },
  page: {
    defaultSize: 20,
    maxSize: 50,
  },
} as const;

/** Lowercase letters, digits and single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turns a name into a slug: lowercase ASCII, accents dropped, hyphens between words. */
export function slugify(text: string, maxLength: number = LIMITS.agency.slugMax): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
