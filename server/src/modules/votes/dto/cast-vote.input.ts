import { ID, InputType, Int, Field } from '@nestjs/graphql';
import { IsInt, IsString } from 'class-validator';

@InputType('CastVoteInput')
export class CastVoteInput {
  @Field(() => ID)
  @IsString()
  ideaId: string;

  @Field(() => Int, { description: '1 or -1 (-1 only where the campaign’s votingMode is UP_DOWN).' })
  @IsInt()
  value: number;
}
