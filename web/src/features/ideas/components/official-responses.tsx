import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui/date-text';
import { HtmlBody } from '../../../components/ui/html-body';
import { StatusTag } from '../../../components/ui/status-tag';

interface Response {
  id: string;
  bodyHtml: string;
  status: string;
  createdAt: string;
  agency: { name: string };
  author: { displayName: string };
}

/** The agency's answers, set apart from the discussion and signed by the agency. */
export function OfficialResponses({ responses }: { responses: Response[] }) {
  const { t } = useTranslation();
  if (!responses.length) return null;
  return (
    <section aria-labelledby="responses-heading" className="margin-y-3">
      <h2 id="responses-heading">{t('idea.officialResponses')}</h2>
      {[...responses].reverse().map((response) => (
        <article
          key={response.id}
          className="border-left-1 border-primary padding-left-2 margin-bottom-2 bg-primary-lighter padding-2"
        >
          <p className="margin-top-0 text-bold">
            {t('idea.responseFrom', { agency: response.agency.name })} · <DateText value={response.createdAt} />
          </p>
          <p>
            {t('idea.statusSetTo')} <StatusTag status={response.status} />
          </p>
          <HtmlBody html={response.bodyHtml} />
          <p className="font-sans-2xs text-base-dark margin-bottom-0">
            {t('idea.signedBy', { name: response.author.displayName, agency: response.agency.name })}
          </p>
        </article>
      ))}
    </section>
  );
}
