import { LegalPageName } from '@consulta/shared';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { LegalPageObject } from './legal-page.object.js';
import { LegalService } from './legal.service.js';

@Resolver(() => LegalPageObject)
export class LegalResolver {
  constructor(private readonly legal: LegalService) {}

  @Query(() => LegalPageObject, {
    description: 'A legal page, for everyone: in `language` (en or es) when it has one.',
  })
  legalPage(
    @Args('page', { type: () => LegalPageName }) page: LegalPageName,
    @Args('language', { nullable: true }) language?: string,
  ): Promise<LegalPageObject> {
    return this.legal.read(page, language);
  }
}
