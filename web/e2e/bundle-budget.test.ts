// @ts-expect-error -- a plain ES module script beside the build, without type declarations
import { CITIZEN_BUDGET_KB, measure } from '../scripts/bundle-budget.mjs';

describe('the JavaScript budget', () => {
  it('keeps citizen routes within 250 KB gzipped, with the consoles split off', () => {
    const { citizenKb, lazy } = measure() as { citizenKb: number; lazy: Array<{ name: string; kb: number }> };
    expect(CITIZEN_BUDGET_KB).toBe(250);
    expect(citizenKb).toBeGreaterThan(50);
    expect(citizenKb).toBeLessThanOrEqual(CITIZEN_BUDGET_KB);
    expect(lazy.map((chunk) => chunk.name).sort()).toEqual(
      expect.arrayContaining(['admin-route', 'console-route', 'moderation-route', 'log-route']),
    );
  });
});
