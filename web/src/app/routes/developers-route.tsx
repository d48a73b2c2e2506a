import { LIMITS } from '@consulta/shared/limits';
import { WEBHOOK_EVENT_TYPES } from '@consulta/shared/enums';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../use-page-title';

/** How a receiver checks a delivery (Standard Webhooks), with Node's own crypto. */
const SIGNATURE_CHECK = `import { createHmac, timingSafeEqual } from 'node:crypto';

// secret: the whsec_… shown once when you created the webhook; body: the raw request body.
export function verify(secret, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  // Refuse old or future deliveries (replays).
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(\`\${id}.\${timestamp}.\${body}\`).digest();
  return headers['webhook-signature'].split(' ').some((signature) => {
    const [version, value] = signature.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}`;

const origin = () => (typeof window === 'undefined' ? 'https://consulta.example' : window.location.origin);

/** A block of code, scrollable and reachable by keyboard, named for screen readers. */
function Code({ label, children }: { label: string; children: string }) {
  return (
    <pre
      className="bg-base-lightest padding-2 radius-md font-mono-xs overflow-x-auto"
      tabIndex={0}
      aria-label={label}
      style={{ whiteSpace: 'pre' }}
    >
      <code>{children}</code>
    </pre>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="margin-top-4">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** What the API offers civic developers: the schema, a first query, tokens, downloads, feeds, webhooks and the limits. */
export function DevelopersRoute() {
  const { t } = useTranslation();
  usePageTitle(t('developers.title'));
  const site = origin();
  const query = `curl -s ${site}/graphql \\
  -H 'content-type: application/json' \\
  -d '{"query":"{ campaigns(first: 5, statuses: [OPEN]) { edges { node { slug title ideaCount } } } }"}'`;
  const withToken = `curl -s ${site}/graphql \\
  -H 'content-type: application/json' \\
  -H "authorization: Bearer $CONSULTA_TOKEN" \\
  -d '{"query":"{ viewer { user { displayName } } }"}'`;
  const downloads = `curl -s ${site}/open-data/datapackage.json
curl -s '${site}/open-data/ideas.csv?campaign=better-parks-for-summer'
curl -s -H 'if-none-match: "<the ETag you saved>"' -o /dev/null -w '%{http_code}\\n' ${site}/open-data/ideas.csv`;
  const embed = `<iframe src="${site}/embed/campaigns/better-parks-for-summer" width="480" height="520"
  title="Better parks for summer" loading="lazy" style="border:0;max-width:100%"></iframe>

curl -s '${site}/oembed?url=${encodeURIComponent(`${site}/campaigns/better-parks-for-summer`)}'`;
  const live = `import { createClient } from 'graphql-ws';

const client = createClient({
  url: '${site.replace(/^http/, 'ws')}/graphql',
  connectionParams: { authorization: \`Bearer \${token}\` }, // optional
});
client.subscribe(
  { query: 'subscription ($id: ID!) { ideaChanged(ideaId: $id) { id upvotes status } }', variables: { id } },
  { next: (update) => console.log(update.data), error: console.error, complete: () => {} },
);`;
  const webhookBody = JSON.stringify(
    {
      type: 'official_response.posted',
      timestamp: '2026-05-04T10:15:00.000Z',
      data: {
        idea: {
          id: 'SWRlYTo…',
          url: `${site}/ideas/SWRlYTo…`,
          title: '…',
          status: 'ACCEPTED',
          campaign: { slug: '…' },
        },
        response: { status: 'ACCEPTED', previousStatus: 'SUBMITTED', body: '…', agency: '…' },
      },
    },
    null,
    2,
  );
  return (
    <article className="usa-prose maxw-tablet-lg">
      <h1>{t('developers.title')}</h1>
      <p className="usa-intro">{t('developers.intro')}</p>
      <Section id="dev-schema" title={t('developers.schemaTitle')}>
        <p>{t('developers.schemaBody', { max: LIMITS.page.maxSize })}</p>
        <p>
          <a href="/developers/schema.graphql" download="consulta-schema.graphql">
            {t('developers.schemaDownload')}
          </a>
        </p>
        <Code label={t('developers.exampleQuery')}>{query}</Code>
        <p>{t('developers.errors')}</p>
      </Section>
      <Section id="dev-tokens" title={t('developers.tokensTitle')}>
        <p>{t('developers.tokensBody')}</p>
        <ul>
          <li>{t('developers.tokensRead')}</li>
          <li>{t('developers.tokensWrite')}</li>
        </ul>
        <p>
          <Link to="/settings">{t('developers.tokensLink')}</Link>
        </p>
        <Code label={t('developers.exampleToken')}>{withToken}</Code>
      </Section>
      <Section id="dev-downloads" title={t('developers.downloadsTitle')}>
        <p>{t('developers.downloadsBody')}</p>
        <p>
          <a href="/open-data/datapackage.json">{t('developers.downloadsLink')}</a>
        </p>
        <Code label={t('developers.exampleDownloads')}>{downloads}</Code>
      </Section>
      <Section id="dev-feeds" title={t('developers.feedsTitle')}>
        <p>{t('developers.feedsBody')}</p>
        <p>
          <a href="/feed.atom">{t('developers.feedsLink')}</a>
        </p>
      </Section>
      <Section id="dev-live" title={t('developers.liveTitle')}>
        <p>{t('developers.liveBody')}</p>
        <p>{t('developers.liveLimits')}</p>
        <Code label={t('developers.exampleLive')}>{live}</Code>
      </Section>
      <Section id="dev-webhooks" title={t('developers.webhooksTitle')}>
        <p>{t('developers.webhooksBody')}</p>
        <h3>{t('developers.webhookEvents')}</h3>
        <ul>
          {Object.entries(WEBHOOK_EVENT_TYPES).map(([event, type]) => (
            <li key={event}>
              {t(`webhooks.eventNames.${event}`)}: <code>{type}</code>
            </li>
          ))}
        </ul>
        <p>{t('developers.webhooksSigned')}</p>
        <p>{t('developers.webhooksRetries')}</p>
        <p>
          <Link to="/settings#webhooks">{t('developers.webhooksLink')}</Link>
        </p>
        <Code label={t('developers.exampleWebhookBody')}>{webhookBody}</Code>
        <Code label={t('developers.exampleWebhookCheck')}>{SIGNATURE_CHECK}</Code>
      </Section>
      <Section id="dev-embeds" title={t('developers.embedsTitle')}>
        <p>{t('developers.embedsBody')}</p>
        <Code label={t('developers.exampleEmbed')}>{embed}</Code>
      </Section>
      <Section id="dev-limits" title={t('developers.limitsTitle')}>
        <ul>
          <li>{t('developers.limitAddress')}</li>
          <li>{t('developers.limitToken')}</li>
          <li>{t('developers.limitCost')}</li>
          <li>{t('developers.limitPages', { max: LIMITS.page.maxSize })}</li>
        </ul>
      </Section>
    </article>
  );
}
