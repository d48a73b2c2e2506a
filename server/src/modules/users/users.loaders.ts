import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
import type { PublicUser } from './users.repository.js';
import type { UsersService } from './users.service.js';

/**
 * People by id, batched per request: the one loader every author, actor and member field shares. Filled by
 * this batch, or primed by the idea lists that read the author with the idea (ideas.loaders.ts).
 */
export function userLoader(context: GraphQLContext, users: UsersService): DataLoader<string, PublicUser | null> {
  return context.loaders.get('user', async (ids: readonly string[]) =>
    byKey(ids, await users.findPublicByIds(ids), (u) => u.id),
  );
}
