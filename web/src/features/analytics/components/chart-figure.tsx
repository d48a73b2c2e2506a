import { csvLine } from '@consulta/shared/csv';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/** Colours of the design system with enough contrast on white, and a dash per line, so colour is never alone. */
const COLOURS = ['#005ea2', '#d83933', '#00a91c', '#936f38'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

export interface Series {
  label: string;
  values: number[];
}

interface ChartFigureProps {
  title: string;
  kind: 'line' | 'bar';
  /** One label per point (a date, a topic, a status). */
  labels: string[];
  /** The first column's heading in the table and the CSV. */
  labelHeading: string;
  series: Series[];
  /** The CSV's file name. */
  file: string;
}

/**
 * A chart with its figures beside it: a table (under "Show the figures as a table", for screen readers and
 * anyone who prefers numbers) and a CSV of the same figures. The canvas is an image named by its title.
 */
export function ChartFigure({ title, kind, labels, labelHeading, series, file }: ChartFigureProps) {
  const { t, i18n } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  const key = JSON.stringify([kind, labels, series, i18n.resolvedLanguage]);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const config: ChartConfiguration<'line' | 'bar'> = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, index) => ({
          label: s.label,
          data: s.values,
          borderColor: COLOURS[index % COLOURS.length],
          backgroundColor: COLOURS[index % COLOURS.length],
          borderDash: kind === 'line' ? DASHES[index % DASHES.length] : undefined,
          pointRadius: kind === 'line' && labels.length > 60 ? 0 : 3,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: i18n.resolvedLanguage,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
    const chart = new Chart(context, config);
    return () => chart.destroy();
    // The key stands for every input of the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const rows = labels.map((label, index) => [label, ...series.map((s) => s.values[index] ?? 0)]);
  const csv = [csvLine([labelHeading, ...series.map((s) => s.label)]), ...rows.map((row) => csvLine(row))].join('');
  return (
    <figure
      className="margin-x-0 margin-y-3 bg-white border border-base-lighter radius-md padding-2"
      aria-labelledby={titleId}
    >
      <figcaption>
        <h3 id={titleId} className="margin-top-0">
          {title}
        </h3>
      </figcaption>
      <div style={{ position: 'relative', height: 260 }}>
        <canvas ref={canvas} role="img" aria-label={t('charts.canvasLabel', { title })} />
      </div>
      <details className="margin-top-2">
        <summary>{t('charts.showTable')}</summary>
        <div className="usa-table-container--scrollable" tabIndex={0} aria-label={t('charts.tableOf', { title })}>
          <table className="usa-table usa-table--compact usa-table--striped">
            <caption className="usa-sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, ...values]) => (
                <tr key={String(label)}>
                  <th scope="row">{label}</th>
                  {values.map((value, index) => (
                    <td key={index}>{Number(value).toLocaleString(i18n.resolvedLanguage)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p className="margin-bottom-0">
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`} download={file}>
          {t('charts.downloadCsv')}
          <span className="usa-sr-only">: {title}</span>
        </a>
      </p>
    </figure>
  );
}
