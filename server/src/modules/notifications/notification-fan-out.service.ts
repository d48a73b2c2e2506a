import { NotificationKind } from '@consulta/shared';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BusService } from '../../common/bus/bus.service.js';
import { afterCommit } from '../../database/after-commit.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { EventDispatcher } from '../../events/event-dispatcher.service.js';
import { commentsRepository } from '../comments/comments.repository.js';
import { notificationsRepository, type FanOut } from './notifications.repository.js';

/** Who hears of what, each a SELECT of one uuid column over `subject` (see FanOut.recipients). */
const RECIPIENTS = {
  // The idea's author, its followers and everyone who voted on it.
  ideaAudience: `SELECT i.author_id FROM subject s JOIN ideas i ON i.id = s.idea_id
                 UNION SELECT f.user_id FROM subject s JOIN idea_follows f ON f.idea_id = s.idea_id
                 UNION SELECT v.user_id FROM subject s JOIN votes v ON v.idea_id = s.idea_id`,
  // A top-level comment tells the idea's author; a reply tells the parent comment's author.
  commentAudience: `SELECT coalesce(
                      (SELECT p.author_id FROM comments p WHERE p.id = s.parent_id),
                      CASE WHEN s.parent_id IS NULL THEN (SELECT i.author_id FROM ideas i WHERE i.id = s.idea_id) END)
                      FROM subject s`,
  ideaAuthor: 'SELECT i.author_id FROM subject s JOIN ideas i ON i.id = s.idea_id',
  commentAuthor: 'SELECT c.author_id FROM subject s JOIN comments c ON c.id = s.comment_id',
  agencyMembers: `SELECT m.user_id FROM subject s JOIN campaigns c ON c.id = s.campaign_id
                    JOIN agency_memberships m ON m.agency_id = c.agency_id`,
  // Everyone who voted, proposed or commented in the campaign.
  participants: `SELECT p.user_id FROM subject s JOIN campaign_participants p ON p.campaign_id = s.campaign_id
                 UNION SELECT i.author_id FROM subject s JOIN ideas i ON i.campaign_id = s.campaign_id
                 UNION SELECT c.author_id FROM subject s JOIN ideas i ON i.campaign_id = s.campaign_id
                         JOIN comments c ON c.idea_id = i.id`,
};

const none = { campaignId: null, ideaId: null, commentId: null, responseId: null, actorId: null };

/**
 * Turns domain events into notifications, set-based: each event is one INSERT … SELECT over its
 * recipients, however many there are, in the delivery's transaction (so a retried event adds nothing).
 */
@Injectable()
export class NotificationFanOutService implements OnModuleInit {
  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly bus: BusService,
  ) {}

  onModuleInit(): void {
    void this.dispatcher.subscribe({
      name: 'notifications',
      types: [
        'OfficialResponsePosted',
        'CommentAdded',
        'ContentHidden',
        'ContentRestored',
        'ResponseOwed',
        'CampaignClosingSoon',
      ],
      handle: async (event, manager) => {
        const fan = await this.fanOutOf(event, manager);
        if (!fan) return;
        const created = await notificationsRepository.fanOut(manager, fan);
        // Told to the recipients' live connections (notificationReceived) once the delivery commits.
        afterCommit(manager, () => {
          for (const row of created)
            void this.bus.publish({ t: 'notification', userId: row.user_id, notificationId: row.id });
        });
      },
    });
  }

  /** What the event tells whom, or null when it tells nobody. */
  async fanOutOf(event: DomainEvent, manager: EntityManager): Promise<FanOut | null> {
    const base = { ...none, eventId: event.id };
    switch (event.type) {
      case 'OfficialResponsePosted':
        return {
          ...base,
          kind: NotificationKind.OFFICIAL_RESPONSE,
          campaignId: event.payload.campaignId,
          ideaId: event.aggregateId,
          responseId: event.payload.responseId,
          actorId: event.payload.authorId,
          details: { status: event.payload.status },
          recipients: RECIPIENTS.ideaAudience,
        };
      case 'CommentAdded':
        return {
          ...base,
          kind: NotificationKind.NEW_COMMENT,
          campaignId: event.payload.campaignId,
          ideaId: event.aggregateId,
          commentId: event.payload.commentId,
          parentId: event.payload.parentId,
          actorId: event.payload.authorId,
          details: { reply: event.payload.parentId !== null },
          recipients: RECIPIENTS.commentAudience,
        };
      case 'ContentHidden':
      case 'ContentRestored': {
        const onComment = event.payload.targetType === 'COMMENT';
        const ideaId = onComment
          ? (await commentsRepository.findByIds(manager, [event.aggregateId]))[0]?.idea_id
          : event.aggregateId;
        if (!ideaId) return null;
        return {
          ...base,
          kind: NotificationKind.MODERATION_DECISION,
          campaignId: event.payload.campaignId,
          ideaId,
          commentId: onComment ? event.aggregateId : null,
          actorId: event.payload.actorId,
          details: {
            target: event.payload.targetType,
            hidden: event.type === 'ContentHidden',
            automatic: event.payload.automatic ?? false,
            reason: event.payload.reason ?? null,
          },
          recipients: onComment ? RECIPIENTS.commentAuthor : RECIPIENTS.ideaAuthor,
        };
      }
      case 'ResponseOwed':
        return {
          ...base,
          kind: NotificationKind.RESPONSE_OWED,
          campaignId: event.payload.campaignId,
          ideaId: event.aggregateId,
          details: { threshold: event.payload.threshold },
          recipients: RECIPIENTS.agencyMembers,
        };
      case 'CampaignClosingSoon':
        return {
          ...base,
          kind: NotificationKind.CAMPAIGN_CLOSING,
          campaignId: event.aggregateId,
          details: { closesAt: event.payload.closesAt },
          recipients: RECIPIENTS.participants,
        };
      default:
        return null;
    }
  }
}
