import type { FastifyRequest } from 'fastify';
import { Role, type ApiTokenScope } from '@consulta/shared';

/** Who is asking: nobody, or a signed-in person with a session. Passed from resolvers to services. */
/** Finds who is asking from a request (the auth module's answer); `fresh` skips this process's session cache. */
export type ViewerResolver = (request: FastifyRequest, fresh?: boolean) => Promise<RequestViewer>;

export interface RequestViewer {
  userId: string | null;
  sessionId: string | null;
  role: Role | null;
  suspendedUntil: Date | null;
  /** The client's address, for rate limits and audit. */
  ip: string;
  userAgent: string | null;
  /** True when the session was this process's recent lookup, not read from the database for this request. */
  fromCache?: true;
  /** Set when the request came with a personal API token instead of a session (`sessionId` is then null). */
  apiToken?: { id: string; scope: ApiTokenScope };
  /** Set when the person wrote a moment ago: their lag-tolerant reads go to the primary too (read-your-writes). */
  readsFromPrimary?: true;
  /** True only for the command line and demo data, which act with an admin's rights and no person. */
  system?: true;
  /** A demo person whose past the demo data writes: history, so no anti-spam allowance applies. */
  loadingHistory?: true;
}

export const anonymousViewer = (ip = 'unknown', userAgent: string | null = null): RequestViewer => ({
  userId: null,
  sessionId: null,
  role: null,
  suspendedUntil: null,
  ip,
  userAgent,
});

/** The identity entry points without a person use (the admin command line, demo data). */
export const systemViewer = (): RequestViewer => ({
  userId: null,
  sessionId: null,
  role: Role.ADMIN,
  suspendedUntil: null,
  ip: 'system',
  userAgent: null,
  system: true,
});
