import { LIMITS } from '@consulta/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

@InputType('SignUpInput')
export class SignUpInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(LIMITS.user.emailMax, { message: 'Enter a valid email address.' })
  email: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.user.passwordMin, LIMITS.user.passwordMax, {
    message: `Use ${LIMITS.user.passwordMin} to ${LIMITS.user.passwordMax} characters.`,
  })
  password: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.user.displayNameMin, LIMITS.user.displayNameMax, {
    message: `Use ${LIMITS.user.displayNameMin} to ${LIMITS.user.displayNameMax} characters.`,
  })
  displayName: string;
}

@InputType('SignInInput')
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.emailMax, { message: 'Enter a valid email address.' })
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.passwordMax * 4, { message: 'The password is too long.' })
  password: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.passwordMax * 4, { message: 'The password is too long.' })
  currentPassword: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.user.passwordMin, LIMITS.user.passwordMax, {
    message: `Use ${LIMITS.user.passwordMin} to ${LIMITS.user.passwordMax} characters.`,
  })
  newPassword: string;
}
