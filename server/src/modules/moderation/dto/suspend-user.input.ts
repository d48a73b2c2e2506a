import { LIMITS } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsString, Length } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('SuspendUserInput')
export class SuspendUserInput {
  @Field(() => ID)
  @IsString()
  userId: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  until: Date;

  @Field(() => String)
  @IsString()
  @Length(1, LIMITS.moderation.reasonMax, {
    message: fieldMessage('reasonLength', { max: LIMITS.moderation.reasonMax }),
  })
  reason: string;
}
