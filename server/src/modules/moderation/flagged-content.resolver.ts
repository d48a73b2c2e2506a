import { FlagStatus } from '@consulta/shared';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { mapConnection } from '../../common/graphql/connection.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { CommentsService } from '../comments/comments.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { ContentModerationService } from './content-moderation.service.js';
import { DecideOnFlaggedContentInput } from './dto/flag.inputs.js';
import { FlaggableContent, FlagObject, mapFlag } from './flag.object.js';
import { FlaggedContentConnection, FlaggedContentObject, mapFlaggedContent } from './flagged-content.object.js';
import { ModerationQueueService } from './moderation-queue.service.js';
import { flagsOfContentLoader } from './moderation.loaders.js';
import { presentContent } from './present-content.js';

/** The review queue grouped by content: one card per idea or comment, one decision for all its flags. */
@Resolver(() => FlaggedContentObject)
export class FlaggedContentResolver {
  constructor(
    private readonly queue: ModerationQueueService,
    private readonly decisions: ContentModerationService,
    readonly ideas: IdeasService,
    readonly comments: CommentsService,
  ) {}

  @Query(() => FlaggedContentConnection, {
    description:
      'The review queue by content, flagged longest ago first: moderators and admins see all, officials their agencies’.',
  })
  async flaggedContent(
    @Context() { viewer }: GraphQLContext,
    @Args('status', { type: () => FlagStatus, nullable: true, defaultValue: FlagStatus.OPEN }) status: FlagStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const wanted = status ?? FlagStatus.OPEN;
    const page = await this.queue.listByContent(viewer, wanted, { first, after });
    return mapConnection(page, (row) => mapFlaggedContent(row, wanted));
  }

  @Mutation(() => FlaggableContent, {
    description: 'MODERATOR, ADMIN, or an official of the content’s agency: one decision for all its flags.',
  })
  async decideOnFlaggedContent(@Args('input') input: DecideOnFlaggedContentInput, @Context() context: GraphQLContext) {
    const target = await this.decisions.decideOnFlags(context.viewer, input.targetId, input.decision, input.reason);
    return presentContent(context, this, target, true);
  }

  @ResolveField(() => FlaggableContent)
  target(@Parent() card: FlaggedContentObject, @Context() context: GraphQLContext) {
    return presentContent(context, this, { type: card.targetType, id: card.uuid }, true);
  }

  @ResolveField(() => [FlagObject], {
    description: 'The first of its flags in the status asked for, oldest first (flagCount says how many in all).',
  })
  async flags(
    @Parent() card: FlaggedContentObject,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ): Promise<FlagObject[]> {
    const loader = flagsOfContentLoader(context, this.queue, card.status, first);
    return (await loader.load(card.uuid)).map((row) => mapFlag(row, true));
  }
}
