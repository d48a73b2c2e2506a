import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from './graphql-context.js';
import { Node } from './node.js';
import { NodeService } from './node.service.js';

@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly nodes: NodeService) {}

  @Query(() => Node, { nullable: true, description: 'Any object by its global ID, or null if it is not visible.' })
  node(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<object | null> {
    return this.nodes.resolve(id, context.viewer);
  }
}
