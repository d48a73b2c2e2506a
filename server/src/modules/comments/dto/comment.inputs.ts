import { LIMITS } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('AddCommentInput')
export class AddCommentInput {
  @Field(() => ID)
  @IsString()
  ideaId: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.comment.bodyMin, LIMITS.comment.bodyMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.comment.bodyMin, max: LIMITS.comment.bodyMax }),
  })
  body: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parentId?: string | null;
}
