import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ResponseStats', { description: 'How well the agency answers ideas that reached the response threshold.' })
export class ResponseStatsObject {
  @Field(() => Int, { description: 'Ideas that reached the threshold (answered or not).' })
  owed: number;

  @Field(() => Int)
  answered: number;

  @Field(() => Int, { description: 'Ideas at or past the threshold still without an answer.' })
  awaiting: number;

  @Field(() => Float, { nullable: true, description: 'Median days from reaching the threshold to the first answer.' })
  medianDaysToAnswer: number | null;
}
