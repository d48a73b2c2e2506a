import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestViewer } from '../auth/request-viewer.js';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  viewer: RequestViewer;
}
