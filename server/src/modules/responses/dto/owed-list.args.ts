import { IdeaStatus } from '@consulta/shared';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString } from 'class-validator';

/** The owed lists' paging, and what officials narrow them by (all optional). */
@ArgsType()
export class OwedListArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only ideas with this tag.' })
  @IsOptional()
  @IsString()
  tag?: string | null;

  @Field(() => IdeaStatus, { nullable: true, description: 'Only ideas with this status.' })
  @IsOptional()
  @IsEnum(IdeaStatus)
  status?: IdeaStatus | null;

  @Field(() => String, { nullable: true, description: 'Only ideas matching these words (full-text search).' })
  @IsOptional()
  @IsString()
  search?: string | null;
}
