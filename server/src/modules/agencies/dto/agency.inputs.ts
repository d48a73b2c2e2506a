import { AgencyRole, LIMITS, SLUG_PATTERN } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType('CreateAgencyInput')
export class CreateAgencyInput {
  @Field(() => String)
  @IsString()
  @Length(LIMITS.agency.nameMin, LIMITS.agency.nameMax, {
    message: `Use ${LIMITS.agency.nameMin} to ${LIMITS.agency.nameMax} characters.`,
  })
  name: string;

  @Field(() => String, { nullable: true, description: 'Made from the name when not given.' })
  @IsOptional()
  @IsString()
  @Length(LIMITS.agency.slugMin, LIMITS.agency.slugMax, {
    message: `Use ${LIMITS.agency.slugMin} to ${LIMITS.agency.slugMax} characters.`,
  })
  @Matches(SLUG_PATTERN, { message: 'Use lowercase letters, digits and single hyphens.' })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.agency.descriptionMax, { message: `Use at most ${LIMITS.agency.descriptionMax} characters.` })
  description?: string | null;
}

@InputType('AddAgencyMemberInput')
export class AddAgencyMemberInput {
  @Field(() => ID)
  @IsString()
  agencyId: string;

  @Field(() => String)
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(LIMITS.user.emailMax)
  email: string;

  @Field(() => AgencyRole)
  @IsEnum(AgencyRole)
  role: AgencyRole;
}
