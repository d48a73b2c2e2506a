/** What stands in the place of content the viewer may not see (hidden by a moderator). */
export const TOMBSTONE = { body: 'Removed by a moderator.', bodyHtml: '<p>Removed by a moderator.</p>' };
