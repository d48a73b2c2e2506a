import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_LANGUAGE, isLanguage, LegalPageName, renderMarkdown, type Language } from '@consulta/shared';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { REPO_ROOT, type AppConfig } from '../../config/config.js';

/** The pages shipped with Consulta, used where the deployment provides none of its own. */
const DEFAULTS = resolve(REPO_ROOT, 'server/legal');
const FILES: Record<LegalPageName, string> = {
  [LegalPageName.PRIVACY]: 'privacy',
  [LegalPageName.TERMS]: 'terms',
  [LegalPageName.ACCESSIBILITY]: 'accessibility',
};

export interface LegalPage {
  page: LegalPageName;
  title: string;
  bodyHtml: string;
  language: Language;
  /** Whether the deployment provided it (false: Consulta's default text). */
  provided: boolean;
}

/**
 * The legal pages an agency must publish, each from a Markdown file: the deployment's own in
 * LEGAL_PAGES_DIR when it has it (`privacy.md`, `privacy.es.md`...), else Consulta's defaults. The first
 * `# heading` is the title. Read once per page and language, then kept: a new text needs a restart.
 */
@Injectable()
export class LegalService {
  private readonly cache = new Map<string, Promise<LegalPage>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(page: LegalPageName, language?: string | null): Promise<LegalPage> {
    const wanted = isLanguage(language) ? language : DEFAULT_LANGUAGE;
    const key = `${page}:${wanted}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.load(page, wanted);
      this.cache.set(key, found);
      found.catch(() => this.cache.delete(key));
    }
    return found;
  }

  /** The first file that exists: the deployment's in the language, its English, then the defaults'. */
  private async load(page: LegalPageName, language: Language): Promise<LegalPage> {
    const name = FILES[page];
    const names = language === DEFAULT_LANGUAGE ? [`${name}.md`] : [`${name}.${language}.md`, `${name}.md`];
    const dirs = [this.config.legalPagesDir, DEFAULTS].filter((dir): dir is string => !!dir);
    for (const dir of dirs) {
      for (const file of names) {
        const text = await readFile(join(dir, file), 'utf8').catch(() => null);
        if (text === null) continue;
        const heading = /^#\s+(.+)$/m.exec(text);
        const body = heading ? text.replace(heading[0], '') : text;
        return {
          page,
          title: heading?.[1]?.trim() ?? name,
          bodyHtml: renderMarkdown(body.trim()),
          language: file === `${name}.md` ? DEFAULT_LANGUAGE : language,
          provided: dir === this.config.legalPagesDir,
        };
      }
    }
    throw new NotFoundError(`legal page ${name}`);
  }
}
