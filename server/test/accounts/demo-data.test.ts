import { outcome } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoCredentials, seedDemoData } from '../../src/modules/demo/demo-data.js';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('loads once: an admin, a moderator, officials of two agencies and citizens who can sign in', async () => {
    expect(await seedDemoData(t.app)).toBe(true);
    expect(await seedDemoData(t.app)).toBe(false);
    for (const account of DEMO_ACCOUNTS) {
      const result = await t.gql(
        'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { user { role } memberships { role agency { slug } } } } }',
        {
          input: { email: account.email, password: DEMO_PASSWORD },
        },
      );
      expect(outcome(result)).toBe('OK');
      expect(result.data!.signIn.viewer.user.role).toBe(account.role);
    }
    const agencies = await t.gql('{ agencies { slug members { role } } }');
    expect(agencies.data!.agencies.map((a: { slug: string }) => a.slug)).toEqual(['city-parks', 'transit']);
    expect(demoCredentials()).toContain(DEMO_PASSWORD);
  });
});
