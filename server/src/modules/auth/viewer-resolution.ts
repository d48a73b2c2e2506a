import type { FastifyRequest } from 'fastify';
import { anonymousViewer, type RequestViewer, type ViewerResolver } from '../../common/auth/request-viewer.js';
import { tokenFromRequest } from './session-cookie.js';
import type { SessionsService } from './sessions.service.js';

/**
 * Who is asking: the person of the request's live session, or an anonymous viewer. `fresh` reads the session
 * from the database even when this process looked it up a moment ago (mutations are decided on it).
 */
export function viewerResolver(sessions: SessionsService): ViewerResolver {
  return async (request: FastifyRequest, fresh = false): Promise<RequestViewer> => {
    const userAgent = request.headers['user-agent'] ?? null;
    const session = await sessions.resolve(tokenFromRequest(request), { fresh });
    if (!session) return anonymousViewer(request.ip, userAgent);
    return { ...session, ip: request.ip, userAgent };
  };
}
