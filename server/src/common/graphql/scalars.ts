import { registerEnumType } from '@nestjs/graphql';
import {
  AgencyRole,
  ApiTokenScope,
  CampaignStatus,
  EmailFrequency,
  FlagReason,
  FlagDecision,
  LegalPageName,
  FlagResolution,
  FlagStatus,
  IdeaSort,
  IdeaStatus,
  NotificationKind,
  Role,
  Visibility,
  VotingMode,
  WebhookDeliveryStatus,
  WebhookEvent,
  WebhookFailure,
} from '@consulta/shared';

/** Registers the contract's enums once, with the names the contract uses. */
export function registerContractEnums(): void {
  registerEnumType(Role, { name: 'Role' });
  registerEnumType(AgencyRole, { name: 'AgencyRole' });
  registerEnumType(CampaignStatus, { name: 'CampaignStatus' });
  registerEnumType(VotingMode, {
    name: 'VotingMode',
    valuesMap: { SUPPORT: { description: 'Only +1 (support).' }, UP_DOWN: { description: '+1 or -1.' } },
  });
  registerEnumType(IdeaStatus, { name: 'IdeaStatus' });
  registerEnumType(IdeaSort, { name: 'IdeaSort' });
  registerEnumType(ApiTokenScope, {
    name: 'ApiTokenScope',
    valuesMap: {
      READ: { description: 'Queries only; every mutation is FORBIDDEN.' },
      WRITE: {
        description:
          "Queries and the person's own participation (ideas, votes, comments, follows); never account, token or webhook changes.",
      },
    },
  });
  registerEnumType(Visibility, { name: 'Visibility' });
  registerEnumType(WebhookEvent, { name: 'WebhookEvent' });
  registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
  registerEnumType(WebhookFailure, {
    name: 'WebhookFailure',
    description: "Why a delivery's last attempt did not succeed.",
    valuesMap: {
      NOT_HTTPS: { description: 'The address is not https (and private networks are not allowed).' },
      PRIVATE_ADDRESS: { description: 'The host resolved to a private, loopback, link-local or reserved address.' },
      HOST_NOT_FOUND: { description: 'The host name did not resolve.' },
      CONNECTION_FAILED: { description: 'No connection, or it broke before an answer.' },
      TIMEOUT: { description: 'No answer within the time limit.' },
      HTTP_STATUS: { description: 'The receiver answered a status other than 2xx (redirects are not followed).' },
      NO_LONGER_PUBLIC: { description: 'What it was about is no longer public, so it was not sent.' },
      WEBHOOK_TURNED_OFF: { description: 'The webhook was turned off after three days of failures.' },
    },
  });
  registerEnumType(FlagReason, { name: 'FlagReason' });
  registerEnumType(FlagStatus, { name: 'FlagStatus' });
  registerEnumType(FlagResolution, { name: 'FlagResolution' });
  registerEnumType(LegalPageName, { name: 'LegalPageName' });
  registerEnumType(FlagDecision, {
    name: 'FlagDecision',
    description: 'One decision on flagged content, for all its flags at once.',
    valuesMap: {
      DISMISS: { description: 'The open flags were wrong: dismissed; content hidden by flags alone comes back.' },
      HIDE: { description: 'Hide the content, or keep it hidden: its open flags are actioned.' },
      REOPEN: { description: 'Its dismissed flags go back to the open queue.' },
      RESTORE: { description: 'Hidden content comes back; its open flags are dismissed.' },
    },
  });
  registerEnumType(NotificationKind, {
    name: 'NotificationKind',
    valuesMap: {
      OFFICIAL_RESPONSE: { description: 'An agency answered an idea the person wrote, follows or voted for.' },
      NEW_COMMENT: { description: "A comment on the person's idea, or a reply to their comment." },
      MODERATION_DECISION: {
        description: "The person's idea or comment was hidden or restored by moderation, with the reason.",
      },
      RESPONSE_OWED: { description: "For the agency's members: an idea reached its campaign's responseThreshold." },
      CAMPAIGN_CLOSING: { description: 'A campaign the person took part in closes within two days.' },
    },
  });
  registerEnumType(EmailFrequency, {
    name: 'EmailFrequency',
    valuesMap: {
      IMMEDIATELY: { description: 'One email per notification, within a minute.' },
      DAILY: { description: 'One digest a day of what is unread.' },
      WEEKLY: { description: 'One digest a week of what is unread.' },
    },
  });
}
