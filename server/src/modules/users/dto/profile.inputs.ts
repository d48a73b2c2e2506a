import { LIMITS } from '@consulta/shared';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { fieldMessage } from '../../../common/errors/field-message.js';

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  /** Counted in graphemes by the shared rule; bounded here in code units. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.user.displayNameMax * 8, {
    message: fieldMessage('lengthBetween', { min: LIMITS.user.displayNameMin, max: LIMITS.user.displayNameMax }),
  })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'en or es.' })
  @IsOptional()
  @IsString()
  @MaxLength(8, { message: fieldMessage('language') })
  language?: string | null;
}
