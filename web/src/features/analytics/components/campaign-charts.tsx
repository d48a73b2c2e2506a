import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { CAMPAIGN_ANALYTICS } from '../../campaigns/api/console';
import { ChartFigure } from './chart-figure';

/** The agency's charts of a campaign: participation over time, ideas by topic and status, answers on time. */
export function CampaignCharts({
  campaignId,
  slug,
  committed,
}: {
  campaignId: string;
  slug: string;
  committed: boolean;
}) {
  const { t } = useTranslation();
  const { data, error } = useQuery(CAMPAIGN_ANALYTICS, {
    variables: { id: campaignId },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const analytics = data?.campaign?.analytics;
  if (!analytics) return <p role="status">{t('common.loading')}</p>;
  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('charts.heading')}</h2>
      <div className="grid-row grid-gap-2">
        <div className="grid-col-12">
          <ChartFigure
            title={t('charts.participation')}
            kind="line"
            labels={analytics.days.map((day) => day.date)}
            labelHeading={t('charts.date')}
            series={[
              { label: t('charts.ideas'), values: analytics.days.map((day) => day.ideas) },
              { label: t('charts.votes'), values: analytics.days.map((day) => day.votes) },
              { label: t('charts.comments'), values: analytics.days.map((day) => day.comments) },
              { label: t('charts.participants'), values: analytics.days.map((day) => day.participants) },
            ]}
            file={`${slug}-participation.csv`}
          />
        </div>
        <div className="grid-col-12 desktop:grid-col-6">
          <ChartFigure
            title={t('charts.byTopic')}
            kind="bar"
            labels={analytics.tags.map((tag) => tag.tag)}
            labelHeading={t('charts.topic')}
            series={[
              { label: t('charts.ideas'), values: analytics.tags.map((tag) => tag.ideas) },
              { label: t('charts.votes'), values: analytics.tags.map((tag) => tag.votes) },
            ]}
            file={`${slug}-topics.csv`}
          />
        </div>
        <div className="grid-col-12 desktop:grid-col-6">
          <ChartFigure
            title={t('charts.byStatus')}
            kind="bar"
            labels={analytics.statuses.map((row) => t(`status.${row.status}`))}
            labelHeading={t('charts.status')}
            series={[{ label: t('charts.ideas'), values: analytics.statuses.map((row) => row.ideas) }]}
            file={`${slug}-statuses.csv`}
          />
        </div>
        <div className="grid-col-12 desktop:grid-col-6">
          <ChartFigure
            title={committed ? t('charts.answers') : t('charts.answersNoCommitment')}
            kind="bar"
            labels={[t('charts.answeredInTime'), t('charts.answeredLate'), t('charts.waiting')]}
            labelHeading={t('charts.answer')}
            series={[
              {
                label: t('charts.ideas'),
                values: [analytics.answeredInTime, analytics.answeredLate, analytics.waiting],
              },
            ]}
            file={`${slug}-answers.csv`}
          />
        </div>
      </div>
    </section>
  );
}
