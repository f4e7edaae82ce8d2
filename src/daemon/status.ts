/** What `newsdesk status` shows: workers, their last cycle, the queues, failing feeds, the next digest. */
import { Cron } from 'croner';
import { digestFailures, type DigestFailure } from '../store/digest-deliveries.ts';
import type { Config } from '../config/check.ts';
import type { Db } from '../store/client.ts';
import { countPendingCluster, feedQueue } from '../store/leases.ts';
import { failingFeeds, listWorkers } from '../store/workers.ts';

/** A worker whose heartbeat is older than this is presumed dead (heartbeats come every 15 s). */
const ALIVE_MS = 60_000;

export interface DaemonStatus {
  now: Date;
  workers: { id: string; host: string; pid: number; alive: boolean; startedAt: Date; heartbeatAt: Date; lastCycleAt: Date | null; stoppedAt: Date | null }[];
  workersAlive: number;
  lastCycle: { worker: string; at: Date; summary: unknown } | null;
  queue: { dueFeeds: number; leasedFeeds: number; articlesPending: number };
  failingFeeds: { name: string; consecutiveFailures: number; lastError: string | null; nextDueAt: Date | null }[];
  nextDigest: { at: Date; timeZone: string; recipients: number } | null;
  /** Digest deliveries of the last week that failed, gave up, or whose sender stopped mid-send. */
  digestFailures: DigestFailure[];
}

export async function gatherStatus(db: Db, config: Config, now: Date): Promise<DaemonStatus> {
  const [workers, queue, articlesPending, failing, deliveries] = await Promise.all([
    listWorkers(db), feedQueue(db, now), countPendingCluster(db), failingFeeds(db),
    digestFailures(db, new Date(now.getTime() - 7 * 86_400_000), now),
  ]);
  const rows = workers.map(({ lastCycle: _summary, ...worker }) => ({
    ...worker,
    alive: worker.stoppedAt === null && now.getTime() - worker.heartbeatAt.getTime() <= ALIVE_MS,
  }));
  const latest = workers.filter((w) => w.lastCycleAt).sort((a, b) => b.lastCycleAt!.getTime() - a.lastCycleAt!.getTime())[0];
  return {
    now,
    workers: rows,
    workersAlive: rows.filter((w) => w.alive).length,
    lastCycle: latest ? { worker: latest.id, at: latest.lastCycleAt!, summary: latest.lastCycle } : null,
    queue: { dueFeeds: queue.due, leasedFeeds: queue.leased, articlesPending },
    failingFeeds: failing,
    nextDigest: nextDigest(config, now),
    digestFailures: deliveries,
  };
}

export function nextDigest(config: Config, now: Date): DaemonStatus['nextDigest'] {
  const { sendTime, timeZone, recipients } = config.digest;
  const [hour, minute] = sendTime.split(':').map(Number);
  const at = new Cron(`${minute} ${hour} * * *`, { timezone: timeZone, paused: true }).nextRun(now);
  return at ? { at, timeZone, recipients: recipients.length } : null;
}
