import { useTranslation } from 'react-i18next';
import { AgenciesAdmin } from '../../features/admin/components/agencies-admin';
import { FailedMail } from '../../features/admin/components/failed-mail';
import { PeopleList } from '../../features/admin/components/people-list';
import { RoleForm } from '../../features/admin/components/role-form';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function AdminRoute() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  return (
    <RequireSignedIn allow={(v) => v.isAdmin}>
      <h1>{t('admin.title')}</h1>
      <nav aria-label={t('admin.onThisPage')} className="margin-bottom-3">
        <ul className="usa-list usa-list--unstyled display-flex flex-wrap">
          {[
            ['people-heading', t('people.title')],
            ['agencies-heading', t('admin.agencies')],
            ['role-heading', t('admin.roles')],
            ['failed-mail-heading', t('admin.failedMail')],
          ].map(([id, label]) => (
            <li key={id} className="margin-right-3 margin-bottom-1">
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PeopleList />
      <AgenciesAdmin />
      <RoleForm />
      <FailedMail />
    </RequireSignedIn>
  );
}
