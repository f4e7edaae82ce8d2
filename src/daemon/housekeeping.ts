/** Periodic upkeep: heartbeat (and the SQLite instance lease), pruning the fetch log. */
import { acquireLease, releaseLease } from '../store/leases.ts';
import { heartbeat, pruneFetchAttempts, pruneWorkers } from '../store/workers.ts';
import type { DaemonContext } from './context.ts';
import { INSTANCE_LEASE, INSTANCE_TTL_MS } from './instance.ts';

/** Worker rows of daemons silent this long are dropped from `status`. */
const WORKER_RETENTION_MS = 7 * 86_400_000;

/** Returns false when this SQLite daemon lost its instance lease (it must stop). */
export async function beat(ctx: DaemonContext): Promise<boolean> {
  const now = ctx.now();
  await heartbeat(ctx.db, ctx.worker, now);
  if (ctx.provider !== 'sqlite') return true;
  return acquireLease(ctx.db, INSTANCE_LEASE, ctx.worker, now, INSTANCE_TTL_MS);
}

/** Deletes fetch attempts older than settings.fetchLogRetentionDays; one worker at a time. */
export async function pruneFetchLog(ctx: DaemonContext): Promise<number | null> {
  const now = ctx.now();
  if (!(await acquireLease(ctx.db, 'prune', ctx.worker, now, ctx.leaseMs))) return null;
  try {
    const before = new Date(now.getTime() - ctx.config.settings.fetchLogRetentionDays * 86_400_000);
    const pruned = await pruneFetchAttempts(ctx.db, before);
    const workers = await pruneWorkers(ctx.db, new Date(now.getTime() - WORKER_RETENTION_MS));
    ctx.log.info({ pruned, workers, before }, 'pruned the fetch log');
    return pruned;
  } finally {
    await releaseLease(ctx.db, 'prune', ctx.worker);
  }
}
