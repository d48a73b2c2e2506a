import { AgencyRole, LIMITS, SLUG_PATTERN } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('CreateAgencyInput')
export class CreateAgencyInput {
  @Field(() => String)
  @IsString()
  @Length(LIMITS.agency.nameMin, LIMITS.agency.nameMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.agency.nameMin, max: LIMITS.agency.nameMax }),
  })
  name: string;

  @Field(() => String, { nullable: true, description: 'Made from the name when not given.' })
  @IsOptional()
  @IsString()
  @Length(LIMITS.agency.slugMin, LIMITS.agency.slugMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.agency.slugMin, max: LIMITS.agency.slugMax }),
  })
  @Matches(SLUG_PATTERN, { message: fieldMessage('slugChars') })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.agency.descriptionMax, {
    message: fieldMessage('lengthAtMost', { max: LIMITS.agency.descriptionMax }),
  })
  description?: string | null;
}

@InputType('AddAgencyMemberInput')
export class AddAgencyMemberInput {
  @Field(() => ID)
  @IsString()
  agencyId: string;

  @Field(() => String)
  @IsEmail({}, { message: fieldMessage('email') })
  @MaxLength(LIMITS.user.emailMax)
  email: string;

  @Field(() => AgencyRole)
  @IsEnum(AgencyRole)
  role: AgencyRole;
}

@InputType('UpdateAgencyInput')
export class UpdateAgencyInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(LIMITS.agency.nameMin, LIMITS.agency.nameMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.agency.nameMin, max: LIMITS.agency.nameMax }),
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty to remove it.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.agency.descriptionMax, {
    message: fieldMessage('lengthAtMost', { max: LIMITS.agency.descriptionMax }),
  })
  description?: string | null;
}
