import { CreateExtensions1795974000000 } from './1795974000000-create-extensions.js';
import { CreateAccountsAndAgencies1795975000000 } from './1795975000000-create-accounts-and-agencies.js';
import { CreateCampaignsIdeasVotes1795976000000 } from './1795976000000-create-campaigns-ideas-votes.js';
import { CreateOfficialResponsesAndFollows1795977000000 } from './1795977000000-create-official-responses-and-follows.js';
import { CreateComments1795978000000 } from './1795978000000-create-comments.js';
import { CreateFlags1795979000000 } from './1795979000000-create-flags.js';
import { SimilarIdeasNearest1795980000000 } from './1795980000000-similar-ideas-nearest.js';
import { DisplayNamesInGraphemes1795981000000 } from './1795981000000-display-names-in-graphemes.js';
import { CommonGround1795982000000 } from './1795982000000-common-ground.js';
import { DomainEvents1795983000000 } from './1795983000000-domain-events.js';
import { MailAndIdentity1795984000000 } from './1795984000000-mail-and-identity.js';
import { Notifications1795985000000 } from './1795985000000-notifications.js';
import { OpenDataVersion1795989000000 } from './1795989000000-open-data-version.js';
import { Webhooks1795990000000 } from './1795990000000-webhooks.js';
import { AuditLogByActor1795991000000 } from './1795991000000-audit-log-by-actor.js';
import { SearchTitleTier1795992000000 } from './1795992000000-search-title-tier.js';
import { ApiTokens1795988000000 } from './1795988000000-api-tokens.js';
import { SimilarIdeasSignature1795993000000 } from './1795993000000-similar-ideas-signature.js';
import { SearchPendingLists1795994000000 } from './1795994000000-search-pending-lists.js';
import { TitleTerms1795995000000 } from './1795995000000-title-terms.js';
import { TitleTermPairs1795996000000 } from './1795996000000-title-term-pairs.js';
import { ClaimEventsInOrder1795997000000 } from './1795997000000-claim-events-in-order.js';
import { SimilarTexts1795998000000 } from './1795998000000-similar-texts.js';
import { CastVoteFunction1795999000000 } from './1795999000000-cast-vote-function.js';
import { CastVoteByIdea1796000000000 } from './1796000000000-cast-vote-by-idea.js';
import { RetractVoteFunction1796001000000 } from './1796001000000-retract-vote-function.js';
import { ResponseClockAndAnalytics1795987000000 } from './1795987000000-response-clock-and-analytics.js';
import { EmailChangeAndDeletion1795986000000 } from './1795986000000-email-change-and-deletion.js';

/** Every migration, oldest first. New migrations are added here as well as in this folder. */
export const migrations = [
  CreateExtensions1795974000000,
  CreateAccountsAndAgencies1795975000000,
  CreateCampaignsIdeasVotes1795976000000,
  CreateOfficialResponsesAndFollows1795977000000,
  CreateComments1795978000000,
  CreateFlags1795979000000,
  SimilarIdeasNearest1795980000000,
  DisplayNamesInGraphemes1795981000000,
  CommonGround1795982000000,
  DomainEvents1795983000000,
  MailAndIdentity1795984000000,
  Notifications1795985000000,
  EmailChangeAndDeletion1795986000000,
  ResponseClockAndAnalytics1795987000000,
  ApiTokens1795988000000,
  OpenDataVersion1795989000000,
  Webhooks1795990000000,
  AuditLogByActor1795991000000,
  SearchTitleTier1795992000000,
  SimilarIdeasSignature1795993000000,
  SearchPendingLists1795994000000,
  TitleTerms1795995000000,
  TitleTermPairs1795996000000,
  ClaimEventsInOrder1795997000000,
  SimilarTexts1795998000000,
  CastVoteFunction1795999000000,
  CastVoteByIdea1796000000000,
  RetractVoteFunction1796001000000,
];
