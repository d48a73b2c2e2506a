import type { FastifyRequest } from 'fastify';
import { anonymousViewer, type RequestViewer, type ViewerResolver } from '../../common/auth/request-viewer.js';
import { API_TOKEN_PREFIX, type ApiTokensService } from '../developers/api-tokens.service.js';
import { tokenFromRequest } from './session-cookie.js';
import type { SessionsService } from './sessions.service.js';

/**
 * Who is asking: the person of the request's live session or personal API token, or an anonymous viewer.
 * `fresh` reads the session from the database even when this process looked it up a moment ago (mutations
 * are decided on it); API tokens are read from the database on every request.
 */
export function viewerResolver(sessions: SessionsService, apiTokens: ApiTokensService): ViewerResolver {
  return async (request: FastifyRequest, fresh = false): Promise<RequestViewer> => {
    const userAgent = request.headers['user-agent'] ?? null;
    const token = tokenFromRequest(request);
    if (token?.startsWith(API_TOKEN_PREFIX)) {
      const identity = await apiTokens.resolve(token);
      if (!identity) return anonymousViewer(request.ip, userAgent);
      return {
        userId: identity.userId,
        sessionId: null,
        role: identity.role,
        suspendedUntil: identity.suspendedUntil,
        ip: request.ip,
        userAgent,
        apiToken: { id: identity.tokenId, scope: identity.scope },
      };
    }
    const session = await sessions.resolve(token, { fresh });
    if (!session) return anonymousViewer(request.ip, userAgent);
    return { ...session, ip: request.ip, userAgent };
  };
}
