import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ResponseStats', { description: 'How well the agency answers ideas that reached the response threshold.' })
export class ResponseStatsObject {
  @Field(() => Int, { description: 'Ideas that reached the threshold (answered or not).' })
  owed: number;

  @Field(() => Int)
  answered: number;

  @Field(() => Int, { description: 'Ideas at or past the threshold still without an answer.' })
  awaiting: number;

  @Field(() => Int, {
    description: "Answered within the campaign's responseDays (every answer when it made no commitment).",
  })
  answeredInTime: number;

  @Field(() => Int, { description: 'Answered after the due time.' })
  answeredLate: number;

  @Field(() => Int, { description: 'Still waiting past the due time (see Campaign.ideasOverdue).' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: 'Median days from reaching the threshold to the first answer.' })
  medianDaysToAnswer: number | null;
}
