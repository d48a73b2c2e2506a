/** Enumerations of the public contract, shared by the server schema and the web app. */

export enum Role {
  CITIZEN = 'CITIZEN',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

export enum AgencyRole {
  OFFICIAL = 'OFFICIAL',
  AGENCY_ADMIN = 'AGENCY_ADMIN',
}

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}

export enum VotingMode {
  SUPPORT = 'SUPPORT',
  UP_DOWN = 'UP_DOWN',
}

export enum IdeaStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  IMPLEMENTED = 'IMPLEMENTED',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
  WITHDRAWN = 'WITHDRAWN',
}

export enum IdeaSort {
  TOP = 'TOP',
  NEW = 'NEW',
  TRENDING = 'TRENDING',
  BEST = 'BEST',
  COMMON_GROUND = 'COMMON_GROUND',
}

export enum Visibility {
  VISIBLE = 'VISIBLE',
  HIDDEN = 'HIDDEN',
}

export enum FlagReason {
  SPAM = 'SPAM',
  ABUSE = 'ABUSE',
  OFF_TOPIC = 'OFF_TOPIC',
  PERSONAL_INFO = 'PERSONAL_INFO',
  MISINFORMATION = 'MISINFORMATION',
  OTHER = 'OTHER',
}

export enum FlagStatus {
  OPEN = 'OPEN',
  DISMISSED = 'DISMISSED',
  ACTIONED = 'ACTIONED',
}

export enum FlagResolution {
  DISMISS = 'DISMISS',
  HIDE_CONTENT = 'HIDE_CONTENT',
}

/** One decision on a piece of flagged content, for all its flags at once. */
export enum FlagDecision {
  /** The open flags were wrong: they are dismissed, and content hidden by flags alone comes back. */
  DISMISS = 'DISMISS',
  /** Hide the content (or keep it hidden): its open flags are actioned. */
  HIDE = 'HIDE',
  /** Dismissed flags go back to the open queue. */
  REOPEN = 'REOPEN',
  /** Hidden content comes back; its open flags are dismissed. */
  RESTORE = 'RESTORE',
}

export enum NotificationKind {
  OFFICIAL_RESPONSE = 'OFFICIAL_RESPONSE',
  NEW_COMMENT = 'NEW_COMMENT',
  MODERATION_DECISION = 'MODERATION_DECISION',
  RESPONSE_OWED = 'RESPONSE_OWED',
  CAMPAIGN_CLOSING = 'CAMPAIGN_CLOSING',
}

export enum EmailFrequency {
  IMMEDIATELY = 'IMMEDIATELY',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  NEVER = 'NEVER',
}

export enum ApiTokenScope {
  READ = 'READ',
  WRITE = 'WRITE',
}

/** What a webhook subscribes to (each sent as the `type` of WEBHOOK_EVENT_TYPES). */
export enum WebhookEvent {
  IDEA_SUBMITTED = 'IDEA_SUBMITTED',
  IDEA_STATUS_CHANGED = 'IDEA_STATUS_CHANGED',
  OFFICIAL_RESPONSE_POSTED = 'OFFICIAL_RESPONSE_POSTED',
  RESPONSE_OWED = 'RESPONSE_OWED',
  CAMPAIGN_OPENED = 'CAMPAIGN_OPENED',
  CAMPAIGN_CLOSED = 'CAMPAIGN_CLOSED',
}

/** The `type` of a delivery's body for each event, as Standard Webhooks names them (`noun.verb`). */
export const WEBHOOK_EVENT_TYPES: Record<WebhookEvent, string> = {
  IDEA_SUBMITTED: 'idea.submitted',
  IDEA_STATUS_CHANGED: 'idea.status_changed',
  OFFICIAL_RESPONSE_POSTED: 'official_response.posted',
  RESPONSE_OWED: 'idea.response_owed',
  CAMPAIGN_OPENED: 'campaign.opened',
  CAMPAIGN_CLOSED: 'campaign.closed',
};

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** Why a webhook delivery's last attempt did not succeed. */
export enum WebhookFailure {
  NOT_HTTPS = 'NOT_HTTPS',
  PRIVATE_ADDRESS = 'PRIVATE_ADDRESS',
  HOST_NOT_FOUND = 'HOST_NOT_FOUND',
  CONNECTION_FAILED = 'CONNECTION_FAILED',
  TIMEOUT = 'TIMEOUT',
  HTTP_STATUS = 'HTTP_STATUS',
  NO_LONGER_PUBLIC = 'NO_LONGER_PUBLIC',
  WEBHOOK_TURNED_OFF = 'WEBHOOK_TURNED_OFF',
}

/** The legal pages an agency publishes, each from a Markdown file the deployment provides. */
export enum LegalPageName {
  PRIVACY = 'PRIVACY',
  TERMS = 'TERMS',
  ACCESSIBILITY = 'ACCESSIBILITY',
}
