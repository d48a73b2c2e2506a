import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { CAST_VOTE, RETRACT_VOTE } from '../api/votes';
import { useReturnLink } from '../../../lib/return-path';

/** Statuses that end voting on an idea (the server refuses new votes with IDEA_DECIDED). */
const DECIDED = new Set(['IMPLEMENTED', 'REJECTED', 'DUPLICATE']);

export interface VoteControlProps {
  idea: {
    id: string;
    title: string;
    score: number;
    upvotes: number;
    downvotes: number;
    viewerVote?: number | null;
    status?: string;
  };
  campaign: {
    votingMode: string;
    voteBudget?: number | null;
    viewerVotesRemaining?: number | null;
    acceptingContributions: boolean;
  };
  signedIn: boolean;
}

/**
 * Support (or vote up/down) and take it back, with the budget in words ("3 of 5 votes left"). The score
 * is announced politely when it changes; refusals are said next to the buttons.
 */
export function VoteControl({ idea, campaign, signedIn }: VoteControlProps) {
  const { t } = useTranslation();
  const signInLink = useReturnLink();
  // A refusal belongs to the vote that caused it: it goes once the votes left or this vote change.
  const [refusal, setRefusal] = useState<{ text: string; remaining: unknown; vote: unknown } | null>(null);
  const message =
    refusal && refusal.remaining === campaign.viewerVotesRemaining && refusal.vote === idea.viewerVote
      ? refusal.text
      : null;
  const [cast, casting] = useMutation(CAST_VOTE);
  const [retract, retracting] = useMutation(RETRACT_VOTE);
  const busy = casting.loading || retracting.loading;
  const support = campaign.votingMode === 'SUPPORT';

  async function vote(value: 1 | -1) {
    // Buttons stay enabled while a vote is sent (a disabled button would drop the keyboard focus).
    if (busy) return;
    setRefusal(null);
    try {
      if (idea.viewerVote === value) await retract({ variables: { ideaId: idea.id } });
      else await cast({ variables: { input: { ideaId: idea.id, value } } });
    } catch (error) {
      setRefusal({
        text: refusalText(readApiError(error), t),
        remaining: campaign.viewerVotesRemaining,
        vote: idea.viewerVote,
      });
    }
  }

  // A decided idea takes no more votes; a vote already cast may still be taken back (its budget returns).
  const decided = DECIDED.has(idea.status ?? '');
  const canVote = signedIn && campaign.acceptingContributions && !decided;
  return (
    <div className="vote-control" data-testid="vote-control">
      <p className="margin-y-05 text-bold" aria-live="polite" aria-atomic="true">
        {support ? t('votes.supports', { count: idea.upvotes }) : t('votes.score', { count: idea.score })}
      </p>
      {canVote ? (
        <div className="display-flex flex-wrap">
          <button
            type="button"
            className={`usa-button ${idea.viewerVote === 1 ? '' : 'usa-button--outline'} margin-right-1`}
            aria-pressed={idea.viewerVote === 1}
            aria-disabled={busy}
            onClick={() => void vote(1)}
          >
            {support ? (idea.viewerVote === 1 ? t('votes.supported') : t('votes.support')) : t('votes.up')}
            <span className="usa-sr-only">: {idea.title}</span>
          </button>
          {support ? null : (
            <button
              type="button"
              className={`usa-button ${idea.viewerVote === -1 ? '' : 'usa-button--outline'}`}
              aria-pressed={idea.viewerVote === -1}
              aria-disabled={busy}
              onClick={() => void vote(-1)}
            >
              {t('votes.down')}
              <span className="usa-sr-only">: {idea.title}</span>
            </button>
          )}
        </div>
      ) : null}
      {decided && campaign.acceptingContributions ? (
        <p className="usa-hint margin-y-05">{t(`votes.decided.${idea.status}`)}</p>
      ) : null}
      {decided && signedIn && idea.viewerVote && campaign.acceptingContributions ? (
        <button
          type="button"
          className="usa-button usa-button--outline"
          aria-disabled={busy}
          onClick={() => void vote(idea.viewerVote as 1 | -1)}
        >
          {support ? t('votes.takeBackSupport') : t('votes.takeBackVote')}
          <span className="usa-sr-only">: {idea.title}</span>
        </button>
      ) : null}
      {canVote && campaign.voteBudget ? (
        <p className="usa-hint margin-y-05">
          {t('votes.remaining', {
            count: campaign.viewerVotesRemaining ?? campaign.voteBudget,
            total: campaign.voteBudget,
          })}
        </p>
      ) : null}
      {canVote && idea.viewerVote ? <p className="usa-hint margin-y-05">{t('votes.retractHint')}</p> : null}
      {!signedIn && campaign.acceptingContributions && !decided ? (
        <p className="usa-hint margin-y-05">
          <Link to={signInLink}>{t('votes.signInToVote')}</Link>
        </p>
      ) : null}
      {message ? (
        <p className="usa-error-message" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
