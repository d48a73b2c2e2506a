import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { Role } from '../../../gql/graphql';
import { PEOPLE } from '../api/admin';

const ROLES: Role[] = ['CITIZEN', 'MODERATOR', 'ADMIN'];

/** Everyone with an account, searchable by name or address, filtered by role or suspension; stacks on a phone. */
export function PeopleList() {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const [filter, setFilter] = useState<{ search: string | null; role: Role | null; suspended: boolean }>({
    search: null,
    role: null,
    suspended: false,
  });
  const { data, loading, error, fetchMore } = useQuery(PEOPLE, {
    variables: { ...filter, suspended: filter.suspended || null, first: 10 },
    fetchPolicy: 'cache-and-network',
  });
  const people = data?.people;
  function search(event: FormEvent) {
    event.preventDefault();
    setFilter((f) => ({ ...f, search: words.trim() || null }));
  }
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('people.title')}</h2>
      <form className="usa-form maxw-full" role="search" aria-label={t('people.title')} onSubmit={search}>
        <div className="grid-row grid-gap-2">
          <div className="grid-col-12 tablet:grid-col-5">
            <TextField id="people-search" label={t('people.search')} type="search" value={words} onChange={setWords} />
          </div>
          <div className="grid-col-12 tablet:grid-col-3">
            <SelectField
              id="people-role"
              label={t('admin.siteRole')}
              value={filter.role ?? ''}
              onChange={(value) => setFilter((f) => ({ ...f, role: (value || null) as Role | null }))}
              options={[
                { value: '', label: t('people.anyRole') },
                ...ROLES.map((value) => ({ value, label: t(`role.${value}`) })),
              ]}
            />
          </div>
          <div className="grid-col-12 tablet:grid-col-4 padding-top-4">
            <CheckboxField
              id="people-suspended"
              label={t('people.suspendedOnly')}
              checked={filter.suspended}
              onChange={(checked) => setFilter((f) => ({ ...f, suspended: checked }))}
            />
          </div>
        </div>
        <button type="submit" className="usa-button margin-top-2">
          {t('people.find')}
        </button>
      </form>
      {error ? (
        <Alert type="error">{t('errors.load')}</Alert>
      ) : !people ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p role="status">{t('people.count', { count: people.totalCount })}</p>
          <table className="usa-table usa-table--borderless usa-table--stacked width-full">
            <caption className="usa-sr-only">{t('people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.email')}</th>
                <th scope="col">{t('admin.siteRole')}</th>
                <th scope="col">{t('people.state')}</th>
              </tr>
            </thead>
            <tbody>
              {people.edges.map(({ node }) => (
                <tr key={node.user.id} data-testid="person-row">
                  <th scope="row" data-label={t('people.name')}>
                    <Link to={`/people/${node.user.id}`}>{node.user.displayName}</Link>
                    <br />
                    <span className="font-sans-3xs">
                      {t('people.joined')} <DateText value={node.user.createdAt} />
                    </span>
                  </th>
                  <td data-label={t('people.email')} className="text-break-all">
                    {node.email}
                  </td>
                  <td data-label={t('admin.siteRole')}>{t(`role.${node.user.role}`)}</td>
                  <td data-label={t('people.state')}>
                    {node.emailVerified ? t('people.verified') : t('people.notVerified')}
                    {node.suspendedUntil ? (
                      <>
                        <br />
                        {t('suspensions.until')} <DateText value={node.suspendedUntil} withTime />
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={people.pageInfo.hasNextPage}
            loading={loading}
            onClick={() => fetchMore({ variables: { after: people.pageInfo.endCursor } })}
          />
        </>
      )}
    </section>
  );
}
