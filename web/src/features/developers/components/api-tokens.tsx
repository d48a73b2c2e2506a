import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import type { ApiTokenScope } from '../../../gql/graphql';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { CREATE_API_TOKEN, MY_API_TOKENS, REVOKE_API_TOKEN } from '../api/api-tokens';

const IDS = { name: 'api-token-name', scope: 'api-token-scope-READ', expiresAt: 'api-token-expires' };
const SCOPES: ApiTokenScope[] = ['READ', 'WRITE'];

/** A new token: its name, what it may do, when it stops; the token itself is shown once. */
function CreateTokenForm({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('READ');
  const [expiresAt, setExpiresAt] = useState('');
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const errors = useFormErrors(IDS);
  const [create, { loading }] = useMutation(CREATE_API_TOKEN);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setShown(null);
    if (!errors.check({ name: !name.trim() && t('tokens.nameRequired') })) return;
    try {
      const result = await create({
        variables: {
          input: { name: name.trim(), scope, expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null },
        },
      });
      errors.clear();
      setShown({ name: name.trim(), token: result.data!.createApiToken.token });
      setName('');
      setExpiresAt('');
      onCreated();
    } catch (error) {
      errors.report(error);
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">{t('tokens.new')}</h3>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={IDS.name}
        label={t('tokens.name')}
        hint={t('tokens.nameHint')}
        value={name}
        onChange={setName}
        maxLength={LIMITS.apiToken.nameMax}
        error={errors.fields.name}
        required
      />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('tokens.scope')}</legend>
        {SCOPES.map((value) => (
          <div className="usa-radio" key={value}>
            <input
              className="usa-radio__input usa-radio__input--tile"
              id={`api-token-scope-${value}`}
              type="radio"
              name="scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            <label className="usa-radio__label" htmlFor={`api-token-scope-${value}`}>
              {t(`tokens.scopes.${value}`)}
              <span className="usa-checkbox__label-description">{t(`tokens.scopeHints.${value}`)}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id={IDS.expiresAt}
        label={t('tokens.expiresAt')}
        hint={t('tokens.expiresAtHint')}
        type="datetime-local"
        value={expiresAt}
        onChange={setExpiresAt}
        error={errors.fields.expiresAt}
      />
      <button type="submit" className="usa-button margin-top-2" disabled={loading}>
        {t('tokens.create')}
      </button>
      {shown ? (
        <Alert type="success" heading={t('tokens.createdTitle', { name: shown.name })}>
          <p>{t('tokens.createdBody')}</p>
          <p>
            <code className="font-mono-xs" data-testid="new-token" style={{ wordBreak: 'break-all' }}>
              {shown.token}
            </code>
          </p>
        </Alert>
      ) : null}
    </form>
  );
}

/** The person's API tokens: what each may do, when it was last used, and a way to revoke it. */
export function ApiTokens() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(MY_API_TOKENS, { fetchPolicy: 'cache-and-network' });
  const [revoke, revoking] = useMutation(REVOKE_API_TOKEN);
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const tokens = data?.viewer?.apiTokens;
  async function confirmRevoke() {
    if (!confirming) return;
    try {
      await revoke({ variables: { id: confirming.id } });
      setMessage({ type: 'success', text: t('tokens.revoked', { name: confirming.name }) });
      await refetch();
    } catch (failure) {
      setMessage({ type: 'error', text: refusalText(readApiError(failure), t) });
    }
    setConfirming(null);
  }
  return (
    <section aria-labelledby="tokens-heading" className="margin-top-5">
      <h2 id="tokens-heading">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      {message ? <Alert type={message.type}>{message.text}</Alert> : null}
      {!tokens ? <p role="status">{t('common.loading')}</p> : null}
      {tokens && tokens.length === 0 ? <p>{t('tokens.none')}</p> : null}
      {tokens && tokens.length > 0 ? (
        <table className="usa-table usa-table--striped usa-table--stacked width-full" aria-labelledby="tokens-heading">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.scope')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('tokens.expires')}</th>
              <th scope="col">
                <span className="usa-sr-only">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row" data-label={t('tokens.name')}>
                  {token.name}
                </th>
                <td data-label={t('tokens.scope')}>{t(`tokens.scopes.${token.scope}`)}</td>
                <td data-label={t('tokens.created')}>
                  <DateText value={token.createdAt} />
                </td>
                <td data-label={t('tokens.lastUsed')}>
                  {token.lastUsedAt ? <DateText value={token.lastUsedAt} withTime /> : t('tokens.never')}
                </td>
                <td data-label={t('tokens.expires')}>
                  {token.expiresAt ? <DateText value={token.expiresAt} withTime /> : t('tokens.noExpiry')}
                </td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    onClick={() => setConfirming({ id: token.id, name: token.name })}
                  >
                    {t('tokens.revoke')}
                    <span className="usa-sr-only">: {token.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Dialog
        open={confirming !== null}
        title={t('tokens.confirmTitle', { name: confirming?.name ?? '' })}
        onClose={() => setConfirming(null)}
      >
        <p>{t('tokens.confirmBody')}</p>
        <button
          type="button"
          className="usa-button usa-button--secondary"
          disabled={revoking.loading}
          onClick={() => void confirmRevoke()}
        >
          {t('tokens.confirmRevoke')}
        </button>
      </Dialog>
      <CreateTokenForm
        onCreated={() => {
          setMessage(null);
          void refetch();
        }}
      />
    </section>
  );
}
