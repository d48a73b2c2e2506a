import { useQuery } from '@apollo/client/react';
import type { ReactElement } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import { SelectField } from '../../../components/ui/select-field';
import type { ModerationLogQuery } from '../../../gql/graphql';
import { formatDate } from '../../../lib/format';
import { MODERATION_LOG } from '../api/queue';

type Entry = ModerationLogQuery['moderationLog']['edges'][number]['node'];

/** The actions the log tells in words (and offers as a filter), as the API names them. */
export const LOG_ACTIONS = [
  'idea.response_posted',
  'idea.hidden',
  'idea.kept_hidden',
  'idea.restored',
  'idea.flags_dismissed',
  'idea.flags_reopened',
  'comment.hidden',
  'comment.kept_hidden',
  'comment.restored',
  'comment.flags_dismissed',
  'comment.flags_reopened',
  'flag.dismissed',
  'user.suspended',
  'user.suspension_lifted',
  'user.role_changed',
  'agency.created',
  'agency.updated',
  'agency.member_added',
  'agency.member_role_changed',
  'agency.member_removed',
  'campaign.created',
  'campaign.updated',
  'campaign.open',
  'campaign.closed',
  'campaign.archived',
] as const;

const keyOf = (action: string) => action.replace('.', '_');

/** A status, role or agency role in the reader's words (the log keeps them as the API names them). */
function useStateWords() {
  const { t } = useTranslation();
  return (value: string | null | undefined) => {
    if (!value) return '';
    for (const group of ['status', 'role', 'agencyRole']) {
      const words = t(`${group}.${value}`, { defaultValue: '' });
      if (words) return words;
    }
    return value;
  };
}

/** Where the entry's target is on the site: its idea, its consultation, the person's public page. */
function targetElement(entry: Entry): ReactElement {
  if (entry.ideaId) return <Link to={`/ideas/${entry.ideaId}`} />;
  if (entry.campaignSlug) return <Link to={`/campaigns/${entry.campaignSlug}`} />;
  if (entry.targetType === 'User') return <Link to={`/people/${entry.targetId}`} />;
  return <strong />;
}

/** One entry as a sentence: "Omar Okafor answered ‘Shade trees…’ (Submitted → Accepted)". */
function Sentence({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  const words = useStateWords();
  const known = (LOG_ACTIONS as readonly string[]).includes(entry.action);
  return (
    <Trans
      i18nKey={known ? `log.sentence.${keyOf(entry.action)}` : 'log.sentence.other'}
      values={{
        actor: entry.actor.displayName,
        target: entry.targetName ?? t('log.gone'),
        from: words(entry.from),
        to: words(entry.to),
        until: entry.until ? formatDate(entry.until, i18n.resolvedLanguage ?? 'en', true) : '',
        count: entry.flagCount ?? 1,
        action: entry.action,
      }}
      components={{ target: targetElement(entry), actor: <span className="text-bold" /> }}
    />
  );
}

/** The audit log in words, newest first, filtered by action and by person; each entry stacks on a phone. */
export function ModerationLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') || null;
  const actorId = params.get('person') || null;
  const { data, loading, error, fetchMore } = useQuery(MODERATION_LOG, {
    variables: { first: 30, action, actorId },
    fetchPolicy: 'cache-and-network',
  });
  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const log = data?.moderationLog;
  return (
    <>
      <form
        className="usa-form grid-row grid-gap-2 maxw-full"
        aria-label={t('log.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="grid-col-12 tablet:grid-col-6">
          <SelectField
            id="log-action"
            label={t('log.filterAction')}
            value={action ?? ''}
            onChange={(value) => filter('action', value)}
            options={[
              { value: '', label: t('log.everyAction') },
              ...LOG_ACTIONS.map((value) => ({ value, label: t(`log.actions.${keyOf(value)}`) })),
            ]}
          />
        </div>
        <div className="grid-col-12 tablet:grid-col-6">
          <SelectField
            id="log-person"
            label={t('log.filterPerson')}
            value={actorId ?? ''}
            onChange={(value) => filter('person', value)}
            options={[
              { value: '', label: t('log.everyone') },
              ...(data?.moderationLogActors ?? []).map((person) => ({ value: person.id, label: person.displayName })),
            ]}
          />
        </div>
      </form>
      {!log ? (
        <p role="status">{t('common.loading')}</p>
      ) : !log.edges.length ? (
        <p>{t(action || actorId ? 'log.noneMatch' : 'log.empty')}</p>
      ) : (
        <ol className="usa-list usa-list--unstyled margin-top-3" aria-label={t('log.entries')}>
          {log.edges.map(({ node }) => (
            <li key={node.id} className="border-bottom-1px border-base-lighter padding-y-2" data-testid="log-entry">
              <p className="margin-0">
                <Sentence entry={node} />
              </p>
              {node.reason ? (
                <p className="margin-y-05 font-sans-2xs">{t('log.because', { reason: node.reason })}</p>
              ) : null}
              <p className="margin-0 font-sans-3xs text-base">
                <DateText value={node.createdAt} withTime />
              </p>
            </li>
          ))}
        </ol>
      )}
      {log ? (
        <LoadMore
          hasMore={log.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { after: log.pageInfo.endCursor } })}
        />
      ) : null}
    </>
  );
}
