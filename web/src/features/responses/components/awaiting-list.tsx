import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LoadMore } from '../../../components/ui/load-more';
import { AWAITING_IDEAS, IDEAS_TO_ANSWER } from '../api/responses';
import { ResponseForm } from './response-form';

/** Ideas owed an answer, longest waiting first, each with a way to answer; and any idea can be answered. */
export function AwaitingList({ campaignId, onAnswered }: { campaignId: string; onAnswered(): void }) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useQuery(AWAITING_IDEAS, {
    variables: { id: campaignId, first: 20 },
  });
  const all = useQuery(IDEAS_TO_ANSWER, { variables: { id: campaignId } });
  const [answering, setAnswering] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const campaign = data?.campaign;
  if (!campaign) return <p role="status">{t('common.loading')}</p>;
  const awaiting = campaign.ideasAwaitingResponse;
  const ideas = all.data?.campaign?.ideas;
  const others = ideas?.edges.map(({ node }) => node) ?? [];
  const answer = (idea: { id: string; title: string }) => (
    <ResponseForm
      idea={idea}
      others={others}
      onDone={() => {
        setAnswering(null);
        setNotice(t('respond.posted', { title: idea.title }));
        void refetch();
        void all.refetch();
        onAnswered();
      }}
    />
  );
  return (
    <>
      {notice ? <Alert type="success">{notice}</Alert> : null}
      <section aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading">{t('console.awaiting', { count: awaiting.totalCount })}</h2>
        {awaiting.edges.length === 0 ? <p>{t('console.noneAwaiting')}</p> : null}
        <ol className="usa-list">
          {awaiting.edges.map(({ node }) => (
            <li key={node.id}>
              <Link to={`/ideas/${node.id}`}>{node.title}</Link> ({t('votes.score', { count: node.score })}){' '}
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => setAnswering(node.id)}>
                {t('respond.open')}
                <span className="usa-sr-only">: {node.title}</span>
              </button>
              {answering === node.id ? answer(node) : null}
            </li>
          ))}
        </ol>
        <LoadMore
          hasMore={awaiting.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => void fetchMore({ variables: { after: awaiting.pageInfo.endCursor } })}
        />
      </section>
      <section aria-labelledby="all-ideas-heading">
        <h2 id="all-ideas-heading">{t('console.allIdeas')}</h2>
        <ol className="usa-list">
          {others.map((idea) => (
            <li key={idea.id}>
              <Link to={`/ideas/${idea.id}`}>{idea.title}</Link> · {t(`status.${idea.status}`)}{' '}
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => setAnswering(`all-${idea.id}`)}
              >
                {t('respond.open')}
                <span className="usa-sr-only">: {idea.title}</span>
              </button>
              {answering === `all-${idea.id}` ? answer(idea) : null}
            </li>
          ))}
        </ol>
        {ideas ? (
          <LoadMore
            hasMore={ideas.pageInfo.hasNextPage}
            loading={all.loading}
            onClick={() => void all.fetchMore({ variables: { after: ideas.pageInfo.endCursor } })}
          />
        ) : null}
      </section>
    </>
  );
}
