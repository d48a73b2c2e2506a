import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { LoadMore } from '../../components/ui/load-more';
import { SearchForm } from '../../components/ui/search-form';
import { StatusTag } from '../../components/ui/status-tag';
import { SEARCH_IDEAS } from '../../features/ideas/api/search';
import { PersonLink } from '../../features/people/components/person-link';
import { readApiError } from '../../lib/api-errors';
import { usePageTitle } from '../use-page-title';

/** Search across every consultation: the ideas that best match the words, each with its consultation. */
export function SearchRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const words = params.get('q')?.trim() ?? '';
  usePageTitle(words ? t('search.titleFor', { words }) : t('search.title'));
  const { data, loading, error, fetchMore } = useQuery(SEARCH_IDEAS, {
    variables: { query: words, first: 20 },
    skip: !words,
  });
  const results = data?.searchIdeas;
  const heading = useRef<HTMLHeadingElement>(null);
  // The results are what the reader asked for: focus goes to their heading once they arrive.
  useEffect(() => {
    if (results && words) heading.current?.focus();
  }, [results?.totalCount, words]); // eslint-disable-line react-hooks/exhaustive-deps
  const refused = error ? readApiError(error, t) : null;
  return (
    <>
      <h1>{t('search.title')}</h1>
      <SearchForm
        key={words}
        id="search-everywhere"
        label={t('search.label')}
        initial={words}
        className="maxw-tablet"
        onSearch={(next) => setParams(next ? { q: next } : {})}
      />
      {refused ? (
        <Alert type="error">{refused.fields.query ?? t('errors.load')}</Alert>
      ) : !words ? (
        <p className="margin-top-3">{t('search.hint')}</p>
      ) : !results ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <section aria-labelledby="search-results" className="margin-top-3">
          <h2 id="search-results" ref={heading} tabIndex={-1}>
            {t('search.count', { count: results.totalCount, words })}
          </h2>
          {results.edges.length ? (
            <ol className="usa-list usa-list--unstyled">
              {results.edges.map(({ node }) => (
                <li key={node.id} className="border-bottom border-base-lighter padding-y-2">
                  <h3 className="margin-0 font-sans-md">
                    <Link to={`/ideas/${node.id}`}>{node.title}</Link>
                  </h3>
                  <p className="margin-y-05 font-sans-2xs">
                    <StatusTag status={node.status} /> {t('people.inCampaign')}{' '}
                    <Link to={`/campaigns/${node.campaign.slug}`}>{node.campaign.title}</Link> ·{' '}
                    <PersonLink person={node.author} /> · {t('ideas.comments', { count: node.commentCount })}
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('search.none')}</p>
          )}
          <LoadMore
            hasMore={results.pageInfo.hasNextPage}
            loading={loading}
            onClick={() => fetchMore({ variables: { after: results.pageInfo.endCursor } })}
          />
        </section>
      )}
    </>
  );
}
