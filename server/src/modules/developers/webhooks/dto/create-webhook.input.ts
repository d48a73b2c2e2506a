import { LIMITS, WebhookEvent } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { fieldMessage } from '../../../../common/errors/field-message.js';

@InputType('CreateWebhookInput')
export class CreateWebhookInput {
  @Field(() => String, { description: 'https URL (http only where the server allows private networks).' })
  @IsString()
  @Length(1, LIMITS.webhook.urlMax, { message: fieldMessage('lengthBetween', { min: 1, max: LIMITS.webhook.urlMax }) })
  url: string;

  @Field(() => [WebhookEvent])
  @IsEnum(WebhookEvent, { each: true })
  @ArrayMaxSize(Object.keys(WebhookEvent).length * 2)
  events: WebhookEvent[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  campaignId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  agencyId?: string | null;
}
