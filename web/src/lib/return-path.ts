import { useLocation } from 'react-router';

/**
 * Where to go after signing in or up: a path of this site only. `/x`, never `//host` or `/\host` (which
 * browsers read as another site), nor anything that leaves the origin once resolved.
 */
export function nextPath(params: URLSearchParams, origin = 'http://consulta.invalid'): string {
  const next = params.get('next') ?? '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}

/** The sign-in (or sign-up) address that comes back to this page afterwards. */
export function useReturnLink(to: '/sign-in' | '/sign-up' = '/sign-in'): string {
  const location = useLocation();
  const here = location.pathname + location.search;
  if (here === '/' || here.startsWith('/sign-in') || here.startsWith('/sign-up')) return to;
  return `${to}?next=${encodeURIComponent(here)}`;
}
