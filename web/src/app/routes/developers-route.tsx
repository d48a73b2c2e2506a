import { LIMITS } from '@consulta/shared/limits';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../use-page-title';

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

/** What the API offers civic developers: the schema, a first query, tokens, downloads, feeds and the limits. */
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
