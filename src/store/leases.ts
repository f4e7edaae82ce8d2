/**
 * Work shared by several daemons on one database, claimed with leases that expire: a worker that dies
 * (SIGKILL, power loss) holds nothing for longer than its lease, and whoever comes next picks the work up.
 * Named leases (Lease table) guard singleton jobs; feeds carry their own lease columns. The feed claim on
 * PostgreSQL is `SELECT … FOR UPDATE SKIP LOCKED`: concurrent claimers never wait on, nor take, each
 * other's rows. SQLite has one daemon per database (the "daemon" lease), so a conditional UPDATE is enough.
 * See docs/decisions/0090-work-leases.md.
 */
import type { DatabaseTarget } from './database-url.ts';
import type { Db } from './client.ts';
import type { FeedRow } from './feeds.ts';
import { toClusterArticle } from './cluster-articles.ts';
import type { ClusterArticle } from '../domain/types.ts';

export type Provider = DatabaseTarget['provider'];

export interface LeaseRow {
  key: string;
  owner: string;
  expiresAt: Date;
}

/** Takes or renews the named lease; false while another owner holds it unexpired. */
export async function acquireLease(db: Db, key: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({
    where: { key, OR: [{ owner }, { expiresAt: { lt: now } }] },
    data: { owner, expiresAt },
  });
  if (taken.count > 0) return true;
  try {
    await db.lease.create({ data: { key, owner, expiresAt } });
    return true;
  } catch (error) {
    // Someone else created it first (or holds it): not ours.
    if ((error as { code?: string }).code === 'P2002' || /unique constraint/i.test(String(error))) return false;
    throw error;
  }
}

export async function releaseLease(db: Db, key: string, owner: string): Promise<void> {
  await db.lease.deleteMany({ where: { key, owner } });
}

export async function findLease(db: Db, key: string): Promise<LeaseRow | null> {
  return db.lease.findUnique({ where: { key } });
}

export interface FeedClaim {
  worker: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/** Claims up to `limit` enabled feeds that are due and not leased by a live worker, oldest due first. */
export async function claimDueFeeds(db: Db, provider: Provider, claim: FeedClaim): Promise<FeedRow[]> {
  const ids = provider === 'postgresql' ? await claimPostgres(db, claim) : await claimSqlite(db, claim);
  if (ids.length === 0) return [];
  const rows = await db.feed.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ ...row, tags: JSON.parse(row.tags) as string[] }));
}

async function claimPostgres(db: Db, claim: FeedClaim): Promise<number[]> {
  const now = claim.now.toISOString();
  const until = new Date(claim.now.getTime() + claim.leaseMs).toISOString();
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE "Feed" SET "leaseOwner" = $1, "leaseExpiresAt" = $2::timestamp
     WHERE "id" IN (
       SELECT "id" FROM "Feed"
       WHERE "enabled" AND ("nextDueAt" IS NULL OR "nextDueAt" <= $3::timestamp)
         AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < $3::timestamp)
       ORDER BY "nextDueAt" ASC NULLS FIRST, "id" ASC
       LIMIT $4
       FOR UPDATE SKIP LOCKED)
     RETURNING "id"`,
    claim.worker, until, now, claim.limit,
  );
  return rows.map((row) => Number(row.id));
}

async function claimSqlite(db: Db, claim: FeedClaim): Promise<number[]> {
  const due = await db.feed.findMany({
    where: dueWhere(claim.now),
    orderBy: [{ nextDueAt: 'asc' }, { id: 'asc' }],
    take: claim.limit,
    select: { id: true },
  });
  const until = new Date(claim.now.getTime() + claim.leaseMs);
  const ids: number[] = [];
  for (const { id } of due) {
    // Conditional: a feed leased meanwhile (by a `fetch` or a dying daemon's successor) is left alone.
    const taken = await db.feed.updateMany({
      where: { id, ...dueWhere(claim.now) },
      data: { leaseOwner: claim.worker, leaseExpiresAt: until },
    });
    if (taken.count > 0) ids.push(id);
  }
  return ids;
}

function dueWhere(now: Date) {
  return {
    enabled: true,
    AND: [
      { OR: [{ nextDueAt: null }, { nextDueAt: { lte: now } }] },
      { OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    ],
  };
}

export async function releaseFeeds(db: Db, worker: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.feed.updateMany({
    where: { id: { in: ids }, leaseOwner: worker },
    data: { leaseOwner: null, leaseExpiresAt: null },
  });
}

/** Due feeds, and feeds leased right now (by anyone). */
export async function feedQueue(db: Db, now: Date): Promise<{ due: number; leased: number }> {
  const [due, leased] = await Promise.all([
    db.feed.count({ where: { enabled: true, OR: [{ nextDueAt: null }, { nextDueAt: { lte: now } }] } }),
    db.feed.count({ where: { leaseExpiresAt: { gte: now } } }),
  ]);
  return { due, leased };
}

// ---- the story-assignment queue: articles not yet in any story ----

const pendingWhere = { clusteredAt: null, memberships: { none: { leftAt: null } } } as const;

const clusterSelect = {
  id: true, url: true, source: true, title: true, bodyText: true, language: true, publishedAt: true, fetchedAt: true,
  mentions: { select: { entity: { select: { name: true, type: true } } } },
} as const;

/** Articles waiting for story assignment, in arrival (id) order. */
export async function pendingClusterArticles(db: Db, limit: number): Promise<ClusterArticle[]> {
  const rows = await db.article.findMany({ where: pendingWhere, select: clusterSelect, orderBy: { id: 'asc' }, take: limit });
  return rows.map(toClusterArticle);
}

export async function countPendingCluster(db: Db): Promise<number> {
  return db.article.count({ where: pendingWhere });
}

export async function markClustered(db: Db, ids: readonly number[], at: Date): Promise<void> {
  await db.article.updateMany({ where: { id: { in: [...ids] } }, data: { clusteredAt: at } });
}

/** Extends this worker's leases on `ids` (a batch still running). */
export async function renewFeedLeases(db: Db, worker: string, ids: number[], until: Date): Promise<void> {
  await db.feed.updateMany({ where: { id: { in: ids }, leaseOwner: worker }, data: { leaseExpiresAt: until } });
}
