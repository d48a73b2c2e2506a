/**
 * The visibility rules in SQL, one per question, used by every read path that filters in the database
 * (lists, counts, search, similar ideas, the response queue, reconciliation, common ground, open data).
 * Single rows are decided in TypeScript by the same rules (IdeasService.canSee, CampaignAccessService.canSee).
 * Each takes the alias of its table and, where it depends on the viewer, the placeholder that holds them.
 */

/** A campaign the public may see: anything but a draft (downloads, feeds, webhooks, embeds). */
export const PUBLIC_CAMPAIGN = (campaign: string) => `${campaign}.status <> 'DRAFT'`;

/** A listed idea: visible and not withdrawn, what everyone sees in a campaign's lists. */
export const LISTED_IDEA = (idea: string) => `(${idea}.visibility = 'VISIBLE' AND ${idea}.status <> 'WITHDRAWN')`;

/** A visible idea, withdrawn or not: what a list filtered by a status shows. */
export const VISIBLE_IDEA = (idea: string) => `${idea}.visibility = 'VISIBLE'`;

/** An idea in a person's own lists: visible, or theirs (authors see their hidden ideas). */
export const IDEA_SEEN_BY = (idea: string, person: string) =>
  `(${idea}.visibility = 'VISIBLE' OR ${idea}.author_id = ${person}::uuid)`;

/**
 * A campaign the viewer may see: not a draft, or a draft of an agency they work for. `draftsOf` holds the
 * viewer's agencies as uuid[], or NULL for admins, who see every draft.
 */
export const CAMPAIGN_SEEN_BY = (campaign: string, draftsOf: string) =>
  `(${draftsOf}::uuid[] IS NULL OR ${campaign}.status <> 'DRAFT' OR ${campaign}.agency_id = ANY(${draftsOf}::uuid[]))`;

/** A listed comment: not deleted and not hidden. */
export const LISTED_COMMENT = (comment: string) =>
  `(${comment}.deleted_at IS NULL AND ${comment}.visibility = 'VISIBLE')`;
