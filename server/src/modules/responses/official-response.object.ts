import { IdeaStatus } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';

export interface OfficialResponseRow {
  id: string;
  idea_id: string;
  agency_id: string;
  author_id: string;
  body: string;
  body_html: string;
  status: IdeaStatus;
  created_at: Date;
}

@NodeType('OfficialResponse')
export class OfficialResponseObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  body: string;

  @Field(() => String)
  bodyHtml: string;

  @Field(() => IdeaStatus, { description: "The idea's status set by this response." })
  status: IdeaStatus;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  ideaId: string;
  agencyId: string;
  authorId: string;
}

export function mapResponse(row: OfficialResponseRow): OfficialResponseObject {
  return Object.assign(new OfficialResponseObject(), {
    id: toGlobalId('OfficialResponse', row.id),
    ideaId: row.idea_id,
    agencyId: row.agency_id,
    authorId: row.author_id,
    body: row.body,
    bodyHtml: row.body_html,
    status: row.status,
    createdAt: row.created_at,
  });
}
