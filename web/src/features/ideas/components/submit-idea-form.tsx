import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SIMILAR_IDEAS, SUBMIT_IDEA } from '../api/submit-idea';

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
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tag, setTag] = useState('');
  const errors = useFormErrors(IDS);
  const [submit, { loading }] = useMutation(SUBMIT_IDEA);
  const probe = useSettled(`${title} ${body.slice(0, 200)}`.trim());
  const similar = useQuery(SIMILAR_IDEAS, {
    variables: { campaignId: campaign.id, text: probe },
    skip: probe.length < 4,
  });

  async function send(event: FormEvent) {
    event.preventDefault();
    const titleLength = [...title.trim()].length;
    const ok = errors.check({
      title:
        (titleLength < LIMITS.idea.titleMin || titleLength > LIMITS.idea.titleMax) &&
        t('submit.titleLength', { min: LIMITS.idea.titleMin, max: LIMITS.idea.titleMax }),
      body:
        (!body.trim() && t('submit.bodyRequired')) ||
        ([...body].length > LIMITS.idea.bodyMax && t('submit.bodyLength', { max: LIMITS.idea.bodyMax })),
    });
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
      <TextField
        id={IDS.title}
        label={t('submit.title')}
        hint={t('submit.titleHint')}
        value={title}
        onChange={setTitle}
        maxLength={LIMITS.idea.titleMax}
        error={errors.fields.title}
        required
      />
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
              {matches.map((idea) => (
                <li key={idea.id}>
                  <Link to={`/ideas/${idea.id}`} target="_blank" rel="noopener">
                    {idea.title}
                  </Link>{' '}
                  <span className="text-base">({t('votes.score', { count: idea.score })})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <TextField
        id={IDS.body}
        label={t('submit.body')}
        hint={t('submit.bodyHint')}
        value={body}
        onChange={setBody}
        maxLength={LIMITS.idea.bodyMax}
        multiline
        rows={8}
        error={errors.fields.body}
        required
      />
      {campaign.tags.length ? (
        <SelectField
          id={IDS.tag}
          label={t('submit.tag')}
          value={tag}
          onChange={setTag}
          error={errors.fields.tag}
          options={[
            { value: '', label: t('submit.noTag') },
            ...campaign.tags.map((value) => ({ value, label: value })),
          ]}
        />
      ) : null}
      <button type="submit" className="usa-button margin-top-3" disabled={loading}>
        {t('submit.send')}
      </button>
    </form>
  );
}
