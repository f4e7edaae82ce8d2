/**
 * The poll job: claim a batch of due feeds (leases), run the fetch pipeline over it, release, repeat
 * until nothing is due or the daemon is stopping. Leases are renewed while a batch runs, so a slow batch
 * is never taken over by a live worker's neighbour; a dead worker's leases simply run out.
 */
import { fetchFeeds, type FeedReport } from '../pipeline/fetch-feeds.ts';
import { claimDueFeeds, releaseFeeds, renewFeedLeases } from '../store/leases.ts';
import type { DaemonContext } from './context.ts';
import { createSavingIngestor } from './saving-ingestor.ts';

export interface PollSummary {
  feeds: number;
  failedFeeds: number;
  newArticles: number;
  aborted: boolean;
}

export interface StopSignals {
  /** Stop taking new work. */
  stop: AbortSignal;
  /** Abandon work in flight (after the grace period). */
  abort: AbortSignal;
}

export async function pollDueFeeds(ctx: DaemonContext, signals: StopSignals): Promise<PollSummary> {
  const summary: PollSummary = { feeds: 0, failedFeeds: 0, newArticles: 0, aborted: false };
  const limit = ctx.config.settings.fetch.concurrency * 2;
  while (!signals.stop.aborted) {
    const feeds = await claimDueFeeds(ctx.db, ctx.provider, { worker: ctx.worker, now: ctx.now(), leaseMs: ctx.leaseMs, limit });
    if (feeds.length === 0) break;
    const ids = feeds.map((feed) => feed.id);
    const renewal = setInterval(() => void renew(ctx, ids), Math.max(250, ctx.leaseMs / 3));
    try {
      const report = await fetchFeeds(
        {
          db: ctx.db, fetcher: ctx.fetcher, ingestor: createSavingIngestor(ctx.db), config: ctx.config, now: ctx.now,
          worker: ctx.worker, signal: signals.abort, onFeedDone: (feed) => logFeed(ctx, feed),
        },
        feeds,
      );
      summary.feeds += report.feeds.length;
      summary.failedFeeds += report.failedFeeds;
      summary.newArticles += report.newArticles;
      summary.aborted ||= report.aborted;
    } finally {
      clearInterval(renewal);
      await releaseFeeds(ctx.db, ctx.worker, ids);
    }
  }
  return summary;
}

async function renew(ctx: DaemonContext, ids: number[]): Promise<void> {
  try {
    await renewFeedLeases(ctx.db, ctx.worker, ids, new Date(ctx.now().getTime() + ctx.leaseMs));
  } catch (error) {
    ctx.log.warn({ err: error }, 'renewing feed leases failed');
  }
}

function logFeed(ctx: DaemonContext, feed: FeedReport): void {
  const fields = { feed: feed.name, status: feed.status, newArticles: feed.newArticles, httpStatus: feed.httpStatus, durationMs: Math.round(feed.durationMs) };
  if (feed.status === 'failed') ctx.log.warn({ ...fields, error: feed.error }, 'feed failed');
  else ctx.log.debug(fields, 'feed fetched');
}
