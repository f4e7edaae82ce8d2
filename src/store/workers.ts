/** Daemon workers (heartbeat, last cycle) for `newsdesk status`, and pruning the fetch log. */
import type { Db } from './client.ts';

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
  lastCycleAt: Date | null;
  lastCycle: unknown;
  stoppedAt: Date | null;
}

export async function registerWorker(db: Db, worker: { id: string; host: string; pid: number; now: Date }): Promise<void> {
  const data = { host: worker.host, pid: worker.pid, startedAt: worker.now, heartbeatAt: worker.now, stoppedAt: null };
  await db.worker.upsert({ where: { id: worker.id }, create: { id: worker.id, ...data }, update: data });
}

export async function heartbeat(db: Db, id: string, now: Date): Promise<void> {
  await db.worker.updateMany({ where: { id }, data: { heartbeatAt: now } });
}

export async function recordCycle(db: Db, id: string, at: Date, summary: object): Promise<void> {
  await db.worker.updateMany({ where: { id }, data: { heartbeatAt: at, lastCycleAt: at, lastCycle: JSON.stringify(summary) } });
}

export async function stopWorker(db: Db, id: string, now: Date): Promise<void> {
  await db.worker.updateMany({ where: { id }, data: { heartbeatAt: now, stoppedAt: now } });
}

export async function listWorkers(db: Db): Promise<WorkerRow[]> {
  const rows = await db.worker.findMany({ orderBy: { startedAt: 'desc' } });
  return rows.map((row) => ({ ...row, lastCycle: row.lastCycle ? (JSON.parse(row.lastCycle) as unknown) : null }));
}

/** Deletes fetch attempts older than the retention; returns how many went. */
export async function pruneFetchAttempts(db: Db, before: Date): Promise<number> {
  return (await db.fetchAttempt.deleteMany({ where: { startedAt: { lt: before } } })).count;
}

/** Feeds failing now (last attempt failed), most failures first. */
export async function failingFeeds(db: Db): Promise<{ name: string; consecutiveFailures: number; lastError: string | null; nextDueAt: Date | null }[]> {
  return db.feed.findMany({
    where: { consecutiveFailures: { gt: 0 } },
    orderBy: [{ consecutiveFailures: 'desc' }, { name: 'asc' }],
    select: { name: true, consecutiveFailures: true, lastError: true, nextDueAt: true },
  });
}

/** Forgets workers stopped (or silent) before `before`, so `status` does not list every past run. */
export async function pruneWorkers(db: Db, before: Date): Promise<number> {
  return (await db.worker.deleteMany({ where: { heartbeatAt: { lt: before } } })).count;
}
