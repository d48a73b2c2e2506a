import { Visibility } from '@consulta/shared';
import type DataLoader from 'dataloader';
import { mapConnection, type ConnectionShape } from '../../common/graphql/connection.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
import { withKnownFields } from '../../common/graphql/known-fields.js';
import { TOMBSTONE } from '../../common/graphql/tombstone.js';
import { mapUser } from '../users/user.object.js';
import { userLoader } from '../users/users.loaders.js';
import type { UsersService } from '../users/users.service.js';
import type { IdeaEntity } from './idea.entity.js';
import type { IdeaQueriesService } from './idea-queries.service.js';
import type { ListedIdea } from './listed-idea.js';
import { mapIdea, type IdeaObject } from './idea.object.js';
import type { IdeasService } from './ideas.service.js';

/** Ideas by id, batched per request (no visibility check: for ideas already known to be visible). */
export function ideaLoader(context: GraphQLContext, ideas: IdeasService): DataLoader<string, IdeaEntity | null> {
  return context.loaders.get('idea', async (ids: readonly string[]) =>
    byKey(ids, await ideas.findByIds(ids), (i) => i.id),
  );
}

/** Ideas by id with the viewer's right to see each, batched per request; null for ideas that do not exist. */
export function seenIdeaLoader(context: GraphQLContext, ideas: IdeasService) {
  return context.loaders.get('seenIdea', (ids: readonly string[]) => ideas.seenByIds(context.viewer, ids));
}

/**
 * The viewer's vote on each idea (null: none, or signed out), batched per request. Filled by this batch, or
 * primed by a campaign's idea list, which reads it in the page's statement (presentListed).
 */
export function viewerVoteLoader(
  context: GraphQLContext,
  queries: IdeaQueriesService,
): DataLoader<string, number | null> {
  return context.loaders.get('viewerVote', async (ids: readonly string[]) => {
    const userId = context.viewer.userId;
    if (!userId) return ids.map(() => null);
    const values = await queries.viewerVotes(userId, ids);
    return ids.map((id) => values.get(id) ?? null);
  });
}

/**
 * A campaign's list came with each idea's author and the viewer's vote (one statement): each idea carries
 * them as known fields, so `author` and `viewerVote` answer without their resolvers, and they fill the
 * per-request user and viewer-vote loaders for anything else that asks.
 */
export function presentListed(
  context: GraphQLContext,
  queries: IdeaQueriesService,
  users: UsersService,
  page: ConnectionShape<ListedIdea>,
): ConnectionShape<IdeaObject> {
  const votes = viewerVoteLoader(context, queries);
  const authors = userLoader(context, users);
  const signedIn = !!context.viewer.userId;
  return mapConnection(page, ({ idea, author, viewerVote }) => {
    votes.prime(idea.id, viewerVote);
    if (author) authors.prime(author.id, author);
    // What the resolvers would give: an author known to be gone (no id) or read with the page; the vote read
    // for the signed-in viewer.
    const known: Record<string, unknown> = { viewerVote: signedIn ? viewerVote : null };
    if (author || !idea.authorId) known.author = author ? mapUser(author) : null;
    return withKnownFields(mapIdea(idea), known);
  });
}

/**
 * What is shown of an idea the viewer may not see, where a field must name one (a comment's idea, a flag's
 * target, an answer's idea, a vote taken back): its place, never its words, its author or why it is hidden.
 */
export function ideaTombstone(idea: IdeaEntity): IdeaEntity {
  return {
    ...idea,
    authorId: null,
    title: TOMBSTONE.body,
    body: TOMBSTONE.body,
    bodyHtml: TOMBSTONE.bodyHtml,
    tag: null,
    visibility: Visibility.HIDDEN,
    hiddenReason: null,
    duplicateOfId: null,
  };
}

/** The idea as the viewer may see it: whole, or its tombstone; null when it does not exist. */
export async function presentIdea(
  context: GraphQLContext,
  ideas: IdeasService,
  id: string,
): Promise<IdeaObject | null> {
  const seen = await seenIdeaLoader(context, ideas).load(id);
  if (!seen) return null;
  return mapIdea(seen.visible ? seen.idea : ideaTombstone(seen.idea));
}
