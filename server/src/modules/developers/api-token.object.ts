import { ApiTokenScope } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { ApiTokenRow } from './api-tokens.repository.js';

@NodeType('ApiToken')
export class ApiTokenObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ApiTokenScope)
  scope: ApiTokenScope;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenObject {
  @Field(() => ApiTokenObject)
  apiToken: ApiTokenObject;

  @Field(() => String, { description: 'Shown once; send it as Authorization: Bearer <token>.' })
  token: string;
}

export function mapApiToken(row: ApiTokenRow): ApiTokenObject {
  return Object.assign(new ApiTokenObject(), {
    id: toGlobalId('ApiToken', row.id),
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  });
}
