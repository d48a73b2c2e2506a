import { IdeaStatus, LIMITS } from '@consulta/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';

@InputType('PostOfficialResponseInput')
export class PostOfficialResponseInput {
  @Field(() => ID)
  @IsString()
  ideaId: string;

  @Field(() => String)
  @IsString()
  @Length(LIMITS.response.bodyMin, LIMITS.response.bodyMax, {
    message: `Use ${LIMITS.response.bodyMin} to ${LIMITS.response.bodyMax} characters.`,
  })
  body: string;

  @Field(() => IdeaStatus)
  @IsEnum(IdeaStatus)
  status: IdeaStatus;

  @Field(() => ID, { nullable: true, description: 'Required when status is DUPLICATE.' })
  @IsOptional()
  @IsString()
  duplicateOfId?: string | null;
}
