import { IdeaStatus, LIMITS } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('PostOfficialResponseInput')
export class PostOfficialResponseInput {
  @Field(() => ID)
  @IsString()
  ideaId: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.response.bodyMin, LIMITS.response.bodyMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.response.bodyMin, max: LIMITS.response.bodyMax }),
  })
  body: string;

  @Field(() => IdeaStatus)
  @IsEnum(IdeaStatus)
  status: IdeaStatus;

  @Field(() => ID, { nullable: true, description: 'Required when status is DUPLICATE.' })
  @IsOptional()
  @IsString()
  duplicateOfId?: string | null;
}
