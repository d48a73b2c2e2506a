import type { IdeaStatus } from '@consulta/shared';

/**
 * What happened, as other features need to know it. Each event is recorded in the outbox in the same
 * transaction as the change it tells of; its aggregate is the row it is about (an idea for everything
 * that happens to an idea, the content for moderation, the campaign, the person), and events of one
 * aggregate reach each subscriber in the order they were recorded.
 */
export interface DomainEventPayloads {
  IdeaSubmitted: { campaignId: string; authorId: string };
  /** The idea's counts after the vote. */
  IdeaVoted: { campaignId: string; upvotes: number; downvotes: number; score: number };
  IdeaStatusChanged: { campaignId: string; from: IdeaStatus; to: IdeaStatus; actorId: string | null };
  OfficialResponsePosted: { campaignId: string; responseId: string; authorId: string; status: IdeaStatus };
  /** The idea reached the campaign's response threshold: the agency owes it an answer. */
  ResponseOwed: { campaignId: string; score: number; threshold: number };
  CommentAdded: { campaignId: string; commentId: string; authorId: string; parentId: string | null };
  /** `reason` is what the content's author is told; `automatic` when flags hid it, not a person. */
  ContentHidden: ModerationDecision;
  ContentRestored: ModerationDecision;
  CampaignOpened: { agencyId: string; actorId: string | null };
  /** `actorId` null: closed by its closing time passing. */
  CampaignClosed: { agencyId: string; actorId: string | null };
  /** Recorded once, two days before an open campaign's closing time (by the minute's schedule). */
  CampaignClosingSoon: { agencyId: string; closesAt: string };
  UserSuspended: { until: string | null; actorId: string | null };
  /** A message was stored in outgoing_mail to be sent (the mail module's own delivery). */
  MailQueued: { kind: string };
  /** Messages stored together (notification mail), sent together; the aggregate is the batch. */
  MailBatchQueued: { ids: string[] };
  /**
   * Someone asked for a password reset link for this address (which may have no account). Its aggregate is
   * the request itself; the handler redacts the address once it has acted on it.
   */
  PasswordResetRequested: { email: string };
}

interface ModerationDecision {
  targetType: 'IDEA' | 'COMMENT';
  campaignId: string;
  actorId: string | null;
  reason?: string | null;
  automatic?: boolean;
}

export type DomainEventType = keyof DomainEventPayloads;

/** The kind of row an event's aggregate id names. */
export const AGGREGATE_OF: Record<DomainEventType, 'idea' | 'content' | 'campaign' | 'user' | 'mail' | 'request'> = {
  IdeaSubmitted: 'idea',
  IdeaVoted: 'idea',
  IdeaStatusChanged: 'idea',
  OfficialResponsePosted: 'idea',
  ResponseOwed: 'idea',
  CommentAdded: 'idea',
  ContentHidden: 'content',
  ContentRestored: 'content',
  CampaignOpened: 'campaign',
  CampaignClosed: 'campaign',
  CampaignClosingSoon: 'campaign',
  UserSuspended: 'user',
  MailQueued: 'mail',
  MailBatchQueued: 'mail',
  PasswordResetRequested: 'request',
};

/** An event to record: its type, its aggregate's id and its payload (the time is the transaction's). */
export type NewDomainEvent = {
  [T in DomainEventType]: { type: T; aggregateId: string; payload: DomainEventPayloads[T] };
}[DomainEventType];

/** A recorded event, as subscribers receive it: `attempt` counts this subscriber's tries, this one included. */
export type DomainEvent = NewDomainEvent & { id: string; occurredAt: Date; attempt: number };
