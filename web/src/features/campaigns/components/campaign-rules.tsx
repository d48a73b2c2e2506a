import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui/date-text';

export interface CampaignRulesData {
  votingMode: string;
  voteBudget?: number | null;
  responseThreshold?: number | null;
  responseDays?: number | null;
  requireVerifiedEmail?: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  acceptingContributions: boolean;
  status: string;
}

/** The campaign's rules in plain words. */
export function CampaignRules({ campaign }: { campaign: CampaignRulesData }) {
  const { t } = useTranslation();
  // One word per mode: "supports" where people only support, "votes" where they vote up or down.
  const support = campaign.votingMode === 'SUPPORT';
  return (
    <section aria-labelledby="rules-heading" className="bg-base-lightest padding-2 radius-md margin-y-2">
      <h2 id="rules-heading" className="margin-top-0 font-sans-md">
        {t('campaign.rules')}
      </h2>
      <ul className="usa-list">
        <li>{campaign.votingMode === 'SUPPORT' ? t('campaign.ruleSupport') : t('campaign.ruleUpDown')}</li>
        <li>
          {campaign.voteBudget
            ? t(support ? 'campaign.supportBudget' : 'campaign.ruleBudget', { count: campaign.voteBudget })
            : t(support ? 'campaign.supportNoBudget' : 'campaign.ruleNoBudget')}
        </li>
        <li>
          {campaign.responseThreshold
            ? t(support ? 'campaign.supportThreshold' : 'campaign.ruleThreshold', { count: campaign.responseThreshold })
            : t('campaign.ruleNoThreshold')}
        </li>
        {campaign.responseThreshold && campaign.responseDays !== null && campaign.responseDays !== undefined ? (
          <li>{t('campaign.ruleResponseDays', { count: campaign.responseDays })}</li>
        ) : null}
        {campaign.requireVerifiedEmail ? <li>{t('campaign.ruleVerifiedOnly')}</li> : null}
        {campaign.closesAt ? (
          <li>
            {t(
              campaign.status === 'CLOSED' || campaign.status === 'ARCHIVED'
                ? 'campaign.ruleClosed'
                : 'campaign.ruleCloses',
            )}{' '}
            <DateText value={campaign.closesAt} withTime />
          </li>
        ) : null}
        <li>{campaign.acceptingContributions ? t('campaign.accepting') : t('campaign.notAccepting')}</li>
      </ul>
    </section>
  );
}
