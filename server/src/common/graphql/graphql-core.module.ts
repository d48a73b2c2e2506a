import { Global, Module } from '@nestjs/common';
import { NodeResolver } from './node.resolver.js';
import { NodeService } from './node.service.js';
import { SchemaController } from './schema.controller.js';

@Global()
@Module({ providers: [NodeService, NodeResolver], controllers: [SchemaController], exports: [NodeService] })
export class GraphQLCoreModule {}
