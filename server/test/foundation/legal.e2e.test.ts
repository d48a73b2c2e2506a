import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app.js';

const PAGE = `query ($page: LegalPageName!, $language: String) {
  legalPage(page: $page, language: $language) { page title bodyHtml language provided } }`;

describe('legal pages', () => {
  describe('with the defaults', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('serves privacy, terms and accessibility in English and Spanish, to anyone', async () => {
      const titles: Record<string, [string, string]> = {
        PRIVACY: ['Privacy notice', 'Aviso de privacidad'],
        TERMS: ['Terms of use', 'Condiciones de uso'],
        ACCESSIBILITY: ['Accessibility statement', 'Declaración de accesibilidad'],
      };
      for (const [page, [english, spanish]] of Object.entries(titles)) {
        const en = (await t.gql(PAGE, { page })).data!.legalPage;
        expect(en).toMatchObject({ page, title: english, language: 'en', provided: false });
        expect(en.bodyHtml).toContain('<h2>');
        expect(en.bodyHtml).not.toContain(`<h1>`);
        const es = (await t.gql(PAGE, { page, language: 'es' })).data!.legalPage;
        expect(es).toMatchObject({ title: spanish, language: 'es' });
      }
      const unknown = (await t.gql(PAGE, { page: 'TERMS', language: 'fr' })).data!.legalPage;
      expect(unknown.language).toBe('en');
    });
  });

  describe('with the deployment’s own files', () => {
    let t: TestApp;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'consulta-legal-'));
      writeFileSync(
        join(dir, 'privacy.md'),
        '# How the Water Board keeps your data\n\nWe keep **little**.<script>alert(1)</script>\n',
      );
      t = await startTestApp({ config: { legalPagesDir: dir } });
    });
    afterAll(() => t.close());

    it('serves them (sanitized), in English where they have no Spanish, and the defaults for the rest', async () => {
      const privacy = (await t.gql(PAGE, { page: 'PRIVACY', language: 'es' })).data!.legalPage;
      expect(privacy).toMatchObject({ title: 'How the Water Board keeps your data', language: 'en', provided: true });
      expect(privacy.bodyHtml).toContain('<strong>little</strong>');
      expect(privacy.bodyHtml).not.toContain('<script');
      const terms = (await t.gql(PAGE, { page: 'TERMS', language: 'es' })).data!.legalPage;
      expect(terms).toMatchObject({ title: 'Condiciones de uso', provided: false });
    });
  });
});
