import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { accountVisibility } from './account-visibility.js';
import type { UserEntity } from './user.entity.js';
import { mapUser, UserObject } from './user.object.js';

/**
 * A person as the back office lists them: their public face, and the private fields the viewer's work needs
 * (null otherwise). Never reachable from User, whose fields stay public.
 */
@ObjectType('Account')
export class AccountObject {
  @Field(() => UserObject)
  user: UserObject;

  @Field(() => String, { nullable: true, description: 'ADMIN only (null for moderators).' })
  email: string | null;

  @Field(() => Boolean, { nullable: true, description: 'ADMIN only (null for moderators).' })
  emailVerified: boolean | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The end of a current suspension, or null.' })
  suspendedUntil: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the current suspension, or null.' })
  suspensionReason: string | null;
}

export const AccountConnection = Connection(AccountObject, 'Account');

/** The account as this viewer may see it (the people list is for moderators and admins only). */
export function mapAccount(user: UserEntity, viewer: RequestViewer, now = new Date()): AccountObject {
  const contact = accountVisibility.contact(viewer);
  const suspended = accountVisibility.suspension(viewer) && !!user.suspendedUntil && user.suspendedUntil > now;
  return Object.assign(new AccountObject(), {
    user: mapUser(user),
    email: contact ? user.email : null,
    emailVerified: contact ? user.emailVerified : null,
    suspendedUntil: suspended ? user.suspendedUntil : null,
    suspensionReason: suspended ? user.suspensionReason : null,
  });
}
