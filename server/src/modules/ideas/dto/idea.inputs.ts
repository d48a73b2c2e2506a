import { LIMITS } from '@consulta/shared';
import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

const L = LIMITS.idea;

@InputType('SubmitIdeaInput')
export class SubmitIdeaInput {
  @Field(() => ID)
  @IsString()
  campaignId: string;

  @Field(() => String)
  @IsString()
  @Length(L.titleMin, L.titleMax, { message: fieldMessage('lengthBetween', { min: L.titleMin, max: L.titleMax }) })
  title: string;

  @Field(() => String)
  @IsString()
  @Length(L.bodyMin, L.bodyMax, { message: fieldMessage('lengthBetween', { min: L.bodyMin, max: L.bodyMax }) })
  body: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  tag?: string | null;
}

/** The same fields and rules as submission, all optional. */
@InputType('UpdateIdeaInput')
export class UpdateIdeaInput extends PartialType(
  OmitType(SubmitIdeaInput, ['campaignId'] as const, InputType),
  InputType,
) {
  @Field(() => ID)
  @IsString()
  id: string;
}
