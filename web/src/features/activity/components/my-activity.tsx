import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { StatusTag } from '../../../components/ui/status-tag';
import { MY_ACTIVITY } from '../api/activity';

interface Item {
  id: string;
  title: string;
  status: string;
  visibility?: string;
  hiddenReason?: string | null;
  campaign: { title: string };
}

function IdeaLinks({ id, title, items, empty }: { id: string; title: string; items: Item[]; empty: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="margin-y-3">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? <p>{empty}</p> : null}
      <ul className="usa-list usa-list--unstyled">
        {items.map((idea) => (
          <li key={idea.id} className="margin-bottom-1">
            <Link to={`/ideas/${idea.id}`}>{idea.title}</Link> <StatusTag status={idea.status} />
            {idea.visibility === 'HIDDEN' ? (
              <span className="usa-tag bg-secondary-dark margin-left-1">{t('activity.hidden')}</span>
            ) : null}
            <span className="display-block font-sans-2xs text-base-dark">{idea.campaign.title}</span>
            {idea.hiddenReason ? (
              <span className="display-block usa-hint">
                {t('activity.hiddenBecause', { reason: idea.hiddenReason })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** My ideas with their status, my votes, and what I follow. */
export function MyActivity() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MY_ACTIVITY, { fetchPolicy: 'cache-and-network' });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const viewer = data?.viewer;
  if (!viewer) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <IdeaLinks
        id="my-ideas"
        title={t('activity.ideas')}
        items={viewer.ideas.edges.map((e) => e.node)}
        empty={t('activity.noIdeas')}
      />
      <IdeaLinks
        id="my-votes"
        title={t('activity.votes')}
        items={viewer.votedIdeas.edges.map((e) => e.node)}
        empty={t('activity.noVotes')}
      />
      <IdeaLinks
        id="my-follows"
        title={t('activity.follows')}
        items={viewer.followedIdeas.edges.map((e) => e.node)}
        empty={t('activity.noFollows')}
      />
    </>
  );
}
