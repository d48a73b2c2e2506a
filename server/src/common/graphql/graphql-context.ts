import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestViewer } from '../auth/request-viewer.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  viewer: RequestViewer;
  loaders: Loaders;
  /** Set for subscriptions: the live connection (modules/live), whose viewer is kept current. */
  live?: { readonly id: string; viewer: RequestViewer };
}
