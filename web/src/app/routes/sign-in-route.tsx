import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../../features/session/components/sign-in-form';
import { nextPath } from '../../lib/return-path';
import { usePageTitle } from '../use-page-title';

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t('session.signInTitle'));
  return (
    <>
      <h1>{t('session.signInTitle')}</h1>
      <SignInForm onDone={() => navigate(nextPath(params), { replace: true })} />
      <p>
        <Link to="/forgot-password">{t('account.forgotLink')}</Link>
      </p>
      <p>
        {t('session.noAccount')} <Link to={`/sign-up?${params.toString()}`}>{t('session.createAccount')}</Link>
      </p>
    </>
  );
}
