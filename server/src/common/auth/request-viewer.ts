import { Role } from '@consulta/shared';

/** Who is asking: nobody, or a signed-in person with a session. Passed from resolvers to services. */
export interface RequestViewer {
  userId: string | null;
  sessionId: string | null;
  role: Role | null;
  /** The client's address, for rate limits and audit. */
  ip: string;
}

export const anonymousViewer = (ip = 'unknown'): RequestViewer => ({
  userId: null,
  sessionId: null,
  role: null,
  ip,
});
