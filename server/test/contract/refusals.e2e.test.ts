import { CampaignStatus, refusalText } from '@consulta/shared';
import { systemViewer } from '../../src/common/auth/request-viewer.js';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, type Personas } from '../support/factories.js';

const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }';
const extensionsOf = (result: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }) => ({
  message: result.errors?.[0]?.message,
  ...result.errors?.[0]?.extensions,
});

/** Every refusal names its reason (a key of the shared REFUSALS) and the values that make it real. */
describe('refusals say their real reason', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('a suspension says until when', async () => {
    const person = await makeUser(t);
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    const until = new Date(Date.now() + 3 * 86400000).toISOString();
    await t.gql(
      'mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id } }',
      {
        input: { userId: person.id, until, reason: 'Spam' },
      },
      { token: p.moderator.token },
    );
    const signedIn = await t.gql('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
      input: { email: person.email, password: 'correct horse battery staple' },
    });
    const refused = extensionsOf(await t.gql(VOTE, { id: idea.gid }, { token: signedIn.data!.signIn.token }));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'SUSPENDED', reasonValues: { until } });
    expect(refused.message).toBe(refusalText('SUSPENDED', { until }));
    expect(refused.message).toContain(`${until.slice(0, 10)} ${until.slice(11, 16)} UTC`);
  });

  it('a closed consultation says when it closed; a spent budget says how many votes there were', async () => {
    const campaign = await makeCampaign(t, p.agency, { voteBudget: 1 });
    const [first, second] = [await makeIdea(t, campaign, p.author), await makeIdea(t, campaign, p.author)];
    expect((await t.gql(VOTE, { id: first.gid }, { token: p.citizen.token })).errors).toBeUndefined();
    const spent = extensionsOf(await t.gql(VOTE, { id: second.gid }, { token: p.citizen.token }));
    expect(spent).toMatchObject({ code: 'CONFLICT', reason: 'VOTE_BUDGET_SPENT', reasonValues: { budget: 1 } });

    const closed = await t.app
      .get(CampaignsService)
      .transition(systemViewer(), campaign.id, CampaignStatus.CLOSED, [CampaignStatus.OPEN]);
    const late = extensionsOf(await t.gql(VOTE, { id: second.gid }, { token: p.author.token }));
    expect(late).toMatchObject({
      code: 'CONFLICT',
      reason: 'CAMPAIGN_CLOSED',
      reasonValues: { closedAt: closed.closesAt!.toISOString() },
    });
    const edit = await t.gql(
      'mutation ($id: ID!) { updateIdea(input: { id: $id, title: "A later title" }) { id } }',
      {
        id: first.gid,
      },
      { token: p.author.token },
    );
    expect(extensionsOf(edit)).toMatchObject({ reason: 'CAMPAIGN_CLOSED' });
  });

  it('a consultation that opens later says when', async () => {
    const opensAt = new Date(Date.now() + 86400000);
    const campaign = await makeCampaign(t, p.agency, { opensAt });
    const refused = await t.gql(
      'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
      { input: { campaignId: campaign.gid, title: 'Too early an idea', body: 'Because.' } },
      { token: p.citizen.token },
    );
    expect(extensionsOf(refused)).toMatchObject({
      reason: 'CAMPAIGN_NOT_OPEN_YET',
      reasonValues: { opensAt: opensAt.toISOString() },
    });
  });

  it('a role refusal says which roles may, and the reader’s own', async () => {
    const refused = extensionsOf(
      await t.gql(
        'mutation ($id: ID!) { setUserRole(userId: $id, role: MODERATOR) { id } }',
        { id: p.citizen.id },
        {
          token: p.moderator.token,
        },
      ),
    );
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
      reasonValues: { required: 'ADMIN', role: 'MODERATOR' },
    });
    expect(refused.message).toBe('Only ADMIN can do that; you are signed in as MODERATOR.');
  });

  it('an answered idea says its status when its author tries to edit it', async () => {
    const idea = await makeIdea(t, await makeCampaign(t, p.agency), p.author);
    await t.gql(
      'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
      { input: { ideaId: idea.gid, body: 'We will look into it.', status: 'UNDER_REVIEW' } },
      { token: p.official.token },
    );
    const FIELDS = 'query ($id: ID!) { idea(id: $id) { viewerCanEdit viewerCanWithdraw } }';
    expect((await t.gql(FIELDS, { id: idea.gid }, { token: p.author.token })).data!.idea).toEqual({
      viewerCanEdit: false,
      viewerCanWithdraw: true,
    });
    expect((await t.gql(FIELDS, { id: idea.gid }, { token: p.citizen.token })).data!.idea).toEqual({
      viewerCanEdit: false,
      viewerCanWithdraw: false,
    });
    const edit = await t.gql(
      'mutation ($id: ID!) { updateIdea(input: { id: $id, title: "A newer title" }) { id } }',
      {
        id: idea.gid,
      },
      { token: p.author.token },
    );
    expect(extensionsOf(edit)).toMatchObject({ reason: 'IDEA_ANSWERED', reasonValues: { status: 'UNDER_REVIEW' } });
  });
});
