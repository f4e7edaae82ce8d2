/**
 * SQLite takes one daemon per database: a second would only fight the first for the write lock. The
 * first holds the "daemon" lease and renews it with its heartbeat; a crashed daemon's lease runs out
 * after INSTANCE_TTL_MS, and then a new one may start. PostgreSQL takes any number of daemons.
 */
import { UserError } from '../domain/errors.ts';
import { acquireLease, findLease, releaseLease } from '../store/leases.ts';
import { listWorkers } from '../store/workers.ts';
import type { DaemonContext } from './context.ts';

export const INSTANCE_LEASE = 'daemon';
export const INSTANCE_TTL_MS = 60_000;

export async function claimInstance(ctx: Pick<DaemonContext, 'db' | 'provider' | 'worker' | 'now'>): Promise<void> {
  if (ctx.provider !== 'sqlite') return;
  if (await acquireLease(ctx.db, INSTANCE_LEASE, ctx.worker, ctx.now(), INSTANCE_TTL_MS)) return;
  const lease = await findLease(ctx.db, INSTANCE_LEASE);
  const holder = (await listWorkers(ctx.db)).find((worker) => worker.id === lease?.owner);
  const who = holder ? `worker ${holder.id} (host ${holder.host}, pid ${holder.pid})` : `worker ${lease?.owner ?? '?'}`;
  throw new UserError(
    `another newsdesk daemon is already running on this SQLite database: ${who}. ` +
      `Stop it first; if it died, its lock expires at ${lease?.expiresAt.toISOString() ?? 'soon'}. ` +
      'Several workers need PostgreSQL.',
  );
}

export async function releaseInstance(ctx: Pick<DaemonContext, 'db' | 'provider' | 'worker'>): Promise<void> {
  if (ctx.provider === 'sqlite') await releaseLease(ctx.db, INSTANCE_LEASE, ctx.worker);
}
