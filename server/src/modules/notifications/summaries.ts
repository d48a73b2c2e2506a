import { NotificationKind, type IdeaStatus, type Language } from '@consulta/shared';

/** What a notification is about, as its summary and its mail name it (titles null when the reader may not see them). */
export interface NotificationFacts {
  kind: NotificationKind;
  ideaTitle: string | null;
  campaignTitle: string | null;
  agencyName: string | null;
  details: NotificationDetails;
}

/** The `details` column: what the event said that the sentence needs. */
export interface NotificationDetails {
  status?: IdeaStatus;
  reply?: boolean;
  target?: 'IDEA' | 'COMMENT';
  hidden?: boolean;
  automatic?: boolean;
  reason?: string | null;
  threshold?: number;
  closesAt?: string;
}

const STATUS: Record<Language, Record<string, string>> = {
  en: {
    SUBMITTED: 'submitted',
    UNDER_REVIEW: 'under review',
    ACCEPTED: 'accepted',
    IN_PROGRESS: 'in progress',
    IMPLEMENTED: 'implemented',
    REJECTED: 'not taken forward',
    DUPLICATE: 'a duplicate',
    WITHDRAWN: 'withdrawn',
  },
  es: {
    SUBMITTED: 'enviada',
    UNDER_REVIEW: 'en revisión',
    ACCEPTED: 'aceptada',
    IN_PROGRESS: 'en curso',
    IMPLEMENTED: 'realizada',
    REJECTED: 'no se llevará adelante',
    DUPLICATE: 'duplicada',
    WITHDRAWN: 'retirada',
  },
};

const quoted = (language: Language, text: string) => (language === 'es' ? `«${text}»` : `“${text}”`);

function closingDate(language: Language, iso: string | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

function english(facts: NotificationFacts): string {
  const { details } = facts;
  const idea = facts.ideaTitle === null ? 'an idea' : quoted('en', facts.ideaTitle);
  const campaign = facts.campaignTitle === null ? 'a campaign' : quoted('en', facts.campaignTitle);
  switch (facts.kind) {
    case NotificationKind.OFFICIAL_RESPONSE:
      return `${facts.agencyName ?? 'The agency'} answered ${idea}: ${STATUS.en[details.status ?? ''] ?? 'answered'}.`;
    case NotificationKind.NEW_COMMENT:
      return details.reply ? `New reply to your comment on ${idea}.` : `New comment on your idea ${idea}.`;
    case NotificationKind.MODERATION_DECISION: {
      const what = details.target === 'COMMENT' ? `Your comment on ${idea}` : `Your idea ${idea}`;
      if (!details.hidden) return `${what} is visible again${details.reason ? `: ${details.reason}` : '.'}`;
      if (details.automatic) return `${what} was hidden after flags from the community, until a moderator reviews it.`;
      return `${what} was hidden by moderation${details.reason ? `: ${details.reason}` : '.'}`;
    }
    case NotificationKind.RESPONSE_OWED:
      return `${idea} reached ${details.threshold ?? ''} supporters in ${campaign}: your agency owes it an answer.`;
    case NotificationKind.CAMPAIGN_CLOSING:
      return `${campaign} closes on ${closingDate('en', details.closesAt)} (UTC): two days left to take part.`;
  }
}

function spanish(facts: NotificationFacts): string {
  const { details } = facts;
  const idea = facts.ideaTitle === null ? 'una idea' : quoted('es', facts.ideaTitle);
  const campaign = facts.campaignTitle === null ? 'una consulta' : quoted('es', facts.campaignTitle);
  switch (facts.kind) {
    case NotificationKind.OFFICIAL_RESPONSE:
      return `${facts.agencyName ?? 'La institución'} respondió a ${idea}: ${STATUS.es[details.status ?? ''] ?? 'respondida'}.`;
    case NotificationKind.NEW_COMMENT:
      return details.reply ? `Nueva respuesta a su comentario en ${idea}.` : `Nuevo comentario en su idea ${idea}.`;
    case NotificationKind.MODERATION_DECISION: {
      const what = details.target === 'COMMENT' ? `Su comentario en ${idea}` : `Su idea ${idea}`;
      if (!details.hidden) return `${what} vuelve a estar visible${details.reason ? `: ${details.reason}` : '.'}`;
      if (details.automatic)
        return `${what} se ocultó tras los avisos de la comunidad, hasta que la revise una persona moderadora.`;
      const hidden = details.target === 'COMMENT' ? 'fue ocultado' : 'fue ocultada';
      return `${what} ${hidden} por moderación${details.reason ? `: ${details.reason}` : '.'}`;
    }
    case NotificationKind.RESPONSE_OWED:
      return `${idea} alcanzó ${details.threshold ?? ''} apoyos en ${campaign}: su institución le debe una respuesta.`;
    case NotificationKind.CAMPAIGN_CLOSING:
      return `${campaign} cierra el ${closingDate('es', details.closesAt)} (UTC): quedan dos días para participar.`;
  }
}

/** The one sentence a notification says, in the reader's language. */
export function summarize(facts: NotificationFacts, language: Language): string {
  return language === 'es' ? spanish(facts) : english(facts);
}
