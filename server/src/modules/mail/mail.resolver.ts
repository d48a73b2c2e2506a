import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { pageSize } from '../../common/graphql/connection.js';
import { MailService } from './mail.service.js';
import { mapMail, OutgoingMailObject } from './outgoing-mail.object.js';

@Resolver()
export class MailResolver {
  constructor(private readonly mail: MailService) {}

  @Query(() => [OutgoingMailObject], {
    description: 'ADMIN only: messages the mail server refused for good, newest first (also `npm run mail`).',
  })
  async failedMail(
    @Context() { viewer }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<OutgoingMailObject[]> {
    return (await this.mail.failed(viewer, pageSize(first))).map(mapMail);
  }
}
