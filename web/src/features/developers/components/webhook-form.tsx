import { useMutation } from '@apollo/client/react';
import { WEBHOOK_EVENT_TYPES } from '@consulta/shared/enums';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { WebhookEvent } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/use-form-errors';
import { CREATE_WEBHOOK } from '../api/webhooks';

/** Every event, in the order the shared catalog names them with the `type` each is sent as. */
const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEvent[];
type Scope = 'ALL' | 'AGENCY' | 'CAMPAIGN';
const SCOPES: Scope[] = ['ALL', 'AGENCY', 'CAMPAIGN'];
const IDS = {
  url: 'webhook-url',
  events: 'webhook-event-IDEA_SUBMITTED',
  agencyId: 'webhook-agency',
  campaignId: 'webhook-campaign',
};

interface Choice {
  id: string;
  label: string;
}

/** A new webhook: its address, its events and its scope; the signing secret is shown once. */
export function WebhookForm(props: { agencies: Choice[]; campaigns: Choice[]; onCreated(): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['OFFICIAL_RESPONSE_POSTED']);
  const [scope, setScope] = useState<Scope>('ALL');
  const [agencyId, setAgencyId] = useState(props.agencies[0]?.id ?? '');
  const [campaignId, setCampaignId] = useState(props.campaigns[0]?.id ?? '');
  const [secret, setSecret] = useState<string | null>(null);
  const errors = useFormErrors(IDS);
  const [create, { loading }] = useMutation(CREATE_WEBHOOK);
  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));

  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    setSecret(null);
    const checked = errors.check({
      url: !url.trim() && t('webhooks.urlRequired'),
      events: events.length === 0 && t('webhooks.eventsRequired'),
    });
    if (!checked) return;
    try {
      const result = await create({
        variables: {
          input: {
            url: url.trim(),
            events,
            agencyId: scope === 'AGENCY' ? agencyId : null,
            campaignId: scope === 'CAMPAIGN' ? campaignId : null,
          },
        },
      });
      errors.clear();
      setSecret(result.data!.createWebhook.secret);
      setUrl('');
      props.onCreated();
    } catch (error) {
      errors.report(error);
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate aria-labelledby="new-webhook-heading">
      <h3 id="new-webhook-heading">{t('webhooks.new')}</h3>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={IDS.url}
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        type="url"
        value={url}
        onChange={setUrl}
        maxLength={LIMITS.webhook.urlMax}
        error={errors.fields.url}
        required
      />
      <fieldset className={`usa-fieldset margin-top-3 ${errors.fields.events ? 'usa-form-group--error' : ''}`}>
        <legend className="usa-legend">{t('webhooks.events')}</legend>
        {errors.fields.events ? (
          <span className="usa-error-message" role="alert">
            {errors.fields.events}
          </span>
        ) : null}
        {WEBHOOK_EVENTS.map((event) => (
          <CheckboxField
            key={event}
            id={`webhook-event-${event}`}
            label={t(`webhooks.eventNames.${event}`)}
            description={t(`webhooks.eventHints.${event}`)}
            checked={events.includes(event)}
            onChange={(on) => toggle(event, on)}
          />
        ))}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('webhooks.scope')}</legend>
        {SCOPES.map((value) => (
          <div className="usa-radio" key={value}>
            <input
              className="usa-radio__input"
              id={`webhook-scope-${value}`}
              type="radio"
              name="webhook-scope"
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            <label className="usa-radio__label" htmlFor={`webhook-scope-${value}`}>
              {t(`webhooks.scopes.${value}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {scope === 'AGENCY' ? (
        <SelectField
          id={IDS.agencyId}
          label={t('webhooks.agency')}
          value={agencyId}
          options={props.agencies.map((a) => ({ value: a.id, label: a.label }))}
          onChange={setAgencyId}
          error={errors.fields.agencyId}
        />
      ) : null}
      {scope === 'CAMPAIGN' ? (
        <SelectField
          id={IDS.campaignId}
          label={t('webhooks.campaign')}
          value={campaignId}
          options={props.campaigns.map((c) => ({ value: c.id, label: c.label }))}
          onChange={setCampaignId}
          error={errors.fields.campaignId}
        />
      ) : null}
      <button type="submit" className="usa-button margin-top-2" disabled={loading}>
        {t('webhooks.create')}
      </button>
      {secret ? (
        <Alert type="success" heading={t('webhooks.createdTitle')}>
          <p>{t('webhooks.createdBody')}</p>
          <p>
            <code className="font-mono-xs" data-testid="new-webhook-secret" style={{ wordBreak: 'break-all' }}>
              {secret}
            </code>
          </p>
        </Alert>
      ) : null}
    </form>
  );
}
