import { Field, GraphQLISODateTime, ID } from '@nestjs/graphql';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import type { AgencyEntity } from './agency.entity.js';

@NodeType('Agency')
export class AgencyObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  slug: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  uuid: string;
}

export function mapAgency(agency: AgencyEntity): AgencyObject {
  return Object.assign(new AgencyObject(), {
    id: toGlobalId('Agency', agency.id),
    uuid: agency.id,
    name: agency.name,
    slug: agency.slug,
    description: agency.description,
    createdAt: agency.createdAt,
  });
}
