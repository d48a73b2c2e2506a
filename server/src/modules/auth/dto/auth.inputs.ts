import { LIMITS } from '@consulta/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('SignUpInput')
export class SignUpInput {
  @Field(() => String)
  @IsEmail({}, { message: fieldMessage('email') })
  @MaxLength(LIMITS.user.emailMax, { message: fieldMessage('email') })
  email: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.user.passwordMin, LIMITS.user.passwordMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.user.passwordMin, max: LIMITS.user.passwordMax }),
  })
  password: string;

  /** Counted in characters as readers see them (graphemes) by the shared rule; bounded here in code units. */
  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.displayNameMax * 8, {
    message: fieldMessage('lengthBetween', { min: LIMITS.user.displayNameMin, max: LIMITS.user.displayNameMax }),
  })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'en (default) or es.' })
  @IsOptional()
  @IsString()
  @MaxLength(8, { message: fieldMessage('language') })
  language?: string | null;
}

@InputType('SignInInput')
export class SignInInput {
  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.emailMax, { message: fieldMessage('email') })
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.passwordMax * 4, { message: fieldMessage('passwordTooLong') })
  password: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(LIMITS.user.passwordMax * 4, { message: fieldMessage('passwordTooLong') })
  currentPassword: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.user.passwordMin, LIMITS.user.passwordMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.user.passwordMin, max: LIMITS.user.passwordMax }),
  })
  newPassword: string;
}

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String)
  @IsString()
  @MaxLength(100, { message: fieldMessage('linkInvalid') })
  token: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.user.passwordMin, LIMITS.user.passwordMax, {
    message: fieldMessage('lengthBetween', { min: LIMITS.user.passwordMin, max: LIMITS.user.passwordMax }),
  })
  newPassword: string;
}

@InputType('ChangeEmailInput')
export class ChangeEmailInput {
  @Field(() => String)
  @IsEmail({}, { message: fieldMessage('email') })
  @MaxLength(LIMITS.user.emailMax, { message: fieldMessage('email') })
  newEmail: string;

  @Field(() => String, { description: 'The current password, so that a session left open cannot change it.' })
  @IsString()
  @MaxLength(LIMITS.user.passwordMax * 4, { message: fieldMessage('passwordTooLong') })
  password: string;
}
