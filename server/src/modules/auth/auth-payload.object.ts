import { Field, ObjectType } from '@nestjs/graphql';
import { ViewerObject } from '../users/viewer.object.js';

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`; browsers also get it as a cookie.' })
  token: string;

  @Field(() => ViewerObject)
  viewer: ViewerObject;
}
