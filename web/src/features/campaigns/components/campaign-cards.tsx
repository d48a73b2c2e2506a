import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { LoadMore } from '../../../components/ui/load-more';
import type { CampaignStatus } from '../../../gql/graphql';
import { OPEN_CAMPAIGNS } from '../api/open-campaigns';
import { CampaignCard } from './campaign-card';

interface CampaignCardsProps {
  statuses: CampaignStatus[];
  /** The list's name (the heading it sits under). */
  label: string;
  empty: string;
}

/** Consultations in the given statuses, newest first, a page at a time. */
export function CampaignCards({ statuses, label, empty }: CampaignCardsProps) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore } = useQuery(OPEN_CAMPAIGNS, { variables: { first: 12, statuses } });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const { edges, pageInfo } = data.campaigns;
  if (!edges.length) return <p>{empty}</p>;
  return (
    <>
      <ul className="usa-card-group" aria-label={label}>
        {edges.map(({ node }) => (
          <CampaignCard key={node.id} campaign={node} />
        ))}
      </ul>
      <LoadMore
        hasMore={pageInfo.hasNextPage}
        loading={loading}
        onClick={() => fetchMore({ variables: { after: pageInfo.endCursor } })}
      />
    </>
  );
}
