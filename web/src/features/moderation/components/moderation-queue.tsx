import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import type { FlagStatus, ModerationQueueQuery } from '../../../gql/graphql';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { HIDE_CONTENT, MODERATION_QUEUE, RESOLVE_FLAG, RESTORE_CONTENT } from '../api/queue';
import { SuspendForm } from './suspend-form';

const STATUSES: FlagStatus[] = ['OPEN', 'DISMISSED', 'ACTIONED'];
type Entry = ModerationQueueQuery['moderationQueue']['edges'][number]['node'];

/** The review queue: each flag with its content in context and one-click decisions. */
export function ModerationQueue({ canSuspend }: { canSuspend: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as FlagStatus)
    : 'OPEN';
  const { data, loading, error, fetchMore, refetch } = useQuery(MODERATION_QUEUE, {
    variables: { status, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const queue = data?.moderationQueue;
  return (
    <>
      <nav aria-label={t('moderation.statusNav')} className="margin-bottom-2">
        <ul className="usa-button-group">
          {STATUSES.map((value) => (
            <li key={value} className="usa-button-group__item">
              <button
                type="button"
                className={`usa-button ${value === status ? '' : 'usa-button--outline'}`}
                aria-pressed={value === status}
                onClick={() => setParams(value === 'OPEN' ? {} : { status: value })}
              >
                {t(`moderation.status.${value}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {notice ? <Alert type="success">{notice}</Alert> : null}
      {!queue ? (
        <p role="status">{t('common.loading')}</p>
      ) : queue.edges.length === 0 ? (
        <p>{t('moderation.empty')}</p>
      ) : (
        <>
          <p>{t('moderation.count', { count: queue.totalCount })}</p>
          <ol className="usa-list usa-list--unstyled">
            {queue.edges.map(({ node }) => (
              <QueueEntry
                key={node.id}
                entry={node}
                canSuspend={canSuspend}
                onDone={(message) => {
                  setNotice(message);
                  void refetch();
                }}
              />
            ))}
          </ol>
          <LoadMore
            hasMore={queue.pageInfo.hasNextPage}
            loading={loading}
            onClick={() => void fetchMore({ variables: { after: queue.pageInfo.endCursor } })}
          />
        </>
      )}
    </>
  );
}

function QueueEntry({
  entry,
  canSuspend,
  onDone,
}: {
  entry: Entry;
  canSuspend: boolean;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [suspending, setSuspending] = useState(false);
  const [resolve, resolving] = useMutation(RESOLVE_FLAG);
  const [hide, hiding] = useMutation(HIDE_CONTENT);
  const [restore, restoring] = useMutation(RESTORE_CONTENT);
  const busy = resolving.loading || hiding.loading || restoring.loading;
  const target = entry.target;
  const isIdea = target.__typename === 'Idea';
  const idea = target.__typename === 'Idea' ? target : target.idea;
  const campaign = idea.campaign;
  const hidden = target.visibility === 'HIDDEN';
  const reasonId = `reason-${entry.id}`;

  async function act(run: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await run();
      onDone(message);
    } catch (failure) {
      const api = readApiError(failure, t);
      setError(api?.fields.reason ?? refusalText(api, t));
    }
  }
  const why = () => reason.trim();
  const resolveAs = (resolution: 'DISMISS' | 'HIDE_CONTENT') => () =>
    resolve({ variables: { input: { flagId: entry.id, resolution, reason: why() || null } } });
  const all = {
    dismiss: {
      label: t('moderation.dismiss'),
      style: 'usa-button--outline',
      done: t('moderation.dismissed'),
      needsReason: false,
      run: resolveAs('DISMISS'),
    },
    resolveHide: {
      label: t('moderation.hide'),
      style: 'usa-button--secondary',
      done: t('moderation.hiddenDone'),
      needsReason: false,
      run: resolveAs('HIDE_CONTENT'),
    },
    restore: {
      label: t('moderation.restore'),
      style: '',
      done: t('moderation.restored'),
      needsReason: true,
      run: () => restore({ variables: { targetId: target.id, reason: why() } }),
    },
    hide: {
      label: t('moderation.hide'),
      style: 'usa-button--secondary',
      done: t('moderation.hiddenDone'),
      needsReason: true,
      run: () => hide({ variables: { targetId: target.id, reason: why() } }),
    },
  };
  // An open flag is dismissed or acted on; resolved content can still be hidden or restored.
  const shown: Array<keyof typeof all> =
    entry.status === 'OPEN'
      ? ['dismiss', 'resolveHide', ...(hidden ? (['restore'] as const) : [])]
      : [hidden ? 'restore' : 'hide'];
  const decisions = shown.map((key) => ({ key, ...all[key] }));
  const needReason = () => {
    if (reason.trim()) return true;
    setError(t('moderation.reasonRequired'));
    return false;
  };

  return (
    <li className="border-1px border-base-lighter radius-md padding-2 margin-bottom-2" data-testid="queue-entry">
      <h2 className="margin-top-0 font-sans-md">
        {isIdea ? t('moderation.idea') : t('moderation.comment')}: <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h2>
      <p className="font-sans-2xs margin-y-05">
        {campaign.title} · {t('moderation.by', { name: target.author?.displayName ?? t('common.deletedAccount') })}
        {hidden ? <span className="usa-tag bg-secondary-dark margin-left-1">{t('moderation.hidden')}</span> : null}
      </p>
      <blockquote className="border-left-05 border-base-light padding-left-2 margin-left-0">
        {target.body.length > 400 ? `${target.body.slice(0, 400)}…` : target.body}
      </blockquote>
      <dl className="font-sans-2xs">
        <dt className="text-bold">{t('moderation.reasonLabel')}</dt>
        <dd className="margin-left-0">
          {t(`flag.reasons.${entry.reason}`)}
          {entry.note ? ` — “${entry.note}”` : ''}
        </dd>
        <dt className="text-bold">{t('moderation.reportedBy')}</dt>
        <dd className="margin-left-0">
          {entry.reporter.displayName} · <DateText value={entry.createdAt} withTime />
        </dd>
        <dt className="text-bold">{t('moderation.openFlags')}</dt>
        <dd className="margin-left-0">{entry.openFlagCount}</dd>
      </dl>
      {entry.status === 'OPEN' || hidden ? (
        <>
          <label className="usa-label" htmlFor={reasonId}>
            {t('moderation.decisionReason')}
          </label>
          <input className="usa-input" id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
          {error ? (
            <p className="usa-error-message" role="alert">
              {error}
            </p>
          ) : null}
          <div className="usa-button-group margin-top-1">
            {decisions.map((decision) => (
              <button
                key={decision.key}
                type="button"
                className={`usa-button ${decision.style}`}
                disabled={busy}
                onClick={() => (!decision.needsReason || needReason()) && void act(decision.run, decision.done)}
              >
                {decision.label}
              </button>
            ))}
            {canSuspend && target.author ? (
              <button
                type="button"
                className="usa-button usa-button--unstyled"
                onClick={() => setSuspending((s) => !s)}
              >
                {t('moderation.suspendAuthor')}
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <p className="font-sans-2xs">
          {t(`moderation.status.${entry.status}`)}
          {entry.resolvedBy ? ` · ${entry.resolvedBy.displayName}` : ''}
        </p>
      )}
      {suspending && target.author ? (
        <SuspendForm
          user={target.author}
          onDone={() => {
            setSuspending(false);
            onDone(t('moderation.suspended', { name: target.author!.displayName }));
          }}
        />
      ) : null}
    </li>
  );
}
