import { randomBytes } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApp, type TestApp } from '../support/app.js';
import { AgencyRole, ApiTokenScope, CampaignStatus, WebhookEvent } from '@consulta/shared';
import { toGlobalId } from '../../src/common/graphql/global-id.js';
import { ApiTokensService } from '../../src/modules/developers/api-tokens.service.js';
import { WebhooksService } from '../../src/modules/developers/webhooks/webhooks.service.js';
import { systemViewer } from '../../src/common/auth/request-viewer.js';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import {
  makeCampaign,
  makeIdea,
  makeMember,
  makePersonas,
  makeUser,
  outcome,
  PASSWORD,
  type Personas,
  viewerOf,
} from '../support/factories.js';
import { liveClient, subscribe } from '../support/live-client.js';
import { waitFor } from '../support/wait.js';

/**
 * Every Query, Mutation and Subscription field of the schema, tried as each kind of person, with the
 * outcome it must have. A field that is in the schema but not here fails the first test: new operations join the matrix.
 */
type Persona =
  'anonymous' | 'citizen' | 'author' | 'official' | 'agencyAdmin' | 'otherOfficial' | 'moderator' | 'admin';
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';

interface Case {
  document: string;
  variables?: (t: TestApp, p: Personas, who: Persona) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Persona, Outcome>;
}

const PERSONAS: Persona[] = [
  'anonymous',
  'citizen',
  'author',
  'official',
  'agencyAdmin',
  'otherOfficial',
  'moderator',
  'admin',
];
const everyone = (o: Outcome): Record<Persona, Outcome> =>
  Object.fromEntries(PERSONAS.map((p) => [p, o])) as Record<Persona, Outcome>;
const signedIn = (o: Outcome): Record<Persona, Outcome> => ({ ...everyone(o), anonymous: 'UNAUTHENTICATED' });
const adminOnly: Record<Persona, Outcome> = { ...signedIn('FORBIDDEN'), admin: 'OK' };
const unique = () => randomBytes(4).toString('hex');
/** Only the agency's people (and admins) run its campaigns. */
const agencyStaff: Record<Persona, Outcome> = {
  ...signedIn('FORBIDDEN'),
  official: 'OK',
  agencyAdmin: 'OK',
  admin: 'OK',
};
/** Only the author changes their idea. */
const authorOnly: Record<Persona, Outcome> = { ...signedIn('FORBIDDEN'), author: 'OK' };
const freshIdea = async (t: TestApp, p: Personas) => (await makeIdea(t, await makeCampaign(t, p.agency), p.author)).gid;
const authorsComment = async (t: TestApp, p: Personas) => {
  const result = await t.gql(
    'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
    {
      input: { ideaId: await freshIdea(t, p), body: 'Mine' },
    },
    { token: p.author.token },
  );
  return result.data!.addComment.id as string;
};
/** An open flag by a fresh citizen on a fresh idea of the personas' agency. */
const freshFlag = async (t: TestApp, p: Personas) => {
  const result = await t.gql(
    'mutation ($input: FlagContentInput!) { flagContent(input: $input) { id } }',
    { input: { targetId: await freshIdea(t, p), reason: 'SPAM' } },
    { token: (await makeUser(t)).token },
  );
  return result.data!.flagContent.id as string;
};
/** Moderators and admins decide on everything; officials on their agency's content. */
const reviewers: Record<Persona, Outcome> = {
  ...signedIn('FORBIDDEN'),
  official: 'OK',
  agencyAdmin: 'OK',
  moderator: 'OK',
  admin: 'OK',
};
const closedCampaign = async (t: TestApp, p: Personas) => {
  const campaign = await makeCampaign(t, p.agency);
  await t.app
    .get(CampaignsService)
    .transition(systemViewer(), campaign.id, CampaignStatus.CLOSED, [CampaignStatus.OPEN]);
  return campaign.gid;
};

export const MATRIX: Record<string, Case> = {
  'Query.viewer': { document: '{ viewer { email } }', expect: everyone('OK') },
  'Query.node': {
    document: 'query ($id: ID!) { node(id: $id) { id } }',
    variables: (_t, p) => ({ id: p.agency.gid }),
    expect: everyone('OK'),
  },
  'Query.agencies': { document: '{ agencies { id members { role } } }', expect: everyone('OK') },
  'Query.campaigns': { document: '{ campaigns { totalCount edges { node { id } } } }', expect: everyone('OK') },
  'Query.campaign': {
    document: 'query ($id: ID) { campaign(id: $id) { id } }',
    variables: async (t, p) => ({ id: (await makeCampaign(t, p.agency, { open: false })).gid }),
    expect: everyone('OK'),
  },
  'Query.idea': {
    document: 'query ($id: ID!) { idea(id: $id) { id viewerVote } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: everyone('OK'),
  },
  'Query.legalPage': { document: '{ legalPage(page: PRIVACY) { title } }', expect: everyone('OK') },
  'Query.searchIdeas': { document: '{ searchIdeas(query: "park") { totalCount } }', expect: everyone('OK') },
  'Query.similarIdeas': {
    document: 'query ($id: ID!) { similarIdeas(campaignId: $id, text: "more trees") { id } }',
    variables: async (t, p) => ({ id: (await makeCampaign(t, p.agency)).gid }),
    expect: everyone('OK'),
  },
  'Mutation.createCampaign': {
    document: 'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }',
    variables: (_t, p) => ({
      input: { agencyId: p.agency.gid, title: `Matrix ${unique()}`, summary: 'A question to answer', body: 'Body' },
    }),
    expect: agencyStaff,
  },
  'Mutation.updateCampaign': {
    document: 'mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { id } }',
    variables: async (t, p) => ({ input: { id: (await makeCampaign(t, p.agency)).gid, title: 'A new title here' } }),
    expect: agencyStaff,
  },
  'Mutation.openCampaign': {
    document: 'mutation ($id: ID!) { openCampaign(id: $id) { id } }',
    variables: async (t, p) => ({ id: (await makeCampaign(t, p.agency, { open: false })).gid }),
    // A draft is invisible outside its agency: NOT_FOUND, not FORBIDDEN.
    expect: { ...signedIn('NOT_FOUND'), official: 'OK', agencyAdmin: 'OK', admin: 'OK' },
  },
  'Mutation.closeCampaign': {
    document: 'mutation ($id: ID!) { closeCampaign(id: $id) { id } }',
    variables: async (t, p) => ({ id: (await makeCampaign(t, p.agency)).gid }),
    expect: agencyStaff,
  },
  'Mutation.archiveCampaign': {
    document: 'mutation ($id: ID!) { archiveCampaign(id: $id) { id } }',
    variables: async (t, p) => ({ id: await closedCampaign(t, p) }),
    expect: agencyStaff,
  },
  'Mutation.submitIdea': {
    document: 'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
    variables: async (t, p) => ({
      input: { campaignId: (await makeCampaign(t, p.agency)).gid, title: 'Matrix idea', body: 'Body' },
    }),
    expect: signedIn('OK'),
  },
  'Mutation.updateIdea': {
    document: 'mutation ($input: UpdateIdeaInput!) { updateIdea(input: $input) { id } }',
    variables: async (t, p) => ({ input: { id: await freshIdea(t, p), title: 'Edited matrix idea' } }),
    expect: authorOnly,
  },
  'Mutation.withdrawIdea': {
    document: 'mutation ($id: ID!) { withdrawIdea(id: $id) { id } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: authorOnly,
  },
  'Mutation.castVote': {
    document: 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: signedIn('OK'),
  },
  'Mutation.retractVote': {
    document: 'mutation ($id: ID!) { retractVote(ideaId: $id) { id } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: signedIn('OK'),
  },
  'Mutation.postOfficialResponse': {
    document: 'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
    variables: async (t, p) => ({
      input: { ideaId: await freshIdea(t, p), body: 'Our answer.', status: 'UNDER_REVIEW' },
    }),
    // Only the campaign's agency answers: site admins too are refused.
    expect: { ...signedIn('FORBIDDEN'), official: 'OK', agencyAdmin: 'OK' },
  },
  'Mutation.followIdea': {
    document: 'mutation ($id: ID!) { followIdea(ideaId: $id) { id } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: signedIn('OK'),
  },
  'Mutation.unfollowIdea': {
    document: 'mutation ($id: ID!) { unfollowIdea(ideaId: $id) { id } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: signedIn('OK'),
  },
  'Mutation.addComment': {
    document: 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
    variables: async (t, p) => ({ input: { ideaId: await freshIdea(t, p), body: 'A comment' } }),
    expect: signedIn('OK'),
  },
  'Mutation.editComment': {
    document: 'mutation ($id: ID!) { editComment(id: $id, body: "Edited") { id } }',
    variables: async (t, p) => ({ id: await authorsComment(t, p) }),
    expect: authorOnly,
  },
  'Mutation.deleteComment': {
    document: 'mutation ($id: ID!) { deleteComment(id: $id) { id } }',
    variables: async (t, p) => ({ id: await authorsComment(t, p) }),
    expect: authorOnly,
  },
  'Query.moderationLog': {
    document: '{ moderationLog { totalCount edges { node { id actor { id } } } } }',
    // Officials read their agencies' entries; other signed-in people have no log to read.
    expect: {
      ...signedIn('FORBIDDEN'),
      official: 'OK',
      agencyAdmin: 'OK',
      otherOfficial: 'OK',
      moderator: 'OK',
      admin: 'OK',
    },
  },
  'Query.moderationQueue': {
    document: '{ moderationQueue { totalCount edges { node { id target { __typename } } } } }',
    // Every official reviews their own agency's flags (the other agency's official sees an empty queue).
    expect: { ...reviewers, otherOfficial: 'OK' },
  },
  'Mutation.flagContent': {
    document: 'mutation ($input: FlagContentInput!) { flagContent(input: $input) { id status } }',
    variables: async (t, p) => ({ input: { targetId: await freshIdea(t, p), reason: 'OFF_TOPIC' } }),
    // Not one's own content.
    expect: { ...signedIn('OK'), author: 'BAD_USER_INPUT' },
  },
  'Mutation.resolveFlag': {
    document: 'mutation ($input: ResolveFlagInput!) { resolveFlag(input: $input) { id status } }',
    variables: async (t, p) => ({ input: { flagId: await freshFlag(t, p), resolution: 'DISMISS' } }),
    expect: reviewers,
  },
  'Query.flaggedContent': {
    document: '{ flaggedContent { totalCount edges { node { targetId flags { id } target { __typename } } } } }',
    expect: { ...reviewers, otherOfficial: 'OK' },
  },
  'Query.moderationLogActors': {
    document: '{ moderationLogActors { id } }',
    expect: { ...reviewers, otherOfficial: 'OK' },
  },
  'Mutation.decideOnFlaggedContent': {
    document: `mutation ($id: ID!) { decideOnFlaggedContent(input: { targetId: $id, decision: DISMISS, reason: "Matrix" }) {
      __typename } }`,
    variables: async (t, p) => {
      const flag = await freshFlag(t, p);
      const found = await t.gql(
        'query ($id: ID!) { node(id: $id) { ... on Flag { target { ... on Idea { id } } } } }',
        {
          id: flag,
        },
        { token: p.admin.token },
      );
      return { id: found.data!.node.target.id };
    },
    expect: reviewers,
  },
  'Mutation.liftSuspension': {
    document: 'mutation ($id: ID!) { liftSuspension(userId: $id, reason: "Matrix") { id } }',
    variables: async (t, p) => {
      const person = await makeUser(t);
      await t.gql(
        'mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id } }',
        {
          input: { userId: person.id, until: new Date(Date.now() + 3600000).toISOString(), reason: 'Matrix' },
        },
        { token: p.admin.token },
      );
      return { id: person.id };
    },
    expect: { ...signedIn('FORBIDDEN'), moderator: 'OK', admin: 'OK' },
  },
  'Query.people': {
    document: '{ people { totalCount edges { node { user { id } email suspendedUntil } } } }',
    expect: { ...signedIn('FORBIDDEN'), moderator: 'OK', admin: 'OK' },
  },
  'Mutation.updateAgency': {
    document: 'mutation ($id: ID!) { updateAgency(input: { id: $id, description: "Matrix" }) { id } }',
    variables: (_t, p) => ({ id: p.agency.gid }),
    expect: { ...signedIn('FORBIDDEN'), agencyAdmin: 'OK', admin: 'OK' },
  },
  'Mutation.removeAgencyMember': {
    document: 'mutation ($a: ID!, $u: ID!) { removeAgencyMember(agencyId: $a, userId: $u) { id } }',
    variables: async (t, p) => {
      const member = await makeMember(t, p.agency, AgencyRole.OFFICIAL);
      return { a: p.agency.gid, u: member.id };
    },
    expect: { ...signedIn('FORBIDDEN'), agencyAdmin: 'OK', admin: 'OK' },
  },
  'Mutation.hideContent': {
    document: 'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Matrix") { __typename } }',
    variables: async (t, p) => ({ id: await freshIdea(t, p) }),
    expect: reviewers,
  },
  'Mutation.restoreContent': {
    document: 'mutation ($id: ID!) { restoreContent(targetId: $id, reason: "Matrix") { __typename } }',
    variables: async (t, p) => {
      const id = await freshIdea(t, p);
      await t.gql(
        'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Hidden") { __typename } }',
        { id },
        {
          token: p.moderator.token,
        },
      );
      return { id };
    },
    expect: reviewers,
  },
  'Mutation.suspendUser': {
    document: 'mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id } }',
    variables: async (t) => ({
      input: { userId: (await makeUser(t)).id, until: new Date(Date.now() + 3600000).toISOString(), reason: 'Matrix' },
    }),
    expect: { ...signedIn('FORBIDDEN'), moderator: 'OK', admin: 'OK' },
  },
  'Mutation.signUp': {
    document: 'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
    variables: () => ({ input: { email: `m-${unique()}@example.org`, password: PASSWORD, displayName: 'Matrix' } }),
    expect: everyone('OK'),
  },
  'Mutation.signIn': {
    document: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
    variables: async (t) => ({ input: { email: (await makeUser(t)).email, password: PASSWORD } }),
    expect: everyone('OK'),
  },
  'Mutation.signOut': { document: 'mutation { signOut }', expect: everyone('OK') },
  'Mutation.changePassword': {
    document: 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }',
    variables: () => ({ input: { currentPassword: PASSWORD, newPassword: `new passphrase ${unique()}` } }),
    expect: signedIn('OK'),
  },
  'Mutation.updateProfile': {
    document: 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { language } }',
    variables: () => ({ input: { language: 'en' } }),
    expect: signedIn('OK'),
  },
  // The personas' addresses are confirmed already.
  'Mutation.requestEmailVerification': {
    document: 'mutation { requestEmailVerification }',
    expect: signedIn('CONFLICT'),
  },
  'Mutation.verifyEmail': {
    document: 'mutation ($token: String!) { verifyEmail(token: $token) }',
    variables: () => ({ token: randomBytes(32).toString('base64url') }),
    expect: everyone('BAD_USER_INPUT'),
  },
  'Mutation.requestPasswordReset': {
    document: 'mutation ($email: String!) { requestPasswordReset(email: $email) }',
    variables: () => ({ email: `reset-${unique()}@example.org` }),
    expect: everyone('OK'),
  },
  'Mutation.resetPassword': {
    document: 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token } }',
    variables: () => ({
      input: { token: randomBytes(32).toString('base64url'), newPassword: `new passphrase ${unique()}` },
    }),
    expect: everyone('BAD_USER_INPUT'),
  },
  'Mutation.updateNotificationPreferences': {
    document: `mutation ($input: NotificationPreferencesInput!) {
      updateNotificationPreferences(input: $input) { notificationPreferences { emailFrequency } } }`,
    variables: () => ({ input: { emailFrequency: 'DAILY', mutedKinds: [] } }),
    expect: signedIn('OK'),
  },
  // Each person marks only their own (another's ids change nothing): see the notifications tests.
  'Mutation.markNotificationsRead': {
    document: 'mutation { markNotificationsRead }',
    expect: signedIn('OK'),
  },
  // The token alone decides (it needs no session); an unknown one is refused for everyone.
  'Mutation.unsubscribe': {
    document: 'mutation ($token: String!) { unsubscribe(token: $token) }',
    variables: () => ({ token: randomBytes(32).toString('hex') }),
    expect: everyone('BAD_USER_INPUT'),
  },
  'Mutation.requestEmailChange': {
    document: 'mutation ($input: ChangeEmailInput!) { requestEmailChange(input: $input) }',
    variables: () => ({ input: { newEmail: `moving-${unique()}@example.org`, password: PASSWORD } }),
    expect: signedIn('OK'),
  },
  'Mutation.confirmEmailChange': {
    document: 'mutation ($token: String!) { confirmEmailChange(token: $token) }',
    variables: () => ({ token: randomBytes(32).toString('base64url') }),
    expect: everyone('BAD_USER_INPUT'),
  },
  // With a wrong password, so the personas stay: deletion itself is in the account tests.
  'Mutation.deleteAccount': {
    document: 'mutation ($password: String!) { deleteAccount(password: $password) }',
    variables: () => ({ password: `not the password ${unique()}` }),
    expect: signedIn('BAD_USER_INPUT'),
  },
  'Mutation.createApiToken': {
    document: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }',
    variables: () => ({ input: { name: `App ${unique()}`, scope: 'READ' } }),
    expect: signedIn('OK'),
  },
  // The author's token: only its owner revokes it; to everyone else it does not exist.
  'Mutation.revokeApiToken': {
    document: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }',
    variables: async (t, p) => {
      const { row } = await t.app
        .get(ApiTokensService)
        .create(await viewerOf(t, p.author), { name: `App ${unique()}`, scope: ApiTokenScope.READ });
      return { id: toGlobalId('ApiToken', row.id) };
    },
    expect: { ...signedIn('NOT_FOUND'), author: 'OK' },
  },
  'Mutation.createWebhook': {
    document: 'mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }',
    variables: () => ({ input: { url: 'https://93.184.216.34/hooks/consulta', events: ['IDEA_SUBMITTED'] } }),
    expect: signedIn('OK'),
  },
  // The author's webhook: only its owner deletes it; to everyone else it does not exist.
  'Mutation.deleteWebhook': {
    document: 'mutation ($id: ID!) { deleteWebhook(id: $id) }',
    variables: async (t, p) => {
      const { row } = await t.app.get(WebhooksService).create(await viewerOf(t, p.author), {
        url: 'https://93.184.216.34/hooks/consulta',
        events: [WebhookEvent.IDEA_SUBMITTED],
        campaignId: null,
        agencyId: null,
      });
      return { id: toGlobalId('Webhook', row.id) };
    },
    expect: { ...signedIn('NOT_FOUND'), author: 'OK' },
  },
  'Query.failedMail': {
    document: '{ failedMail(first: 5) { id to subject lastError } }',
    expect: adminOnly,
  },
  'Query.userByEmail': {
    document: 'query ($email: String!) { userByEmail(email: $email) { id role } }',
    variables: async (t) => ({ email: (await makeUser(t)).email }),
    expect: adminOnly,
  },
  'Mutation.setUserRole': {
    document: 'mutation ($id: ID!) { setUserRole(userId: $id, role: MODERATOR) { id } }',
    variables: async (t) => ({ id: (await makeUser(t)).id }),
    expect: adminOnly,
  },
  'Mutation.createAgency': {
    document: 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }',
    variables: () => ({ input: { name: `Matrix Agency ${unique()}` } }),
    expect: adminOnly,
  },
  'Mutation.addAgencyMember': {
    document: 'mutation ($input: AddAgencyMemberInput!) { addAgencyMember(input: $input) { role } }',
    variables: async (t, p) => ({
      input: { agencyId: p.agency.gid, email: (await makeUser(t)).email, role: 'OFFICIAL' },
    }),
    expect: { ...signedIn('FORBIDDEN'), agencyAdmin: 'OK', admin: 'OK' },
  },
};

/** A hidden idea of the personas' agency, by its author: seen by the author, the agency's people and moderators. */
const hiddenIdea = async (t: TestApp, p: Personas) => {
  const id = await freshIdea(t, p);
  await t.gql(
    'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Review") { __typename } }',
    { id },
    {
      token: p.moderator.token,
    },
  );
  return id;
};

// Subscriptions: OK is a subscription that is running (no error) half a second after it was asked for.
const SUBSCRIPTIONS: Record<string, Case> = {
  'Subscription.ideaChanged': {
    document: 'subscription ($id: ID!) { ideaChanged(ideaId: $id) { id } }',
    variables: async (t, p) => ({ id: await hiddenIdea(t, p) }),
    expect: { ...everyone('OK'), anonymous: 'NOT_FOUND', citizen: 'NOT_FOUND', otherOfficial: 'NOT_FOUND' },
  },
  'Subscription.campaignChanged': {
    document: 'subscription ($id: ID!) { campaignChanged(campaignId: $id) { id } }',
    variables: async (t, p) => ({ id: (await makeCampaign(t, p.agency, { open: false })).gid }),
    expect: { ...everyone('NOT_FOUND'), official: 'OK', agencyAdmin: 'OK', admin: 'OK' },
  },
  'Subscription.notificationReceived': {
    document: 'subscription { notificationReceived { id } }',
    expect: signedIn('OK'),
  },
};

/** The outcome of a subscription over graphql-ws, as the matrix counts it. */
async function subscriptionOutcome(t: TestApp, document: string, variables: Record<string, unknown>, token?: string) {
  const client = liveClient(t.url, { token });
  try {
    const running = subscribe(client, document, variables);
    await waitFor('an answer', async () => running.results.length > 0 || !!running.error, 500).catch(() => {});
    const errors = running.results[0]?.errors ?? (Array.isArray(running.error) ? running.error : undefined);
    return errors ? outcome({ errors }) : 'OK';
  } finally {
    await client.dispose();
  }
}

describe('the authorization matrix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('covers every Query, Mutation and Subscription field of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
      ...Object.keys(schema.getSubscriptionType()!.getFields()).map((f) => `Subscription.${f}`),
    ];
    const covered = { ...MATRIX, ...SUBSCRIPTIONS };
    expect(fields.filter((field) => !covered[field])).toEqual([]);
    expect(Object.keys(covered).filter((field) => !fields.includes(field))).toEqual([]);
  });

  it.each(Object.keys({ ...MATRIX, ...SUBSCRIPTIONS }))('%s gives each person the expected outcome', async (field) => {
    const live = field.startsWith('Subscription.');
    const entry = (live ? SUBSCRIPTIONS : MATRIX)[field]!;
    const p = await makePersonas(t);
    const actual: Record<string, string> = {};
    for (const who of PERSONAS) {
      const variables = (await entry.variables?.(t, p, who)) ?? {};
      const token = who === 'anonymous' ? undefined : p[who].token;
      actual[who] = live
        ? await subscriptionOutcome(t, entry.document, variables, token)
        : outcome(await t.gql(entry.document, variables, { token }));
    }
    expect(actual).toEqual(entry.expect);
  });
});
