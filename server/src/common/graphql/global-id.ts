/**
 * Global object identification: an ID is base64url("<Type>:<uuid>"), opaque to clients and unique across
 * types. Decoding never throws: anything malformed is null, which callers treat as not found.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a uuid written in its usual form. */
export const isUuid = (text: string) => UUID.test(text);

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!/^[A-Z][A-Za-z]+$/.test(type) || !UUID.test(id)) return null;
  return { type, id: id.toLowerCase() };
}

/** The uuid inside a global ID of the expected type, or null. */
export function idOfType(globalId: string, type: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}
