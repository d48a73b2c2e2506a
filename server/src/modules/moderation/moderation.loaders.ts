import type { FlagStatus } from '@consulta/shared';
import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { groupByKey } from '../../common/graphql/loaders.js';
import type { FlagRow } from './flag.object.js';
import type { ModerationQueueService } from './moderation-queue.service.js';

/** The first `first` flags in `status` of each piece of content, batched per request (the queue's cards). */
export function flagsOfContentLoader(
  context: GraphQLContext,
  queue: ModerationQueueService,
  status: FlagStatus,
  first: number,
): DataLoader<string, FlagRow[]> {
  return context.loaders.get(`flagsOf:${status}:${first}`, async (ids: readonly string[]) =>
    groupByKey(ids, await queue.flagsOf(ids, status, first), (flag) => flag.target_id),
  );
}
