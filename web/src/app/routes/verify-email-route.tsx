import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { VERIFY_EMAIL } from '../../features/session/api/account';
import { readApiError, refusalText } from '../../lib/api-errors';
import { usePageTitle } from '../use-page-title';

type State = { status: 'working' } | { status: 'done' } | { status: 'failed'; message: string };

/** The emailed verification link's page: confirms the address once, signed in or not. */
export function VerifyEmailRoute() {
  const { t } = useTranslation();
  usePageTitle(t('account.verifyTitle'));
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [verify] = useMutation(VERIFY_EMAIL);
  const [state, setState] = useState<State>({ status: 'working' });
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    verify({ variables: { token: params.get('token') ?? '' } }).then(
      async () => {
        await client.refetchQueries({ include: 'active' });
        setState({ status: 'done' });
      },
      (error: unknown) => {
        const api = readApiError(error, t);
        setState({ status: 'failed', message: api?.fields.token ?? refusalText(api, t) });
      },
    );
  }, [client, params, t, verify]);

  return (
    <>
      <h1>{t('account.verifyTitle')}</h1>
      <div role="status">
        {state.status === 'working' ? <p>{t('account.verifying')}</p> : null}
        {state.status === 'done' ? (
          <div className="usa-alert usa-alert--success">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t('account.verified')}</p>
            </div>
          </div>
        ) : null}
        {state.status === 'failed' ? (
          <div className="usa-alert usa-alert--error">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{state.message}</p>
            </div>
          </div>
        ) : null}
      </div>
      <p>
        <Link to="/">{t('account.toHome')}</Link>
      </p>
    </>
  );
}
