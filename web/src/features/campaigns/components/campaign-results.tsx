import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { HtmlBody } from '../../../components/ui/html-body';
import { LoadMore } from '../../../components/ui/load-more';
import { StatusTag } from '../../../components/ui/status-tag';
import { CAMPAIGN_RESULTS } from '../api/campaign';

/** A closed consultation's results: its ideas ranked as at closing, each with the agency's latest answer. */
export function CampaignResults({ slug, support }: { slug: string; support: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore } = useQuery(CAMPAIGN_RESULTS, { variables: { slug } });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const ideas = data?.campaign?.ideas;
  if (!ideas) return <p role="status">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('results.heading')}</h2>
      <p>{t('results.intro', { count: ideas.totalCount })}</p>
      {ideas.edges.length === 0 ? <p>{t('results.none')}</p> : null}
      <ol className="usa-list usa-list--unstyled">
        {ideas.edges.map(({ node }, index) => {
          const latest = node.responses[node.responses.length - 1];
          return (
            <li key={node.id} className="border-bottom border-base-lighter padding-y-2">
              <h3 className="margin-0 font-sans-md">
                <span className="usa-sr-only">{t('results.rank', { rank: index + 1 })} </span>
                <span aria-hidden="true">{index + 1}. </span>
                <Link to={`/ideas/${node.id}`}>{node.title}</Link>
              </h3>
              <p className="margin-y-1 font-sans-2xs">
                <StatusTag status={node.status} />{' '}
                {support ? t('votes.supports', { count: node.score }) : t('votes.score', { count: node.score })} ·{' '}
                {t('ideas.comments', { count: node.commentCount })}
              </p>
              {latest ? (
                <div className="border-left-05 border-primary padding-left-2">
                  <p className="margin-y-05 text-bold font-sans-2xs">{t('results.latestAnswer')}</p>
                  <HtmlBody html={latest.bodyHtml} />
                </div>
              ) : (
                <p className="margin-y-05 font-sans-2xs">{t('results.noAnswer')}</p>
              )}
            </li>
          );
        })}
      </ol>
      <LoadMore
        hasMore={ideas.pageInfo.hasNextPage}
        loading={loading}
        onClick={() => fetchMore({ variables: { after: ideas.pageInfo.endCursor } })}
      />
    </section>
  );
}
