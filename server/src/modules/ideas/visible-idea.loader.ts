import { Visibility } from '@consulta/shared';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { TOMBSTONE } from '../../common/graphql/tombstone.js';
import type { IdeaEntity } from './idea.entity.js';
import { mapIdea, type IdeaObject } from './idea.object.js';
import type { IdeasService } from './ideas.service.js';

/** Ideas by id with the viewer's right to see each, batched per request; null for ideas that do not exist. */
export function seenIdeaLoader(context: GraphQLContext, ideas: IdeasService) {
  return context.loaders.get('seenIdea', (ids: readonly string[]) => ideas.seenByIds(context.viewer, ids));
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
