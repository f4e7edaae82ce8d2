/**
 * One pass over the feeds: fetch (conditional GET), parse, store new items with full text and analysis,
 * cluster, and record each feed's health. A failing feed is a value in the report; the run goes on.
 * The scheduled job and `newsdesk fetch` share this code path.
 */
import type { Config } from '../config/check.ts';
import { errorMessage } from '../domain/errors.ts';
import type { Fetcher, FetchResult } from '../fetch/index.ts';
import { nextPollAt } from '../fetch/index.ts';
import { parseFeed } from '../parse/index.ts';
import type { Db } from '../store/client.ts';
import { linkKnownArticle } from '../store/articles.ts';
import { recordFetch, type FeedRow, type FetchOutcome } from '../store/feeds.ts';
import { buildRecord, itemUrl } from './feed-items.ts';
import type { Ingestor } from './ingest.ts';
import { mapLimit } from './map-limit.ts';

export interface FeedReport {
  name: string;
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  newArticles: number;
  updatedArticles: number;
  items: number;
  invalidItems: number;
  error: string | null;
  httpStatus: number | null;
  durationMs: number;
}

export interface FetchRunReport {
  startedAt: Date;
  finishedAt: Date;
  feeds: FeedReport[];
  newArticles: number;
  failedFeeds: number;
  storiesTouched: number;
  aborted: boolean;
}

export interface FetchRunDeps {
  db: Db;
  fetcher: Fetcher;
  ingestor: Ingestor;
  config: Config;
  now: () => Date;
  random?: () => number;
  worker?: string;
  onFeedDone?: (report: FeedReport) => void;
  signal?: AbortSignal;
}

export async function fetchFeeds(deps: FetchRunDeps, feeds: FeedRow[]): Promise<FetchRunReport> {
  const startedAt = deps.now();
  const reports = await mapLimit(feeds, deps.config.settings.fetch.concurrency, async (feed) => {
    const report = await fetchOneFeed(deps, feed);
    deps.onFeedDone?.(report);
    return report;
  });
  const { storiesTouched } = await deps.ingestor.finish();
  return {
    startedAt,
    finishedAt: deps.now(),
    feeds: reports,
    newArticles: reports.reduce((sum, r) => sum + r.newArticles, 0),
    failedFeeds: reports.filter((r) => r.status === 'failed').length,
    storiesTouched,
    aborted: deps.signal?.aborted ?? false,
  };
}

async function fetchOneFeed(deps: FetchRunDeps, feed: FeedRow): Promise<FeedReport> {
  const startedAt = deps.now();
  const result = await deps.fetcher.get(feed.url, {
    kind: 'feed',
    etag: feed.etag,
    lastModified: feed.lastModified,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const report: FeedReport = {
    name: feed.name, url: feed.url, status: result.status, newArticles: 0, updatedArticles: 0, items: 0,
    invalidItems: 0, error: result.status === 'failed' ? result.error : null,
    httpStatus: result.httpStatus ?? null, durationMs: result.durationMs,
  };
  let ttlMinutes: number | null = null;
  let meta: { title: string | null; link: string | null } | null = null;
  if (result.status === 'ok') {
    const parsed = parseFeed(result.body, { contentTypeCharset: result.charset, baseUrl: result.url });
    if (parsed.status === 'failed') {
      report.status = 'failed';
      report.error = parsed.error;
    } else {
      ttlMinutes = parsed.feed.feed.ttlMinutes ?? null;
      meta = parsed.feed.feed;
      report.items = parsed.feed.items.length;
      report.invalidItems = parsed.feed.invalidItems;
      try {
        await storeItems(deps, feed, parsed.feed, result.url, report);
      } catch (error) {
        report.status = 'failed';
        report.error = `storing items failed: ${errorMessage(error)}`;
      }
    }
  }
  await recordFetch(deps.db, feed.id, outcome(deps, feed, result, report, startedAt, ttlMinutes, meta));
  return report;
}

async function storeItems(
  deps: FetchRunDeps,
  feed: FeedRow,
  parsed: { feed: { language: string | null }; items: import('../domain/types.ts').FeedItem[] },
  base: string,
  report: FeedReport,
): Promise<void> {
  const now = deps.now();
  const maxAgeDays = deps.config.settings.fetch.maxItemAgeDays;
  const oldest = maxAgeDays ? now.getTime() - maxAgeDays * 86_400_000 : -Infinity;
  const seen = new Set<string>();
  for (const item of parsed.items) {
    if (deps.signal?.aborted) return;
    const url = itemUrl(item, base);
    if (!url) {
      report.invalidItems += 1;
      continue;
    }
    // The same link twice in one feed (duplicate GUIDs or repeated items): the first wins.
    if (seen.has(url)) continue;
    seen.add(url);
    if (((item.published ?? item.updated)?.getTime() ?? Infinity) < oldest) continue;
    if ((await linkKnownArticle(deps.db, url, { feedId: feed.id, guid: item.id, seenAt: now })) !== null) continue;
    const record = await buildRecord(item, url, {
      feed,
      feedLanguage: feed.language ?? normaliseLanguage(parsed.feed.language),
      fetcher: deps.fetcher,
      fullText: feed.fullText && deps.config.settings.fetch.fullText,
      now,
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.config.entityCorrections ? { analysis: { corrections: deps.config.entityCorrections } } : {}),
    });
    if (deps.signal?.aborted) return;
    const saved = await deps.ingestor.ingest(record);
    if (saved.status === 'new') report.newArticles += 1;
    if (saved.status === 'updated') report.updatedArticles += 1;
  }
}

function outcome(
  deps: FetchRunDeps,
  feed: FeedRow,
  result: FetchResult,
  report: FeedReport,
  startedAt: Date,
  ttlMinutes: number | null,
  meta: { title: string | null; link: string | null } | null,
): FetchOutcome {
  const failed = report.status === 'failed';
  const interval = feed.pollIntervalMinutes ?? deps.config.settings.pollIntervalMinutes;
  return {
    status: report.status,
    startedAt,
    durationMs: deps.now().getTime() - startedAt.getTime(),
    httpStatus: result.httpStatus ?? null,
    bytes: result.bytes,
    error: report.error,
    ...(result.status === 'ok' && !failed ? { etag: result.etag, lastModified: result.lastModified } : {}),
    itemsSeen: report.items,
    itemsNew: report.newArticles,
    itemsInvalid: report.invalidItems,
    nextDueAt: nextPollAt({
      now: deps.now(),
      intervalMinutes: interval,
      consecutiveFailures: failed ? feed.consecutiveFailures + 1 : 0,
      retryAfterMs: result.retryAfterMs ?? null,
      maxAgeSeconds: result.status === 'failed' ? null : (result.maxAgeSeconds ?? null),
      ttlMinutes,
      jitter: (deps.random ?? Math.random)(),
    }),
    title: meta?.title ?? null,
    siteUrl: meta?.link ?? null,
    worker: deps.worker ?? null,
  };
}

function normaliseLanguage(value: string | null): string | null {
  const code = value?.trim().slice(0, 2).toLowerCase();
  return code === 'de' || code === 'en' ? code : null;
}
