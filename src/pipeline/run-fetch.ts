/** `newsdesk fetch` and the daemon's poll job: which feeds are due, and one pass over them. */
import type { Config } from '../config/check.ts';
import { UserError } from '../domain/errors.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import type { Db } from '../store/client.ts';
import { syncFeeds, type FeedRow } from '../store/feeds.ts';
import { fetchFeeds, type FeedReport, type FetchRunReport } from './fetch-feeds.ts';
import { createIngestor } from './ingest.ts';

export interface RunFetchOptions {
  /** Only this feed (by name, case-insensitive), due or not. */
  feedName?: string;
  /** Every configured feed, due or not. */
  all?: boolean;
  now?: () => Date;
  signal?: AbortSignal;
  worker?: string;
  onFeedDone?: (report: FeedReport) => void;
  fetcher?: Fetcher;
}

export function fetcherFor(config: Config): Fetcher {
  const fetch = config.settings.fetch;
  return createFetcher({
    perHostConcurrency: fetch.perHostConcurrency,
    perHostDelayMs: fetch.perHostDelayMs,
    allowPrivateNetworks: fetch.allowPrivateNetworks,
    totalTimeoutMs: fetch.timeoutSeconds * 1000,
    connectTimeoutMs: fetch.connectTimeoutSeconds * 1000,
    maxBytes: fetch.maxBytes,
  });
}

export function selectFeeds(feeds: FeedRow[], now: Date, options: Pick<RunFetchOptions, 'feedName' | 'all'>): FeedRow[] {
  if (options.feedName) {
    const wanted = options.feedName.toLowerCase();
    const match = feeds.filter((feed) => feed.name.toLowerCase() === wanted);
    if (match.length === 0) throw new UserError(`no feed named "${options.feedName}" in the configuration`);
    return match;
  }
  return feeds.filter((feed) => feed.enabled && (options.all || !feed.nextDueAt || feed.nextDueAt <= now));
}

export async function runFetch(db: Db, config: Config, options: RunFetchOptions = {}): Promise<FetchRunReport> {
  const now = options.now ?? (() => new Date());
  const stored = await syncFeeds(db, config.feeds);
  const feeds = selectFeeds(stored, now(), options);
  return fetchFeeds(
    {
      db,
      fetcher: options.fetcher ?? fetcherFor(config),
      ingestor: createIngestor(db, { clusterWindowHours: config.settings.clusterWindowHours }),
      config,
      now,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.worker ? { worker: options.worker } : {}),
      ...(options.onFeedDone ? { onFeedDone: options.onFeedDone } : {}),
    },
    feeds,
  );
}
