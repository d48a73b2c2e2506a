import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { useFormErrors } from '../../../lib/use-form-errors';

export interface CampaignFields {
  title: string;
  summary: string;
  body: string;
  votingMode: 'SUPPORT' | 'UP_DOWN';
  voteBudget: string;
  responseThreshold: string;
  responseDays: string;
  tags: string;
  opensAt: string;
  closesAt: string;
  requireVerifiedEmail: boolean;
}

const IDS = {
  title: 'campaign-title',
  summary: 'campaign-summary',
  body: 'campaign-body',
  votingMode: 'campaign-mode-SUPPORT',
  voteBudget: 'campaign-budget',
  responseThreshold: 'campaign-threshold',
  responseDays: 'campaign-response-days',
  tags: 'campaign-tags',
  opensAt: 'campaign-opens',
  closesAt: 'campaign-closes',
};

/** "2026-12-01T10:00" in local time, for datetime-local inputs. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

export function toInput(fields: CampaignFields) {
  const number = (value: string) => (value.trim() ? Number(value) : null);
  const date = (value: string) => (value ? new Date(value).toISOString() : null);
  return {
    title: fields.title.trim(),
    summary: fields.summary.trim(),
    body: fields.body,
    voteBudget: number(fields.voteBudget),
    responseThreshold: number(fields.responseThreshold),
    responseDays: number(fields.responseDays),
    tags: fields.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    opensAt: date(fields.opensAt),
    closesAt: date(fields.closesAt),
    requireVerifiedEmail: fields.requireVerifiedEmail,
  };
}

interface CampaignFormProps {
  initial: CampaignFields;
  /** The voting mode is chosen once, at creation. */
  modeFixed?: boolean;
  submitLabel: string;
  onSubmit(fields: CampaignFields): Promise<unknown>;
}

/** Every rule of a campaign, each explained in plain words; errors from the API land beside their field. */
export function CampaignForm({ initial, modeFixed, submitLabel, onSubmit }: CampaignFormProps) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(IDS);
  const set = (name: Exclude<keyof CampaignFields, 'requireVerifiedEmail'>) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));

  async function send(event: FormEvent) {
    event.preventDefault();
    const length = (value: string) => [...value.trim()].length;
    const ok = errors.check({
      title:
        (length(fields.title) < LIMITS.campaign.titleMin || length(fields.title) > LIMITS.campaign.titleMax) &&
        t('campaignForm.titleLength', { min: LIMITS.campaign.titleMin, max: LIMITS.campaign.titleMax }),
      summary:
        (length(fields.summary) < LIMITS.campaign.summaryMin || length(fields.summary) > LIMITS.campaign.summaryMax) &&
        t('campaignForm.summaryLength', { min: LIMITS.campaign.summaryMin, max: LIMITS.campaign.summaryMax }),
      body: !fields.body.trim() && t('campaignForm.bodyRequired'),
      voteBudget:
        fields.voteBudget.trim() !== '' &&
        !(Number.isInteger(Number(fields.voteBudget)) && Number(fields.voteBudget) >= 1) &&
        t('campaignForm.wholeNumber'),
      responseThreshold:
        fields.responseThreshold.trim() !== '' &&
        !(Number.isInteger(Number(fields.responseThreshold)) && Number(fields.responseThreshold) >= 1) &&
        t('campaignForm.wholeNumber'),
      responseDays:
        fields.responseDays.trim() !== '' &&
        !(
          Number.isInteger(Number(fields.responseDays)) &&
          Number(fields.responseDays) >= 0 &&
          Number(fields.responseDays) <= LIMITS.campaign.responseDaysMax
        ) &&
        t('errors.field.wholeDays', { max: LIMITS.campaign.responseDaysMax }),
      closesAt:
        (fields.opensAt !== '' &&
          fields.closesAt !== '' &&
          fields.closesAt <= fields.opensAt &&
          t('campaignForm.closesAfterOpens')) ||
        (fields.closesAt !== '' &&
          fields.closesAt !== initial.closesAt &&
          new Date(fields.closesAt).getTime() <= Date.now() &&
          t('errors.field.timeInFuture')),
    });
    if (!ok) return;
    setBusy(true);
    try {
      await onSubmit(fields);
    } catch (error) {
      errors.report(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={send} noValidate>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={IDS.title}
        label={t('campaignForm.title')}
        hint={t('campaignForm.titleHint')}
        value={fields.title}
        onChange={set('title')}
        maxLength={LIMITS.campaign.titleMax}
        error={errors.fields.title}
        required
      />
      <TextField
        id={IDS.summary}
        label={t('campaignForm.summary')}
        hint={t('campaignForm.summaryHint')}
        value={fields.summary}
        onChange={set('summary')}
        maxLength={LIMITS.campaign.summaryMax}
        multiline
        rows={3}
        error={errors.fields.summary}
        required
      />
      <TextField
        id={IDS.body}
        label={t('campaignForm.body')}
        hint={t('campaignForm.bodyHint')}
        value={fields.body}
        onChange={set('body')}
        maxLength={LIMITS.campaign.bodyMax}
        multiline
        rows={8}
        error={errors.fields.body}
        required
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('campaignForm.votingMode')}</legend>
        <span className="usa-hint">
          {modeFixed ? t('campaignForm.votingModeFixed') : t('campaignForm.votingModeHint')}
        </span>
        {(['SUPPORT', 'UP_DOWN'] as const).map((mode) => (
          <div className="usa-radio" key={mode}>
            <input
              className="usa-radio__input"
              id={`campaign-mode-${mode}`}
              type="radio"
              name="votingMode"
              value={mode}
              checked={fields.votingMode === mode}
              disabled={modeFixed}
              onChange={() => setFields((f) => ({ ...f, votingMode: mode }))}
            />
            <label className="usa-radio__label" htmlFor={`campaign-mode-${mode}`}>
              {t(`campaignForm.modes.${mode}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id={IDS.voteBudget}
        label={t('campaignForm.voteBudget')}
        hint={t('campaignForm.voteBudgetHint')}
        type="number"
        min={1}
        value={fields.voteBudget}
        onChange={set('voteBudget')}
        error={errors.fields.voteBudget}
      />
      <TextField
        id={IDS.responseThreshold}
        label={t('campaignForm.threshold')}
        hint={t('campaignForm.thresholdHint')}
        type="number"
        min={1}
        value={fields.responseThreshold}
        onChange={set('responseThreshold')}
        error={errors.fields.responseThreshold}
      />
      <TextField
        id={IDS.responseDays}
        label={t('campaignForm.responseDays')}
        hint={t('campaignForm.responseDaysHint')}
        type="number"
        min={0}
        max={LIMITS.campaign.responseDaysMax}
        value={fields.responseDays}
        onChange={set('responseDays')}
        error={errors.fields.responseDays}
      />
      <TextField
        id={IDS.tags}
        label={t('campaignForm.tags')}
        hint={t('campaignForm.tagsHint')}
        value={fields.tags}
        onChange={set('tags')}
        error={errors.fields.tags}
      />
      <TextField
        id={IDS.opensAt}
        label={t('campaignForm.opensAt')}
        hint={t('campaignForm.opensAtHint')}
        type="datetime-local"
        value={fields.opensAt}
        onChange={set('opensAt')}
        error={errors.fields.opensAt}
      />
      <TextField
        id={IDS.closesAt}
        label={t('campaignForm.closesAt')}
        hint={t('campaignForm.closesAtHint')}
        type="datetime-local"
        value={fields.closesAt}
        onChange={set('closesAt')}
        error={errors.fields.closesAt}
      />
      <CheckboxField
        id="campaign-verified-only"
        className="margin-top-3"
        label={t('campaignForm.verifiedOnly')}
        description={t('campaignForm.verifiedOnlyHint')}
        checked={fields.requireVerifiedEmail}
        onChange={(checked) => setFields((f) => ({ ...f, requireVerifiedEmail: checked }))}
      />
      <button type="submit" className="usa-button margin-top-3" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
