import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SIMILAR_IDEAS, SUBMIT_IDEA } from '../api/submit-idea';
import { IdeaFields, ideaProblems, type IdeaText } from './idea-fields';

const IDS = { title: 'idea-title', body: 'idea-body', tag: 'idea-tag-choice' };

/** Text settles for this long before similar ideas are looked up. */
function useSettled(value: string, ms = 350): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface SubmitIdeaFormProps {
  campaign: { id: string; tags: string[] };
  onDone(ideaId: string): void;
}

/** A new idea: title and details with live counts, an optional tag, and similar ideas shown while typing. */
export function SubmitIdeaForm({ campaign, onDone }: SubmitIdeaFormProps) {
  const { t } = useTranslation();
  const [idea, setIdea] = useState<IdeaText>({ title: '', body: '', tag: '' });
  const { title, body, tag } = idea;
  const errors = useFormErrors(IDS);
  const [submit, { loading }] = useMutation(SUBMIT_IDEA);
  const probe = useSettled(`${title} ${body.slice(0, 200)}`.trim());
  const similar = useQuery(SIMILAR_IDEAS, {
    variables: { campaignId: campaign.id, text: probe },
    skip: probe.length < 4,
  });

  async function send(event: FormEvent) {
    event.preventDefault();
    const ok = errors.check(ideaProblems(idea, t));
    if (!ok) return;
    try {
      const result = await submit({
        variables: { input: { campaignId: campaign.id, title: title.trim(), body, tag: tag || null } },
      });
      onDone(result.data!.submitIdea.id);
    } catch (error) {
      errors.report(error, { CONFLICT: t('submit.conflict'), RATE_LIMITED: t('submit.rateLimited') });
    }
  }

  const matches = probe.length >= 4 ? (similar.data?.similarIdeas ?? []) : [];
  return (
    <form className="usa-form usa-form--large" onSubmit={send} noValidate>
      <ErrorSummary items={errors.summary} />
      <IdeaFields
        ids={IDS}
        value={idea}
        onChange={setIdea}
        tags={campaign.tags}
        errors={errors.fields}
        afterTitle={
          <section
            aria-live="polite"
            aria-labelledby="similar-heading"
            className={matches.length ? 'margin-y-2' : 'usa-sr-only'}
          >
            <h2 id="similar-heading" className="font-sans-sm margin-y-1">
              {matches.length ? t('submit.similar') : t('submit.noSimilar')}
            </h2>
            {matches.length ? (
              <>
                <p className="usa-hint margin-0">{t('submit.similarHint')}</p>
                <ul className="usa-list">
                  {matches.map((match) => (
                    <li key={match.id}>
                      <Link to={`/ideas/${match.id}`} target="_blank" rel="noopener">
                        {match.title}
                      </Link>{' '}
                      <span className="text-base">({t('votes.score', { count: match.score })})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        }
      />
      <button type="submit" className="usa-button margin-top-3" disabled={loading}>
        {t('submit.send')}
      </button>
    </form>
  );
}
