import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui/date-text';
import { StatusTag } from '../../../components/ui/status-tag';

interface TimelineProps {
  createdAt: string;
  responses: Array<{ id: string; status: string; createdAt: string; agency: { name: string } }>;
  awaitingResponse: boolean;
}

/** What happened to the idea, oldest first: submitted, then each status the agency set. */
export function IdeaTimeline({ createdAt, responses, awaitingResponse }: TimelineProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading" className="margin-y-3">
      <h2 id="timeline-heading" className="font-sans-md">
        {t('idea.timeline')}
      </h2>
      <ol className="usa-process-list">
        <li className="usa-process-list__item padding-bottom-2">
          <p className="usa-process-list__heading">{t('idea.submitted')}</p>
          <p className="margin-top-05">
            <DateText value={createdAt} />
          </p>
        </li>
        {responses.map((response) => (
          <li key={response.id} className="usa-process-list__item padding-bottom-2">
            <p className="usa-process-list__heading">
              <StatusTag status={response.status} />
            </p>
            <p className="margin-top-05">
              {response.agency.name} · <DateText value={response.createdAt} />
            </p>
          </li>
        ))}
        {awaitingResponse ? (
          <li className="usa-process-list__item">
            <p className="usa-process-list__heading">{t('idea.awaiting')}</p>
          </li>
        ) : null}
      </ol>
    </section>
  );
}
