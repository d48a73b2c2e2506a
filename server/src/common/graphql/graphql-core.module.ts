import { Global, Module } from '@nestjs/common';
import { NodeResolver } from './node.resolver.js';
import { NodeService } from './node.service.js';

@Global()
@Module({ providers: [NodeService, NodeResolver], exports: [NodeService] })
export class GraphQLCoreModule {}
