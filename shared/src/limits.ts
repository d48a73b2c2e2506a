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
