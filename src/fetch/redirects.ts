/**
 * Redirect rules: at most `maxRedirects` hops, http(s) only, a URL seen twice is a loop.
 * Fragments are dropped: they never reach the server and would hide a loop.
 */
import { FetchError } from './fetch-error.ts';

export interface Redirect {
  redirect: true;
  httpStatus: number;
  location: string | undefined;
}

export function nextLocation(hop: Redirect, current: URL, visited: URL[], maxRedirects: number): URL {
  if (hop.location === undefined)
    throw new FetchError('redirect', `HTTP ${hop.httpStatus} without a Location header`);
  if (visited.length > maxRedirects)
    throw new FetchError('redirect', `too many redirects (more than ${maxRedirects})`);
  let next: URL;
  try {
    next = new URL(hop.location, current);
  } catch {
    throw new FetchError('redirect', `redirect to an invalid URL: ${hop.location.slice(0, 200)}`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new FetchError('redirect', `redirect to unsupported scheme ${next.protocol}`);
  }
  next.hash = '';
  if (visited.some((url) => url.href === next.href)) {
    throw new FetchError('redirect', `redirect loop: ${current.href} → ${next.href}`);
  }
  visited.push(next);
  return next;
}

export function parseStartUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('invalid-url', `invalid URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('invalid-url', `unsupported URL scheme ${parsed.protocol} (${url.slice(0, 200)})`);
  }
  parsed.hash = '';
  return parsed;
}
