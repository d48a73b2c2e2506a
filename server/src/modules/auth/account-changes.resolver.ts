import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AccountChangesService } from './account-changes.service.js';
import { ChangeEmailInput } from './dto/auth.inputs.js';
import { clearSessionCookie } from './session-cookie.js';

@Resolver()
export class AccountChangesResolver {
  constructor(
    private readonly changes: AccountChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Mails a link to the new address (the account moves once it is followed; an address with an account is told so instead, and the answer is the same) and tells the current one. Needs the current password; at most 3 an hour.',
  })
  requestEmailChange(@Args('input') input: ChangeEmailInput, @Context() { viewer }: GraphQLContext): Promise<boolean> {
    return this.changes.requestEmailChange(viewer, input.newEmail, input.password);
  }

  @Mutation(() => Boolean, {
    description:
      'Moves the account to the address the link was mailed to, now confirmed; needs no session. BAD_USER_INPUT when the token is unknown, used or expired.',
  })
  confirmEmailChange(@Args('token') token: string): Promise<boolean> {
    return this.changes.confirmEmailChange(token);
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes the signed-in person's account with their password: address, name and password cleared, every session ended; their ideas and comments stay with author null, their votes still count.",
  })
  async deleteAccount(@Args('password') password: string, @Context() context: GraphQLContext): Promise<boolean> {
    const deleted = await this.changes.deleteAccount(context.viewer, password);
    clearSessionCookie(context.reply, this.config.nodeEnv === 'production');
    return deleted;
  }
}
