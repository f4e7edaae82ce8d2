/**
 * The stage's verb-first entry points: what the pipeline calls for a feed poll and for an
 * article page, so the request kind (and with it robots.txt and the private-network guard)
 * cannot be mixed up at the call site.
 */
import type { Fetcher, FetchResult } from './types.ts';

export interface FeedValidators {
  url: string;
  /** From the feed's last successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
}

export function fetchFeed(
  fetcher: Fetcher,
  feed: FeedValidators,
  signal?: AbortSignal,
): Promise<FetchResult> {
  return fetcher.get(feed.url, {
    kind: 'feed',
    etag: feed.etag ?? null,
    lastModified: feed.lastModified ?? null,
    ...(signal === undefined ? {} : { signal }),
  });
}

export function fetchPage(fetcher: Fetcher, url: string, signal?: AbortSignal): Promise<FetchResult> {
  return fetcher.get(url, { kind: 'page', ...(signal === undefined ? {} : { signal }) });
}
