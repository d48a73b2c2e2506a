import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import { TextField } from '../../../components/ui/text-field';
import type { SuspensionsQuery } from '../../../gql/graphql';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { LIFT_SUSPENSION, SUSPENSIONS } from '../api/queue';

type Suspended = SuspensionsQuery['people']['edges'][number]['node'];

/** People suspended now, until when and why; moderators and admins lift a suspension early, with a reason. */
export function Suspensions() {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useQuery(SUSPENSIONS, {
    variables: { first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const people = data?.people;
  return (
    <section aria-labelledby="suspensions-heading" className="margin-top-4">
      <h2 id="suspensions-heading">{t('suspensions.title')}</h2>
      {notice ? (
        <Alert type="success" focus>
          {notice}
        </Alert>
      ) : null}
      {!people ? (
        <p role="status">{t('common.loading')}</p>
      ) : !people.edges.length ? (
        <p>{t('suspensions.none')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {people.edges.map(({ node }) => (
            <SuspendedPerson
              key={node.user.id}
              person={node}
              onStart={() => setNotice(null)}
              onLifted={() => {
                setNotice(t('suspensions.lifted', { name: node.user.displayName }));
                void refetch();
              }}
            />
          ))}
        </ul>
      )}
      {people ? (
        <LoadMore
          hasMore={people.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { after: people.pageInfo.endCursor } })}
        />
      ) : null}
    </section>
  );
}

function SuspendedPerson({ person, onStart, onLifted }: { person: Suspended; onStart(): void; onLifted(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [lift, { loading }] = useMutation(LIFT_SUSPENSION);
  const id = `lift-${person.user.id}`;
  async function send() {
    onStart();
    if (!reason.trim()) return setError(t('suspensions.reasonRequired'));
    setError(undefined);
    try {
      await lift({ variables: { userId: person.user.id, reason: reason.trim() } });
      onLifted();
    } catch (failure) {
      const api = readApiError(failure, t);
      setError(api?.fields.reason ?? refusalText(api, t));
    }
  }
  return (
    <li className="border-1px border-base-lighter radius-md padding-2 margin-bottom-2" data-testid="suspension">
      <h3 className="margin-top-0 font-sans-sm">
        <Link to={`/people/${person.user.id}`}>{person.user.displayName}</Link>
      </h3>
      <p className="margin-y-05">
        {t('suspensions.until')} <DateText value={person.suspendedUntil!} withTime />
      </p>
      {person.suspensionReason ? (
        <p className="margin-y-05">{t('log.because', { reason: person.suspensionReason })}</p>
      ) : null}
      <TextField
        id={id}
        label={t('suspensions.liftReason')}
        value={reason}
        onChange={setReason}
        maxLength={LIMITS.moderation.reasonMax}
        error={error}
        required
      />
      <button
        type="button"
        className="usa-button usa-button--outline margin-top-1"
        disabled={loading}
        onClick={() => void send()}
      >
        {t('suspensions.lift')}
      </button>
    </li>
  );
}
