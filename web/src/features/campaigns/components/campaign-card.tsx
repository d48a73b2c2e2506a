import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../../components/ui/date-text';

export interface CampaignCardData {
  slug: string;
  title: string;
  summary: string;
  status: string;
  closesAt?: string | null;
  ideaCount: number;
  agency: { name: string };
}

/** A campaign in a list: who asks, what, until when, how many ideas so far. */
export function CampaignCard({ campaign }: { campaign: CampaignCardData }) {
  const { t } = useTranslation();
  return (
    <li className="usa-card tablet:grid-col-6">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <p className="margin-0 text-base-dark font-sans-2xs">{campaign.agency.name}</p>
          <h2 className="usa-card__heading">
            <Link to={`/campaigns/${campaign.slug}`}>{campaign.title}</Link>
          </h2>
        </div>
        <div className="usa-card__body">
          <p>{campaign.summary}</p>
          <ul className="usa-list usa-list--unstyled font-sans-2xs">
            <li>
              {t('campaign.statusLabel')}: {t(`campaignStatus.${campaign.status}`)}
            </li>
            <li>{t('campaign.ideaCount', { count: campaign.ideaCount })}</li>
            {campaign.closesAt ? (
              <li>
                {t(campaign.status === 'OPEN' || campaign.status === 'DRAFT' ? 'campaign.closes' : 'campaign.closedOn')}{' '}
                <DateText value={campaign.closesAt} />
              </li>
            ) : null}
          </ul>
        </div>
      </div>
    </li>
  );
}
