import { EmailFrequency, NotificationKind } from '@consulta/shared';
import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional } from 'class-validator';

@InputType('NotificationPreferencesInput')
export class NotificationPreferencesInput {
  @Field(() => EmailFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(EmailFrequency)
  emailFrequency?: EmailFrequency | null;

  @Field(() => [NotificationKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(NotificationKind, { each: true })
  mutedKinds?: NotificationKind[] | null;
}
