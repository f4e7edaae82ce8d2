/** Feeds and their health: configuration sync, due feeds, fetch attempts. */
import type { FeedConfig } from '../domain/types.ts';
import type { Db } from './client.ts';

export interface FeedRow {
  id: number;
  name: string;
  url: string;
  language: string | null;
  tags: string[];
  pollIntervalMinutes: number | null;
  fullText: boolean;
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  lastStatus: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextDueAt: Date | null;
}

export interface FetchOutcome {
  status: 'ok' | 'not-modified' | 'failed';
  startedAt: Date;
  durationMs: number;
  httpStatus?: number | null;
  bytes: number;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  itemsSeen: number;
  itemsNew: number;
  itemsInvalid: number;
  nextDueAt: Date;
  title?: string | null;
  siteUrl?: string | null;
  worker?: string | null;
}

type Raw = Omit<FeedRow, 'tags'> & { tags: string };

function toRow(raw: Raw): FeedRow {
  return { ...raw, tags: JSON.parse(raw.tags) as string[] };
}

/** Makes the stored feeds match the configuration (by name), keeping health of unchanged feeds. */
export async function syncFeeds(db: Db, feeds: FeedConfig[]): Promise<FeedRow[]> {
  const rows: FeedRow[] = [];
  for (const feed of feeds) {
    const data = {
      url: feed.url,
      language: feed.language ?? null,
      tags: JSON.stringify(feed.tags),
      pollIntervalMinutes: feed.pollIntervalMinutes ?? null,
      fullText: feed.fullText,
      enabled: feed.enabled,
    };
    const existing = await db.feed.findFirst({ where: { OR: [{ name: feed.name }, { url: feed.url }] } });
    const saved = existing
      ? await db.feed.update({ where: { id: existing.id }, data: { ...data, name: feed.name } })
      : await db.feed.create({ data: { ...data, name: feed.name } });
    rows.push(toRow(saved));
  }
  return rows;
}

export async function listFeeds(db: Db): Promise<FeedRow[]> {
  return (await db.feed.findMany({ orderBy: { name: 'asc' } })).map(toRow);
}

export async function addFeed(db: Db, feed: FeedConfig): Promise<FeedRow> {
  return toRow(await db.feed.create({
    data: {
      name: feed.name,
      url: feed.url,
      language: feed.language ?? null,
      tags: JSON.stringify(feed.tags),
      pollIntervalMinutes: feed.pollIntervalMinutes ?? null,
      fullText: feed.fullText,
    },
  }));
}

export async function recordFetch(db: Db, feedId: number, outcome: FetchOutcome): Promise<void> {
  const failed = outcome.status === 'failed';
  await db.$transaction([
    db.fetchAttempt.create({
      data: {
        feedId,
        startedAt: outcome.startedAt,
        durationMs: Math.round(outcome.durationMs),
        status: outcome.status,
        httpStatus: outcome.httpStatus ?? null,
        bytes: outcome.bytes,
        error: outcome.error ?? null,
        itemsSeen: outcome.itemsSeen,
        itemsNew: outcome.itemsNew,
        itemsInvalid: outcome.itemsInvalid,
        worker: outcome.worker ?? null,
      },
    }),
    db.feed.update({
      where: { id: feedId },
      data: {
        lastFetchAt: outcome.startedAt,
        lastStatus: outcome.status,
        lastError: failed ? (outcome.error ?? 'failed') : null,
        nextDueAt: outcome.nextDueAt,
        ...(failed
          ? { consecutiveFailures: { increment: 1 } }
          : {
              consecutiveFailures: 0,
              lastSuccessAt: outcome.startedAt,
              ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
              ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
              ...(outcome.title ? { title: outcome.title } : {}),
              ...(outcome.siteUrl ? { siteUrl: outcome.siteUrl } : {}),
            }),
      },
    }),
  ]);
}

export interface FeedHealth extends FeedRow {
  articlesLast24h: number;
  stale: boolean;
}

/** A feed is stale when it has not succeeded for 24 hours, or four poll intervals if longer. */
export async function feedHealth(db: Db, now: Date, defaultIntervalMinutes: number): Promise<FeedHealth[]> {
  const feeds = await listFeeds(db);
  const since = new Date(now.getTime() - 24 * 3600_000);
  const counts = await db.feedArticle.groupBy({
    by: ['feedId'],
    where: { firstSeenAt: { gte: since } },
    _count: { _all: true },
  });
  const byFeed = new Map(counts.map((c) => [c.feedId, c._count._all]));
  return feeds.map((feed) => {
    const interval = (feed.pollIntervalMinutes ?? defaultIntervalMinutes) * 60_000;
    const limit = Math.max(24 * 3600_000, 4 * interval);
    const stale = feed.enabled && (!feed.lastSuccessAt || now.getTime() - feed.lastSuccessAt.getTime() > limit);
    return { ...feed, articlesLast24h: byFeed.get(feed.id) ?? 0, stale };
  });
}
