import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { usePageTitle } from '../../../app/use-page-title';

type State = { status: 'working' } | { status: 'done' } | { status: 'failed'; message: string };

/**
 * The page an emailed link opens: runs its mutation with the link's token once, signed in or not, and says
 * how it went (the token's own error when the link no longer works).
 */
export function LinkConfirmation({
  title,
  working,
  done,
  run,
}: {
  title: string;
  working: string;
  done: string;
  run(token: string): Promise<unknown>;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [state, setState] = useState<State>({ status: 'working' });
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    run(params.get('token') ?? '').then(
      async () => {
        await client.refetchQueries({ include: 'active' });
        setState({ status: 'done' });
      },
      (error: unknown) => {
        const api = readApiError(error, t);
        setState({ status: 'failed', message: api?.fields.token ?? refusalText(api, t) });
      },
    );
  }, [client, params, t, run]);

  return (
    <>
      <h1>{title}</h1>
      <div role="status">
        {state.status === 'working' ? <p>{working}</p> : null}
        {state.status === 'done' ? (
          <div className="usa-alert usa-alert--success">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{done}</p>
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
