import { Role } from '@consulta/shared';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { OnModuleInit } from '@nestjs/common';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { mapUser, UserObject } from './user.object.js';
import { UpdateProfileInput } from './dto/profile.inputs.js';
import { EmailVerificationService } from './email-verification.service.js';
import { UsersService } from './users.service.js';
import { mapViewer, ViewerObject } from './viewer.object.js';

@Resolver(() => UserObject)
export class UsersResolver implements OnModuleInit {
  constructor(
    private readonly users: UsersService,
    private readonly verification: EmailVerificationService,
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

  @Mutation(() => ViewerObject)
  async updateProfile(
    @Args('input') input: UpdateProfileInput,
    @Context() { viewer }: GraphQLContext,
  ): Promise<ViewerObject> {
    return mapViewer(await this.users.updateProfile(viewer, input));
  }

  @Mutation(() => Boolean, {
    description:
      'Emails the viewer a link to confirm their address (CONFLICT when already verified; RATE_LIMITED when asked again too soon).',
  })
  requestEmailVerification(@Context() { viewer }: GraphQLContext): Promise<boolean> {
    return this.verification.request(viewer);
  }

  @Mutation(() => Boolean, {
    description:
      'Confirms an address with the token from the emailed link; needs no session. BAD_USER_INPUT when the token is unknown, used or expired.',
  })
  verifyEmail(@Args('token') token: string): Promise<boolean> {
    return this.verification.verify(token);
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
