import { FlagDecision, FlagReason, FlagResolution } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';

@InputType('FlagContentInput')
export class FlagContentInput {
  @Field(() => ID)
  @IsString()
  targetId: string;

  @Field(() => FlagReason)
  @IsEnum(FlagReason)
  reason: FlagReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  note?: string | null;
}

@InputType('ResolveFlagInput')
export class ResolveFlagInput {
  @Field(() => ID)
  @IsString()
  flagId: string;

  @Field(() => FlagResolution)
  @IsEnum(FlagResolution)
  resolution: FlagResolution;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  reason?: string | null;
}

@InputType('DecideOnFlaggedContentInput')
export class DecideOnFlaggedContentInput {
  @Field(() => ID, { description: 'The idea or comment.' })
  @IsString()
  targetId: string;

  @Field(() => FlagDecision)
  @IsEnum(FlagDecision)
  decision: FlagDecision;

  @Field(() => String, { description: 'Why: required, and kept in the audit log.' })
  @IsString()
  reason: string;
}
