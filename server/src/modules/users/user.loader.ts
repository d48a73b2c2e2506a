import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
import type { UserEntity } from './user.entity.js';
import type { UsersService } from './users.service.js';

/** People by id, batched per request: the one loader every author, actor and member field shares. */
export function userLoader(context: GraphQLContext, users: UsersService): DataLoader<string, UserEntity | null> {
  return context.loaders.get('user', async (ids: readonly string[]) =>
    byKey(ids, await users.findByIds(ids), (u) => u.id),
  );
}
