import { IdeaStatus, Visibility } from '@consulta/shared';
import { Field, Float, GraphQLISODateTime, ID, Int } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { IdeaEntity } from './idea.entity.js';

@NodeType('Idea')
export class IdeaObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Markdown, as written.' })
  body: string;

  @Field(() => String, { description: 'The body rendered to sanitized HTML.' })
  bodyHtml: string;

  @Field(() => String, { nullable: true })
  tag: string | null;

  @Field(() => IdeaStatus)
  status: IdeaStatus;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it is hidden; null while visible. Only its author, moderators and officials ever see a hidden idea.',
  })
  hiddenReason: string | null;

  @Field(() => Int)
  upvotes: number;

  @Field(() => Int)
  downvotes: number;

  @Field(() => Int, { description: 'upvotes - downvotes' })
  score: number;

  @Field(() => Int)
  commentCount: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Support across groups of voters who usually disagree, from the campaign’s up and down votes; null until there are enough votes, and always null in SUPPORT campaigns.',
  })
  commonGround: number | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  uuid: string;
  campaignId: string;
  authorId: string | null;
  duplicateOfId: string | null;
  thresholdReachedAt: Date | null;
  respondedAt: Date | null;
}

export const IdeaConnection = Connection(IdeaObject, 'Idea');

export function mapIdea(idea: IdeaEntity): IdeaObject {
  return Object.assign(new IdeaObject(), {
    id: toGlobalId('Idea', idea.id),
    uuid: idea.id,
    campaignId: idea.campaignId,
    authorId: idea.authorId,
    title: idea.title,
    body: idea.body,
    bodyHtml: idea.bodyHtml,
    tag: idea.tag,
    status: idea.status,
    visibility: idea.visibility,
    hiddenReason: idea.hiddenReason,
    upvotes: idea.upvotes,
    downvotes: idea.downvotes,
    score: idea.score,
    commentCount: idea.commentCount,
    commonGround: idea.commonGround,
    duplicateOfId: idea.duplicateOfId,
    thresholdReachedAt: idea.thresholdReachedAt,
    respondedAt: idea.respondedAt,
    createdAt: idea.createdAt,
    updatedAt: idea.updatedAt,
  });
}
