import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { groupByKey } from '../../common/graphql/loaders.js';
import { userLoader } from '../users/user.loader.js';
import { agencyLoader } from './agency.loader.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { AgencyMembershipEntity } from './agency-membership.entity.js';
import type { AgencyEntity } from './agency.entity.js';
import { AgenciesService } from './agencies.service.js';

/** The per-request batch loaders for agencies, their members and the people in them. */
@Injectable()
export class AgencyLoaders {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
  ) {}

  agency(context: GraphQLContext): DataLoader<string, AgencyEntity | null> {
    return agencyLoader(context, this.agencies);
  }

  user(context: GraphQLContext): DataLoader<string, UserEntity | null> {
    return userLoader(context, this.users);
  }

  membersOfAgency(context: GraphQLContext): DataLoader<string, AgencyMembershipEntity[]> {
    return context.loaders.get('membersOfAgency', async (ids: readonly string[]) =>
      groupByKey(ids, await this.agencies.membershipsOfAgencies(ids), (m) => m.agencyId),
    );
  }

  membershipsOfUser(context: GraphQLContext): DataLoader<string, AgencyMembershipEntity[]> {
    return context.loaders.get('membershipsOfUser', async (ids: readonly string[]) =>
      groupByKey(ids, await this.agencies.membershipsOfUsers(ids), (m) => m.userId),
    );
  }
}
