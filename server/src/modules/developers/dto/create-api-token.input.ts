import { ApiTokenScope, LIMITS } from '@consulta/shared';
import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => String, { description: 'A name to recognise the token by, such as the app that uses it.' })
  @IsString()
  @Length(1, LIMITS.apiToken.nameMax, {
    message: fieldMessage('lengthBetween', { min: 1, max: LIMITS.apiToken.nameMax }),
  })
  name: string;

  @Field(() => ApiTokenScope)
  @IsEnum(ApiTokenScope)
  scope: ApiTokenScope;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stops working; null: until revoked.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}
