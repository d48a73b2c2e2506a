import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { idOfType } from '../../common/graphql/global-id.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { NodeService } from '../../common/graphql/node.service.js';
import { ViewerObject } from '../users/viewer.object.js';
import { ApiTokenObject, CreatedApiTokenObject, mapApiToken } from './api-token.object.js';
import { ApiTokensService } from './api-tokens.service.js';
import { CreateApiTokenInput } from './dto/create-api-token.input.js';

@Resolver(() => ApiTokenObject)
export class ApiTokensResolver implements OnModuleInit {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly nodes: NodeService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('ApiToken', async (id, viewer) => {
      const row = await this.tokens.findOwn(viewer, id);
      return row ? mapApiToken(row) : null;
    });
  }

  @Mutation(() => CreatedApiTokenObject, {
    description: 'Needs a session (FORBIDDEN with a token). The token is in the answer once and never again.',
  })
  async createApiToken(
    @Args('input') input: CreateApiTokenInput,
    @Context() { viewer }: GraphQLContext,
  ): Promise<CreatedApiTokenObject> {
    const { row, token } = await this.tokens.create(viewer, input);
    return Object.assign(new CreatedApiTokenObject(), { apiToken: mapApiToken(row), token });
  }

  @Mutation(() => ApiTokenObject, { description: 'Needs a session. The token stops working at once.' })
  async revokeApiToken(
    @Args('id', { type: () => ID }) id: string,
    @Context() { viewer }: GraphQLContext,
  ): Promise<ApiTokenObject> {
    return mapApiToken(await this.tokens.revoke(viewer, idOfType(id, 'ApiToken')));
  }
}

@Resolver(() => ViewerObject)
export class ViewerApiTokensResolver {
  constructor(private readonly tokens: ApiTokensService) {}

  @ResolveField(() => [ApiTokenObject], { description: 'Newest first; revoked ones are gone.' })
  async apiTokens(@Context() { viewer }: GraphQLContext): Promise<ApiTokenObject[]> {
    return (await this.tokens.list(viewer)).map(mapApiToken);
  }
}
