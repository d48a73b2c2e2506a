import { startTestApp, type TestApp } from '../support/app.js';
import { outcome } from '../support/factories.js';
import { fragmentChain } from '../support/documents.js';

describe('document checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuse a 24-fragment chain at once while /health keeps answering', async () => {
    const started = Date.now();
    const chain = t.gql(fragmentChain(24));
    // Asked while the chain is being checked: answered in well under a second when nothing blocks.
    const health = fetch(`${t.url}/health`).then((response) => ({ status: response.status, at: Date.now() }));
    const [refused, answered] = await Promise.all([chain, health]);
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/asks for too much/);
    expect(answered.status).toBe(200);
    expect(answered.at - started).toBeLessThan(2000);
  });

  it('refuse page sizes given by a variable default or through fragments when they cost too much', async () => {
    const byDefault = await t.gql(`query ($f: Int = 50) { campaigns(first: $f) { edges { node {
      ideas(first: $f) { edges { node { comments(first: $f) { edges { node { id body } } } } } } } } } }`);
    expect(outcome(byDefault)).toBe('BAD_USER_INPUT');
    const throughFragments = await t.gql(`{ campaigns(first: 50) { ...C } }
      fragment C on CampaignConnection { edges { node { ideas(first: 50) { ...I } } } }
      fragment I on IdeaConnection { edges { node { comments(first: 50) { edges { node { id } } } } } }`);
    expect(outcome(throughFragments)).toBe('BAD_USER_INPUT');
    expect(throughFragments.errors![0]!.message).toMatch(/cost \d+, at most 5000/);
  });
});

describe('refused documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { limits: { perMinute: 3 } } });
  });
  afterAll(() => t.close());

  it('count against the per-address limit like accepted ones: parse, validation and cost refusals', async () => {
    expect(outcome(await t.gql('{ agencies { '))).toBe('BAD_USER_INPUT'); // does not parse
    expect(outcome(await t.gql('{ noSuchField }'))).toBe('BAD_USER_INPUT'); // does not validate
    expect(outcome(await t.gql(fragmentChain(12)))).toBe('BAD_USER_INPUT'); // costs too much
    const next = await t.gql('{ agencies { id } }');
    expect(outcome(next)).toBe('RATE_LIMITED');
    expect(next.status).toBe(429);
  });
});
