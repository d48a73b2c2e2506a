import { Role } from '@consulta/shared';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { requireRole } from '../../common/auth/policies.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { pageSize } from '../../common/graphql/connection.js';
import { DatabaseService } from '../../database/database.service.js';
import { mailRepository } from './mail.repository.js';
import { mapMail, OutgoingMailObject } from './outgoing-mail.object.js';

@Resolver()
export class MailResolver {
  constructor(private readonly database: DatabaseService) {}

  @Query(() => [OutgoingMailObject], {
    description: 'ADMIN only: messages the mail server refused for good, newest first (also `npm run mail`).',
  })
  async failedMail(
    @Context() { viewer }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<OutgoingMailObject[]> {
    requireRole(viewer, Role.ADMIN);
    return (await mailRepository.failed(this.database.dataSource, pageSize(first))).map(mapMail);
  }
}
