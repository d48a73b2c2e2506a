import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format';

interface Stats {
  owed: number;
  answered: number;
  awaiting: number;
  answeredInTime?: number;
  answeredLate?: number;
  overdue?: number;
  medianDaysToAnswer?: number | null;
}

interface ResponseStatsProps {
  stats: Stats;
  /** The campaign commits to answer within a number of days: in time, late and overdue are shown. */
  committed?: boolean;
  /** Where the public list of overdue ideas is. */
  overdueLink?: string;
}

/** Whether the agency listens, in numbers: owed, answered (in time, late), waiting, overdue, median days. */
export function ResponseStats({ stats, committed = false, overdueLink }: ResponseStatsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const number = (value: number | undefined) => formatNumber(value ?? 0, language);
  const items: Array<[string, string]> = [
    [t('stats.owed'), number(stats.owed)],
    [t('stats.answered'), number(stats.answered)],
    [t('stats.awaiting'), number(stats.awaiting)],
    ...(committed
      ? ([
          [t('stats.answeredInTime'), number(stats.answeredInTime)],
          [t('stats.answeredLate'), number(stats.answeredLate)],
          [t('stats.overdue'), number(stats.overdue)],
        ] as Array<[string, string]>)
      : []),
    [
      t('stats.median'),
      stats.medianDaysToAnswer === null || stats.medianDaysToAnswer === undefined
        ? t('stats.none')
        : t('stats.days', { count: Math.round(stats.medianDaysToAnswer * 10) / 10 }),
    ],
  ];
  return (
    <section aria-labelledby="stats-heading" className="margin-y-3">
      <h2 id="stats-heading">{t('stats.title')}</h2>
      <dl className="grid-row grid-gap-2">
        {items.map(([label, value]) => (
          <div
            key={label}
            className="grid-col-6 tablet:grid-col-3 bg-base-lightest padding-2 radius-md margin-bottom-2"
          >
            <dt className="font-sans-2xs">{label}</dt>
            <dd className="margin-left-0 font-sans-xl text-bold">{value}</dd>
          </div>
        ))}
      </dl>
      {committed && overdueLink && (stats.overdue ?? 0) > 0 ? (
        <p>
          <Link to={overdueLink}>{t('clock.seeOverdue', { count: stats.overdue })}</Link>
        </p>
      ) : null}
    </section>
  );
}
