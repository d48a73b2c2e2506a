import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DateText } from '../../components/ui/date-text';
import { HtmlBody } from '../../components/ui/html-body';
import { LoadMore } from '../../components/ui/load-more';
import { StatusTag } from '../../components/ui/status-tag';
import { PERSON_PROFILE } from '../../features/people/api/profile';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

/** A person's public page: their name, when they joined, and the ideas and comments anyone may see. */
export function PersonRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, fetchMore } = useQuery(PERSON_PROFILE, { variables: { id, first: 10 } });
  const person = data?.node?.__typename === 'User' ? data.node : null;
  usePageTitle(person?.displayName ?? t('people.profile'));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!person) return <NotFoundRoute />;
  return (
    <article>
      <h1 className="margin-bottom-1">{person.displayName}</h1>
      <p className="margin-top-0">
        {person.role !== 'CITIZEN' ? <>{t(`role.${person.role}`)} · </> : null}
        {t('people.joinedOn')} <DateText value={person.createdAt} />
      </p>
      <section aria-labelledby="profile-ideas">
        <h2 id="profile-ideas">{t('people.ideas', { count: person.ideas.totalCount })}</h2>
        {person.ideas.edges.length ? (
          <ul className="usa-list usa-list--unstyled">
            {person.ideas.edges.map(({ node }) => (
              <li key={node.id} className="border-bottom border-base-lighter padding-y-2">
                <h3 className="margin-0 font-sans-md">
                  <Link to={`/ideas/${node.id}`}>{node.title}</Link>
                </h3>
                <p className="margin-y-05 font-sans-2xs">
                  <StatusTag status={node.status} /> {t('people.inCampaign')}{' '}
                  <Link to={`/campaigns/${node.campaign.slug}`}>{node.campaign.title}</Link> ·{' '}
                  <DateText value={node.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('people.noIdeas')}</p>
        )}
        <LoadMore
          hasMore={person.ideas.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { ideasAfter: person.ideas.pageInfo.endCursor } })}
        />
      </section>
      <section aria-labelledby="profile-comments" className="margin-top-4">
        <h2 id="profile-comments">{t('people.comments', { count: person.comments.totalCount })}</h2>
        {person.comments.edges.length ? (
          <ul className="usa-list usa-list--unstyled">
            {person.comments.edges.map(({ node }) => (
              <li key={node.id} className="border-bottom border-base-lighter padding-y-2">
                <p className="margin-0 font-sans-2xs">
                  {t('people.onIdea')} <Link to={`/ideas/${node.idea.id}#comment-${node.id}`}>{node.idea.title}</Link> ·{' '}
                  <DateText value={node.createdAt} />
                </p>
                <HtmlBody html={node.bodyHtml} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('people.noComments')}</p>
        )}
        <LoadMore
          hasMore={person.comments.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { commentsAfter: person.comments.pageInfo.endCursor } })}
        />
      </section>
    </article>
  );
}
