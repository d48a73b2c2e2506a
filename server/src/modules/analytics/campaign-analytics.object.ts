import { IdeaStatus } from '@consulta/shared';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ActivityDay')
export class ActivityDayObject {
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD) in UTC.' })
  date: string;

  @Field(() => Int)
  ideas: number;

  @Field(() => Int)
  votes: number;

  @Field(() => Int)
  comments: number;

  @Field(() => Int, { description: 'Distinct people who submitted, voted or commented that day.' })
  participants: number;
}

@ObjectType('TagActivity')
export class TagActivityObject {
  @Field(() => String)
  tag: string;

  @Field(() => Int)
  ideas: number;

  @Field(() => Int)
  votes: number;
}

@ObjectType('StatusCount')
export class StatusCountObject {
  @Field(() => IdeaStatus)
  status: IdeaStatus;

  @Field(() => Int)
  ideas: number;
}

@ObjectType('CampaignAnalytics')
export class CampaignAnalyticsObject {
  @Field(() => [ActivityDayObject], {
    description: "One entry per day from the campaign's opening to its close (or today).",
  })
  days: ActivityDayObject[];

  @Field(() => [TagActivityObject], {
    description: "Each of the campaign's tags, with its listed ideas and their votes.",
  })
  tags: TagActivityObject[];

  @Field(() => [StatusCountObject], { description: 'Listed ideas per status (withdrawn ones are not listed).' })
  statuses: StatusCountObject[];

  @Field(() => Int, {
    description: 'Ideas that reached responseThreshold, answered within responseDays, answered late, still waiting.',
  })
  owed: number;

  @Field(() => Int)
  answeredInTime: number;

  @Field(() => Int)
  answeredLate: number;

  @Field(() => Int)
  waiting: number;
}
