import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignUpForm } from '../../features/session/components/sign-up-form';
import { usePageTitle } from '../use-page-title';
import { nextPath } from '../../lib/return-path';

export function SignUpRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t('session.signUpTitle'));
  return (
    <>
      <h1>{t('session.signUpTitle')}</h1>
      <SignUpForm onDone={() => navigate(nextPath(params), { replace: true })} />
      <p>
        {t('session.haveAccount')} <Link to={`/sign-in?${params.toString()}`}>{t('session.signIn')}</Link>
      </p>
    </>
  );
}
