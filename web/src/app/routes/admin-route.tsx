import { useTranslation } from 'react-i18next';
import { AgenciesAdmin } from '../../features/admin/components/agencies-admin';
import { FailedMail } from '../../features/admin/components/failed-mail';
import { RoleForm } from '../../features/admin/components/role-form';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function AdminRoute() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  return (
    <RequireSignedIn allow={(v) => v.isAdmin}>
      <h1>{t('admin.title')}</h1>
      <AgenciesAdmin />
      <RoleForm />
      <FailedMail />
    </RequireSignedIn>
  );
}
