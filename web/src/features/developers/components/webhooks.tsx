import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { Dialog } from '../../../components/ui/dialog';
import type { WebhookFieldsFragment } from '../../../gql/graphql';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { DELETE_WEBHOOK, MY_WEBHOOKS } from '../api/webhooks';
import { WebhookForm } from './webhook-form';

/** What one attempt came to, in words: the HTTP status, or why there was none. */
function DeliveryOutcome({ delivery }: { delivery: WebhookFieldsFragment['deliveries']['edges'][number]['node'] }) {
  const { t } = useTranslation();
  const status = t(`webhooks.statuses.${delivery.status}`);
  const detail =
    delivery.failure && delivery.failure !== 'HTTP_STATUS'
      ? t(`webhooks.failures.${delivery.failure}`)
      : delivery.responseStatus !== null && delivery.responseStatus !== undefined
        ? t('webhooks.httpStatus', { status: delivery.responseStatus })
        : null;
  return (
    <>
      {status}
      {detail ? <>: {detail}</> : null}
    </>
  );
}

function WebhookCard({ webhook, onDelete }: { webhook: WebhookFieldsFragment; onDelete(): void }) {
  const { t } = useTranslation();
  const deliveries = webhook.deliveries.edges.map((edge) => edge.node);
  const scope = webhook.campaign
    ? t('webhooks.scopeCampaign', { title: webhook.campaign.title })
    : webhook.agency
      ? t('webhooks.scopeAgency', { name: webhook.agency.name })
      : t('webhooks.scopeAll');
  const headingId = `webhook-${webhook.id}`;
  return (
    <li className="usa-card margin-bottom-3">
      <section className="usa-card__container" aria-labelledby={headingId}>
        <div className="usa-card__header">
          <h3 className="usa-card__heading" id={headingId} style={{ wordBreak: 'break-all' }}>
            {webhook.url}
          </h3>
        </div>
        <div className="usa-card__body">
          <p>
            {webhook.active ? (
              <span className="usa-tag bg-green">{t('webhooks.active')}</span>
            ) : (
              <span className="usa-tag bg-secondary-dark">{t('webhooks.inactive')}</span>
            )}{' '}
            {scope}
          </p>
          {webhook.deactivatedAt ? (
            <Alert type="warning">
              {t('webhooks.deactivatedOn')} <DateText value={webhook.deactivatedAt} withTime />
            </Alert>
          ) : webhook.failingSince ? (
            <p>
              {t('webhooks.failingSince')} <DateText value={webhook.failingSince} withTime />
            </p>
          ) : null}
          <p>
            {t('webhooks.eventsList')} {webhook.events.map((event) => t(`webhooks.eventNames.${event}`)).join(', ')}
          </p>
          <h4>{t('webhooks.recent', { count: webhook.deliveries.totalCount })}</h4>
          {deliveries.length === 0 ? (
            <p>{t('webhooks.noDeliveries')}</p>
          ) : (
            <table
              className="usa-table usa-table--compact usa-table--stacked width-full"
              aria-label={t('webhooks.recentLabel')}
            >
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.when')}</th>
                  <th scope="col">{t('webhooks.event')}</th>
                  <th scope="col">{t('webhooks.outcome')}</th>
                  <th scope="col">{t('webhooks.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td data-label={t('webhooks.when')}>
                      <DateText value={delivery.createdAt} withTime />
                    </td>
                    <td data-label={t('webhooks.event')}>{t(`webhooks.eventNames.${delivery.event}`)}</td>
                    <td data-label={t('webhooks.outcome')}>
                      <DeliveryOutcome delivery={delivery} />
                      {delivery.nextAttemptAt ? (
                        <>
                          {' '}
                          {t('webhooks.nextAttempt')} <DateText value={delivery.nextAttemptAt} withTime />
                        </>
                      ) : null}
                    </td>
                    <td data-label={t('webhooks.attempts')}>{delivery.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="usa-card__footer">
          <button type="button" className="usa-button usa-button--outline" onClick={onDelete}>
            {t('webhooks.delete')}
            <span className="usa-sr-only">: {webhook.url}</span>
          </button>
        </div>
      </section>
    </li>
  );
}

/** The person's webhooks with their recent deliveries, and a form for a new one (confirmed addresses only). */
export function Webhooks() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(MY_WEBHOOKS, { fetchPolicy: 'cache-and-network' });
  const [remove, removing] = useMutation(DELETE_WEBHOOK);
  const [confirming, setConfirming] = useState<WebhookFieldsFragment | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const viewer = data?.viewer;
  async function confirmDelete() {
    if (!confirming) return;
    try {
      await remove({ variables: { id: confirming.id } });
      setMessage({ type: 'success', text: t('webhooks.deleted', { url: confirming.url }) });
      await refetch();
    } catch (failure) {
      setMessage({ type: 'error', text: refusalText(readApiError(failure), t) });
    }
    setConfirming(null);
  }
  return (
    <section aria-labelledby="webhooks-heading" className="margin-top-5" id="webhooks">
      <h2 id="webhooks-heading">{t('webhooks.title')}</h2>
      <p>{t('webhooks.intro')}</p>
      {message ? <Alert type={message.type}>{message.text}</Alert> : null}
      {!viewer ? <p role="status">{t('common.loading')}</p> : null}
      {viewer && viewer.webhooks.length === 0 ? <p>{t('webhooks.none')}</p> : null}
      {viewer && viewer.webhooks.length > 0 ? (
        <ul className="usa-card-group display-block">
          {viewer.webhooks.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} onDelete={() => setConfirming(webhook)} />
          ))}
        </ul>
      ) : null}
      <Dialog open={confirming !== null} title={t('webhooks.confirmTitle')} onClose={() => setConfirming(null)}>
        <p>{t('webhooks.confirmBody', { url: confirming?.url ?? '' })}</p>
        <button
          type="button"
          className="usa-button usa-button--secondary"
          disabled={removing.loading}
          onClick={() => void confirmDelete()}
        >
          {t('webhooks.confirmDelete')}
        </button>
      </Dialog>
      {viewer && !viewer.emailVerified ? <Alert type="info">{t('webhooks.confirmAddressFirst')}</Alert> : null}
      {viewer?.emailVerified ? (
        <WebhookForm
          agencies={(data?.agencies ?? []).map((a) => ({ id: a.id, label: a.name }))}
          campaigns={(data?.campaigns.edges ?? []).map((e) => ({ id: e.node.id, label: e.node.title }))}
          onCreated={() => {
            setMessage(null);
            void refetch();
          }}
        />
      ) : null}
    </section>
  );
}
