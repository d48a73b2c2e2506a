import { Role } from '@consulta/shared';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { mapConnection } from '../../common/graphql/connection.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { AccountConnection, AccountObject, mapAccount } from './account.object.js';
import { PeopleService } from './people.service.js';

/** The back office's people list: accounts with the private fields the viewer's work needs. */
@Resolver(() => AccountObject)
export class PeopleResolver {
  constructor(private readonly service: PeopleService) {}

  @Query(() => AccountConnection, {
    description:
      'MODERATOR or ADMIN: people, newest account first; search matches the name (and the address, for admins).',
  })
  async people(
    @Context() { viewer }: GraphQLContext,
    @Args('search', { nullable: true }) search?: string,
    @Args('role', { type: () => Role, nullable: true }) role?: Role,
    @Args('suspended', { nullable: true, description: 'Only people suspended now.' }) suspended?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const page = await this.service.list(viewer, { search, role, suspended, first, after });
    return mapConnection(page, (user) => mapAccount(user, viewer));
  }
}
