/** One entry of an Atom feed; `html` is sanitised HTML (it is sent escaped, as type="html"). */
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  author: string;
  html: string;
}

/** Text escaped for XML and HTML alike. */
export const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** An Atom 1.0 document (RFC 4287); `updated` is the newest entry's time. */
export function atomFeed(feed: { id: string; title: string; self: string; alternate: string; entries: AtomEntry[] }) {
  const updated = feed.entries.reduce(
    (newest, entry) => (entry.updated > newest ? entry.updated : newest),
    new Date(0),
  );
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${xml(entry.id)}</id>
    <title>${xml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(entry.link)}"/>
    <updated>${entry.updated.toISOString()}</updated>
    <author><name>${xml(entry.author)}</name></author>
    <content type="html">${xml(entry.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.id)}</id>
  <title>${xml(feed.title)}</title>
  <updated>${updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.alternate)}"/>
  <generator>Consulta</generator>
${entries.join('\n')}
</feed>
`;
}
