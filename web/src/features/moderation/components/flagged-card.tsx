import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../../components/ui/date-text';
import { HtmlBody } from '../../../components/ui/html-body';
import { TextField } from '../../../components/ui/text-field';
import type { FlagDecision, FlagStatus, FlaggedContentQuery } from '../../../gql/graphql';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { DECIDE_ON_FLAGGED_CONTENT } from '../api/queue';
import { SuspendForm } from './suspend-form';

type Card = FlaggedContentQuery['flaggedContent']['edges'][number]['node'];

/** The decisions a card offers: what makes sense for its tab and whether the content is hidden now. */
function decisionsFor(status: FlagStatus, hidden: boolean): Array<{ decision: FlagDecision; label: string }> {
  if (status === 'OPEN')
    return hidden
      ? [
          { decision: 'DISMISS', label: 'dismissRestore' },
          { decision: 'HIDE', label: 'keepHidden' },
        ]
      : [
          { decision: 'DISMISS', label: 'dismissAll' },
          { decision: 'HIDE', label: 'hide' },
        ];
  if (status === 'DISMISSED')
    return [{ decision: 'REOPEN', label: 'reopen' }, ...(hidden ? [] : [{ decision: 'HIDE' as const, label: 'hide' }])];
  return hidden ? [{ decision: 'RESTORE', label: 'restore' }] : [{ decision: 'HIDE', label: 'hide' }];
}

/** One flagged idea or comment: the content as people see it, every flag on it, and one decision with a reason. */
export function FlaggedCard({
  card,
  status,
  canSuspend,
  onStart,
  onDone,
}: {
  card: Card;
  status: FlagStatus;
  canSuspend: boolean;
  onStart(): void;
  onDone(message: string): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [suspending, setSuspending] = useState(false);
  const [decide, { loading }] = useMutation(DECIDE_ON_FLAGGED_CONTENT);
  const target = card.target;
  const isIdea = target.__typename === 'Idea';
  const idea = target.__typename === 'Idea' ? target : target.idea;
  const hidden = target.visibility === 'HIDDEN';
  const reasonId = `reason-${card.targetId}`;
  const headingId = `card-${card.targetId}`;
  const more = card.flagCount - card.flags.length;

  async function send(decision: FlagDecision, label: string) {
    onStart();
    if (!reason.trim()) return setError(t('moderation.reasonRequired'));
    setError(undefined);
    try {
      await decide({ variables: { input: { targetId: card.targetId, decision, reason: reason.trim() } } });
      onDone(t(`moderation.done.${label}`, { title: idea.title }));
    } catch (failure) {
      const api = readApiError(failure, t);
      setError(api?.fields.reason ?? refusalText(api, t));
    }
  }

  return (
    <li
      className="border-1px border-base-lighter radius-md padding-2 margin-bottom-2"
      data-testid="queue-card"
      aria-labelledby={headingId}
    >
      <h2 className="margin-top-0 font-sans-md" id={headingId}>
        {isIdea ? t('moderation.idea') : t('moderation.comment')}: <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h2>
      <p className="font-sans-2xs margin-y-05">
        {idea.campaign.title} ·{' '}
        {target.author ? (
          <>
            {t('moderation.byPrefix')} <Link to={`/people/${target.author.id}`}>{target.author.displayName}</Link>
          </>
        ) : (
          t('common.deletedAccount')
        )}
        {hidden ? <span className="usa-tag bg-secondary-dark margin-left-1">{t('moderation.hidden')}</span> : null}
      </p>
      {hidden && target.hiddenReason ? (
        <p className="font-sans-2xs margin-y-05">{t('moderation.hiddenBecause', { reason: target.hiddenReason })}</p>
      ) : null}
      <div className="border-left-05 border-base-light padding-left-2 margin-y-2">
        <HtmlBody html={target.bodyHtml} />
      </div>
      <h3 className="font-sans-sm margin-bottom-1">{t(`moderation.flagsIn.${status}`, { count: card.flagCount })}</h3>
      <ul className="usa-list usa-list--unstyled font-sans-2xs">
        {card.flags.map((flag) => (
          <li key={flag.id} className="margin-bottom-1">
            <span className="text-bold">{t(`flag.reasons.${flag.reason}`)}</span>
            {flag.note ? ` — “${flag.note}”` : ''}
            <br />
            {t('moderation.reportedByOn', { name: flag.reporter.displayName })}{' '}
            <DateText value={flag.createdAt} withTime />
            {flag.resolvedBy && flag.resolvedAt ? (
              <>
                {' · '}
                {t('moderation.decidedBy', { name: flag.resolvedBy.displayName })}{' '}
                <DateText value={flag.resolvedAt} withTime />
              </>
            ) : null}
          </li>
        ))}
        {more > 0 ? <li>{t('moderation.moreFlags', { count: more })}</li> : null}
      </ul>
      <TextField
        id={reasonId}
        label={t('moderation.decisionReason')}
        hint={t('moderation.decisionReasonHint')}
        value={reason}
        onChange={setReason}
        maxLength={LIMITS.moderation.reasonMax}
        error={error}
        required
      />
      <div className="usa-button-group margin-top-1">
        {decisionsFor(status, hidden).map(({ decision, label }) => (
          <button
            key={decision}
            type="button"
            className={`usa-button ${decision === 'HIDE' ? 'usa-button--secondary' : decision === 'DISMISS' ? 'usa-button--outline' : ''}`}
            disabled={loading}
            onClick={() => void send(decision, label)}
          >
            {t(`moderation.decide.${label}`)}
          </button>
        ))}
        {canSuspend && target.author ? (
          <button
            type="button"
            className="usa-button usa-button--unstyled"
            aria-expanded={suspending}
            onClick={() => setSuspending((s) => !s)}
          >
            {t('moderation.suspendAuthor')}
          </button>
        ) : null}
      </div>
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
