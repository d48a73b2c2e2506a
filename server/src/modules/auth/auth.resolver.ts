import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { mapViewer } from '../users/viewer.object.js';
import { AuthPayloadObject } from './auth-payload.object.js';
import { AuthService, type SignedIn } from './auth.service.js';
import { ChangePasswordInput, ResetPasswordInput, SignInInput, SignUpInput } from './dto/auth.inputs.js';
import { PasswordResetService } from './password-reset.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get secureCookies(): boolean {
    return this.config.nodeEnv === 'production';
  }

  private payload(context: GraphQLContext, { token, user }: SignedIn): AuthPayloadObject {
    setSessionCookie(context.reply, token, this.sessions.absoluteSeconds, this.secureCookies);
    return Object.assign(new AuthPayloadObject(), { token, viewer: mapViewer(user) });
  }

  @Mutation(() => AuthPayloadObject)
  async signUp(@Args('input') input: SignUpInput, @Context() context: GraphQLContext): Promise<AuthPayloadObject> {
    return this.payload(context, await this.auth.signUp(context.viewer, input));
  }

  @Mutation(() => AuthPayloadObject)
  async signIn(@Args('input') input: SignInInput, @Context() context: GraphQLContext): Promise<AuthPayloadObject> {
    return this.payload(context, await this.auth.signIn(context.viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. False when there was none.' })
  async signOut(@Context() context: GraphQLContext): Promise<boolean> {
    clearSessionCookie(context.reply, this.secureCookies);
    return this.auth.signOut(context.viewer);
  }

  @Mutation(() => Boolean, {
    description:
      'Emails a reset link when an account has this address; true either way, so it tells nobody whether the address has an account.',
  })
  requestPasswordReset(@Args('email') email: string, @Context() context: GraphQLContext): Promise<boolean> {
    return this.resets.request(context.viewer, email);
  }

  @Mutation(() => AuthPayloadObject, {
    description:
      'Sets a new password with the token from the emailed link, ends every session of the person and signs this client in. The token works once.',
  })
  async resetPassword(
    @Args('input') input: ResetPasswordInput,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayloadObject> {
    return this.payload(context, await this.resets.reset(context.viewer, input));
  }

  @Mutation(() => AuthPayloadObject, {
    description: 'Ends every session of the signed-in person and returns a new one for this client.',
  })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayloadObject> {
    return this.payload(
      context,
      await this.auth.changePassword(context.viewer, input.currentPassword, input.newPassword),
    );
  }
}
