import { Role } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { PublicUser } from './users.repository.js';

/** The public face of a person: never their email or anything private (that lives on Viewer). */
@NodeType('User')
export class UserObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  /** Internal id for nested resolvers; not a GraphQL field. */
  uuid: string;
}

export function mapUser(user: PublicUser): UserObject {
  return Object.assign(new UserObject(), {
    id: toGlobalId('User', user.id),
    uuid: user.id,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt,
  });
}
