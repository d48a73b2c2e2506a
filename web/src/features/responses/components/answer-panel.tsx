import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui/date-text';
import { HtmlBody } from '../../../components/ui/html-body';
import type { IdeaToAnswerFragment } from '../../../gql/graphql';
import { IDEAS_TO_ANSWER } from '../api/responses';
import { ResponseDue } from './response-due';
import { ResponseForm } from './response-form';

interface AnswerPanelProps {
  idea: IdeaToAnswerFragment;
  campaignId: string;
  support: boolean;
  onDone(): void;
}

/** The answer form with the idea beside it: its text, votes, comments and when the answer is due. */
export function AnswerPanel({ idea, campaignId, support, onDone }: AnswerPanelProps) {
  const { t } = useTranslation();
  // The campaign's other ideas, for "duplicate of".
  const others = useQuery(IDEAS_TO_ANSWER, { variables: { id: campaignId, sort: 'TOP' } });
  const candidates = others.data?.campaign?.ideas.edges.map(({ node }) => node) ?? [];
  // Focus goes to the idea being answered, so keyboard and screen reader users start there.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="grid-row grid-gap-4 margin-top-2 border border-base-lighter padding-2 radius-md">
      <section className="grid-col-12 desktop:grid-col-6" aria-label={t('respond.theIdea', { title: idea.title })}>
        <h3 className="margin-top-0" ref={heading} tabIndex={-1}>
          {idea.title}
        </h3>
        <HtmlBody html={idea.bodyHtml} />
        <dl className="font-sans-2xs">
          <dt className="text-bold">{support ? t('respond.supports') : t('respond.votes')}</dt>
          <dd className="margin-left-0">
            {support
              ? idea.upvotes
              : t('respond.upDown', { score: idea.score, up: idea.upvotes, down: idea.downvotes })}
          </dd>
          <dt className="text-bold">{t('respond.comments')}</dt>
          <dd className="margin-left-0">{idea.commentCount}</dd>
          <dt className="text-bold">{t('respond.submitted')}</dt>
          <dd className="margin-left-0">
            <DateText value={idea.createdAt} />
          </dd>
          {idea.responseDueAt ? (
            <>
              <dt className="text-bold">{t('respond.due')}</dt>
              <dd className="margin-left-0">
                <ResponseDue dueAt={idea.responseDueAt} overdue={idea.responseOverdue} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <div className="grid-col-12 desktop:grid-col-6">
        <ResponseForm idea={idea} others={candidates} onDone={onDone} />
      </div>
    </div>
  );
}
