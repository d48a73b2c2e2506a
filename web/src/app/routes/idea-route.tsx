import { useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PersonLink } from '../../features/people/components/person-link';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DateText } from '../../components/ui/date-text';
import { HtmlBody } from '../../components/ui/html-body';
import { StatusTag } from '../../components/ui/status-tag';
import { CommentThread } from '../../features/comments/components/comment-thread';
import { IDEA, IDEA_LIVE } from '../../features/ideas/api/idea';
import { POLL_WITHOUT_LIVE_MS, useLiveStatus } from '../../lib/live';
import { AuthorActions } from '../../features/ideas/components/author-actions';
import { FollowButton } from '../../features/ideas/components/follow-button';
import { ShareButton } from '../../features/share/components/share-button';
import { IdeaTimeline } from '../../features/ideas/components/idea-timeline';
import { OfficialResponses } from '../../features/ideas/components/official-responses';
import { VoteControl } from '../../features/ideas/components/vote-control';
import { FlagButton } from '../../features/moderation/components/flag-button';
import { ResponseDue } from '../../features/responses/components/response-due';
import { useViewer } from '../../features/session/components/use-viewer';
import { useArrivalNotice } from '../use-arrival-notice';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

export function IdeaRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [notice, clearNotice] = useArrivalNotice();
  const { viewer } = useViewer();
  // Changes arrive over the socket (merged into the cache by id); while it is not open, the page polls.
  const live = useLiveStatus() === 'open';
  const { data, error } = useQuery(IDEA, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    pollInterval: live ? 0 : POLL_WITHOUT_LIVE_MS,
  });
  useSubscription(IDEA_LIVE, { variables: { id }, skip: !data?.idea });
  usePageTitle(data?.idea?.title ?? t('common.loading'));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const idea = data.idea;
  if (!idea) return <NotFoundRoute />;
  const viewerId = viewer?.user.id ?? null;
  const own = viewerId !== null && idea.author?.id === viewerId;
  const open = idea.campaign.acceptingContributions && idea.visibility === 'VISIBLE' && idea.status !== 'WITHDRAWN';
  return (
    <article>
      {notice === 'submitted' ? (
        <Alert type="success" heading={t('submit.done')}>
          {t('submit.doneBody')}
        </Alert>
      ) : null}
      <p>
        <Link to={`/campaigns/${idea.campaign.slug}`}>← {idea.campaign.title}</Link>
      </p>
      <h1 className="margin-bottom-1">{idea.title}</h1>
      <p className="margin-top-0">
        <StatusTag status={idea.status} />{' '}
        {idea.tag ? <span className="usa-tag bg-base-lighter text-ink">{idea.tag}</span> : null}{' '}
        <ResponseDue dueAt={idea.responseDueAt} overdue={idea.responseOverdue} /> {t('idea.byPrefix')}{' '}
        <PersonLink person={idea.author} /> · <DateText value={idea.createdAt} />
      </p>
      {idea.visibility === 'HIDDEN' ? (
        <Alert type="warning" heading={t('idea.hiddenTitle')}>
          {t('idea.hiddenBody', { reason: idea.hiddenReason ?? '' })}
        </Alert>
      ) : null}
      {idea.duplicateOf ? (
        <p>
          {t('idea.duplicateOf')} <Link to={`/ideas/${idea.duplicateOf.id}`}>{idea.duplicateOf.title}</Link>
        </p>
      ) : null}
      <div className="grid-row grid-gap-4">
        <div className="grid-col-12 tablet:grid-col-8">
          <HtmlBody html={idea.bodyHtml} />
        </div>
        <aside className="grid-col-12 tablet:grid-col-4" aria-label={t('idea.actions')}>
          <VoteControl idea={idea} campaign={idea.campaign} signedIn={!!viewer} />
          {own ? <AuthorActions idea={idea} tags={idea.campaign.tags} onAction={clearNotice} /> : null}
          <ShareButton title={idea.title} path={`/ideas/${idea.id}`} />
          {viewer ? (
            <div className="margin-top-2">
              <FollowButton idea={idea} />
            </div>
          ) : null}
          {viewer && !own ? (
            <p className="margin-top-2">
              <FlagButton targetId={idea.id} label={t('flag.reportIdea')} />
            </p>
          ) : null}
          {viewer?.memberships.some((m) => m.agency.id === idea.campaign.agency.id) ? (
            <p className="margin-top-2">
              <Link to={`/console/campaigns/${idea.campaign.id}/answer`}>
                {t('idea.answerInConsole', { agency: idea.campaign.agency.name })}
              </Link>
            </p>
          ) : null}
        </aside>
      </div>
      <OfficialResponses responses={idea.responses} />
      <IdeaTimeline createdAt={idea.createdAt} responses={idea.responses} awaitingResponse={idea.awaitingResponse} />
      <CommentThread
        ideaId={idea.id}
        viewerId={viewerId}
        open={open}
        renderExtra={(comment) => <FlagButton targetId={comment.id} label={t('flag.reportComment')} />}
      />
    </article>
  );
}
