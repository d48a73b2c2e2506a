/**
 * Which request an error happened in, for the error's log line and the requestId clients see. Errors are
 * tagged where the request is known (the GraphQL context and a plugin hook) instead of carrying the request
 * through every async call with AsyncLocalStorage, whose promise hooks cost about a tenth of the server's
 * CPU on Node 20.
 */
const requestIds = new WeakMap<object, string>();

export function tagWithRequest(error: unknown, requestId: string): void {
  if (error !== null && typeof error === 'object' && !requestIds.has(error)) requestIds.set(error, requestId);
}

/** The request id of the first of these errors that has one. */
export function requestIdOf(...errors: unknown[]): string | undefined {
  for (const error of errors) {
    const id = error !== null && typeof error === 'object' ? requestIds.get(error) : undefined;
    if (id) return id;
  }
  return undefined;
}
