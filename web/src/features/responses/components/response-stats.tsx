import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

interface Stats {
  owed: number;
  answered: number;
  awaiting: number;
  medianDaysToAnswer?: number | null;
}

/** Whether the agency listens, in numbers: owed, answered, still waiting, median days to answer. */
export function ResponseStats({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const items: Array<[string, string]> = [
    [t('stats.owed'), formatNumber(stats.owed, language)],
    [t('stats.answered'), formatNumber(stats.answered, language)],
    [t('stats.awaiting'), formatNumber(stats.awaiting, language)],
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
          <div key={label} className="grid-col-6 tablet:grid-col-3 bg-base-lightest padding-2 radius-md">
            <dt className="font-sans-2xs">{label}</dt>
            <dd className="margin-left-0 font-sans-xl text-bold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
