import { Role } from '@consulta/shared';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { OnModuleInit } from '@nestjs/common';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { mapUser, UserObject } from './user.object.js';
import { UsersService } from './users.service.js';
import { mapViewer, ViewerObject } from './viewer.object.js';

@Resolver(() => UserObject)
export class UsersResolver implements OnModuleInit {
  constructor(
    private readonly users: UsersService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('User', async (id) => {
      const user = await this.users.findById(id);
      return user ? mapUser(user) : null;
    });
  }

  @Query(() => ViewerObject, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  async viewer(@Context() { viewer }: GraphQLContext): Promise<ViewerObject | null> {
    const user = viewer.userId ? await this.users.findById(viewer.userId) : null;
    return user ? mapViewer(user) : null;
  }

  @Query(() => UserObject, { nullable: true, description: 'ADMIN only: the person with this email, or null.' })
  async userByEmail(@Args('email') email: string, @Context() { viewer }: GraphQLContext): Promise<UserObject | null> {
    const user = await this.users.findByEmailAsAdmin(viewer, email);
    return user ? mapUser(user) : null;
  }

  @Mutation(() => UserObject, { description: 'ADMIN only.' })
  async setUserRole(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => Role }) role: Role,
    @Context() { viewer }: GraphQLContext,
  ): Promise<UserObject> {
    return mapUser(await this.users.setRole(viewer, idOfType(userId, 'User'), role));
  }
}
