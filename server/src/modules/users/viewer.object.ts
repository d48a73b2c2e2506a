import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import type { UserEntity } from './user.entity.js';
import { mapUser, UserObject } from './user.object.js';

@ObjectType('Viewer', { description: 'The signed-in person. Private fields live here, never on User.' })
export class ViewerObject {
  @Field(() => UserObject)
  user: UserObject;

  @Field(() => String)
  email: string;

  @Field(() => Boolean)
  emailVerified: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  suspendedUntil: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the person is suspended, while they are.' })
  suspensionReason: string | null;

  @Field(() => String, { description: "The language of this person's emails and notifications: en or es." })
  language: string;

  uuid: string;
}

export function mapViewer(user: UserEntity): ViewerObject {
  const suspended = user.suspendedUntil && user.suspendedUntil > new Date() ? user.suspendedUntil : null;
  return Object.assign(new ViewerObject(), {
    user: mapUser(user),
    uuid: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    language: user.language,
    suspendedUntil: suspended,
    suspensionReason: suspended ? user.suspensionReason : null,
  });
}
