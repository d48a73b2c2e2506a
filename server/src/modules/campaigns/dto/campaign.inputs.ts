import { LIMITS, SLUG_PATTERN, VotingMode } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

const L = LIMITS.campaign;
const chars = (min: number, max: number) => ({ message: fieldMessage('lengthBetween', { min, max }) });

@InputType('CreateCampaignInput')
export class CreateCampaignInput {
  @Field(() => ID)
  @IsString()
  agencyId: string;

  @Field(() => String)
  @IsString()
  @Length(L.titleMin, L.titleMax, chars(L.titleMin, L.titleMax))
  title: string;

  @Field(() => String)
  @IsString()
  @Length(L.summaryMin, L.summaryMax, chars(L.summaryMin, L.summaryMax))
  summary: string;

  @Field(() => String)
  @IsString()
  @Length(L.bodyMin, L.bodyMax, chars(L.bodyMin, L.bodyMax))
  body: string;

  @Field(() => String, { nullable: true, description: 'Made from the title when not given.' })
  @IsOptional()
  @IsString()
  @Length(L.slugMin, L.slugMax, chars(L.slugMin, L.slugMax))
  @Matches(SLUG_PATTERN, { message: fieldMessage('slugChars') })
  slug?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  opensAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  closesAt?: Date | null;

  @Field(() => VotingMode, { nullable: true, defaultValue: VotingMode.SUPPORT })
  @IsOptional()
  @IsEnum(VotingMode)
  votingMode?: VotingMode | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: fieldMessage('budgetPositive') })
  @Max(L.voteBudgetMax, { message: fieldMessage('numberAtMost', { max: L.voteBudgetMax }) })
  voteBudget?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: fieldMessage('thresholdPositive') })
  @Max(L.responseThresholdMax)
  responseThreshold?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days the agency commits to answer an idea once it reaches responseThreshold; null: no commitment.',
  })
  @IsOptional()
  @IsInt({ message: fieldMessage('wholeDays', { max: L.responseDaysMax }) })
  @Min(0, { message: fieldMessage('wholeDays', { max: L.responseDaysMax }) })
  @Max(L.responseDaysMax, { message: fieldMessage('wholeDays', { max: L.responseDaysMax }) })
  responseDays?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(L.tagsMax, { message: fieldMessage('tagsAtMost', { max: L.tagsMax }) })
  @ArrayUnique({ message: fieldMessage('tagRepeated') })
  @IsString({ each: true })
  @Length(L.tagMin, L.tagMax, { each: true, message: fieldMessage('tagLength', { min: L.tagMin, max: L.tagMax }) })
  tags?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Only people who confirmed their email address may submit ideas and vote.',
  })
  @IsOptional()
  @IsBoolean()
  requireVerifiedEmail?: boolean | null;
}

/** The same fields and rules as creation, all optional; agency, slug and voting mode are fixed once made. */
@InputType('UpdateCampaignInput')
export class UpdateCampaignInput extends PartialType(
  OmitType(CreateCampaignInput, ['agencyId', 'slug', 'votingMode'] as const, InputType),
  InputType,
) {
  @Field(() => ID)
  @IsString()
  id: string;

  /** Unchanged when not given (no default here, unlike creation). */
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  declare requireVerifiedEmail?: boolean | null;
}
