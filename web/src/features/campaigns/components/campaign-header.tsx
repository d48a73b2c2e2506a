import { useTranslation } from 'react-i18next';
import { HtmlBody } from '../../../components/ui/html-body';
import { CampaignRules, type CampaignRulesData } from './campaign-rules';

export interface CampaignHeaderData extends CampaignRulesData {
  title: string;
  summary: string;
  bodyHtml: string;
  ideaCount: number;
  participantCount: number;
  agency: { name: string };
}

/** Who asks, the question, the details and the rules. */
export function CampaignHeader({ campaign }: { campaign: CampaignHeaderData }) {
  const { t } = useTranslation();
  return (
    <header>
      <p className="margin-0 text-base-dark">{campaign.agency.name}</p>
      <h1 className="margin-top-05">{campaign.title}</h1>
      <p className="usa-intro">{campaign.summary}</p>
      <HtmlBody html={campaign.bodyHtml} />
      <p className="font-sans-2xs">
        {t('campaign.ideaCount', { count: campaign.ideaCount })} ·{' '}
        {t('campaign.participantCount', { count: campaign.participantCount })}
      </p>
      <CampaignRules campaign={campaign} />
    </header>
  );
}
