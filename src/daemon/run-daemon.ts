/**
 * `newsdesk daemon`: scheduled jobs (croner) until stopped. Each poll tick runs one cycle: poll the due
 * feeds (leased), assign stories to new articles (one leased job), send the digest when due. Heartbeat
 * and pruning run on their own schedules. On stop: no new work, the cycle in flight finishes (its fetches
 * are aborted only after the grace period), leases are released, the worker is marked stopped.
 */
import { Cron } from 'croner';
import type { Config } from '../config/check.ts';
import { errorMessage } from '../domain/errors.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { Logger } from '../log/logger.ts';
import { fetcherFor } from '../pipeline/run-fetch.ts';
import type { Db } from '../store/client.ts';
import { syncFeeds } from '../store/feeds.ts';
import { countPendingCluster, feedQueue, type Provider } from '../store/leases.ts';
import { recordCycle, registerWorker, stopWorker } from '../store/workers.ts';
import { assignPendingStories } from './cluster-job.ts';
import type { DaemonContext } from './context.ts';
import { DigestJob, type DigestSender } from './digest-job.ts';
import { beat, pruneFetchLog } from './housekeeping.ts';
import { claimInstance, releaseInstance } from './instance.ts';
import { pollDueFeeds } from './poll-job.ts';

export interface DaemonOptions {
  db: Db;
  provider: Provider;
  config: Config;
  worker: string;
  host: string;
  pid: number;
  log: Logger;
  fetcher?: Fetcher;
  now?: () => Date;
  /** Lease on claimed work; after a crash, the work waits this long for another worker. */
  leaseMs?: number;
  /** Seconds between poll cycles (feeds are only fetched when due; this is how often to look). */
  tickSeconds?: number;
  /** Stop after this many cycles (tests, cron-like use); the last one waits to assign all stories. */
  cycles?: number;
  /** Stop after a cycle that leaves nothing due and no article waiting for a story. */
  untilIdle?: boolean;
  /** After a stop request, how long in-flight fetches may run before they are aborted. */
  graceMs?: number;
  /** Sends the digest of a date (the CLI passes `sendDigests`); without it the digest job is off. */
  sendDigest?: DigestSender;
  /** Stops the daemon (SIGTERM/SIGINT in the CLI). */
  signal?: AbortSignal;
}

export type StopReason = 'signal' | 'cycles' | 'idle' | 'lost-instance-lease';

export interface DaemonResult {
  cycles: number;
  reason: StopReason;
}

export const DAEMON_DEFAULTS = { leaseMs: 10 * 60_000, tickSeconds: 60, graceMs: 25_000 };

export async function runDaemon(options: DaemonOptions): Promise<DaemonResult> {
  const ctx = contextFor(options);
  await claimInstance(ctx);
  await registerWorker(ctx.db, { id: ctx.worker, host: options.host, pid: options.pid, now: ctx.now() });
  await syncConfiguredFeeds(ctx);
  ctx.log.info({ provider: ctx.provider, feeds: ctx.config.feeds.length, pid: options.pid, host: options.host }, 'daemon started');
  const run = new DaemonRun(ctx, options);
  try {
    return await run.untilStopped();
  } finally {
    await stopWorker(ctx.db, ctx.worker, ctx.now()).catch(() => undefined);
    await releaseInstance(ctx).catch(() => undefined);
    ctx.log.info({ cycles: run.cycles }, 'daemon stopped');
  }
}

/** Workers starting together all sync the same feeds: the loser of a creation race retries and finds the row. */
async function syncConfiguredFeeds(ctx: DaemonContext): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await syncFeeds(ctx.db, ctx.config.feeds);
      return;
    } catch (error) {
      if (attempt >= 5 || !/P2002|unique constraint/i.test(`${(error as { code?: string }).code} ${errorMessage(error)}`)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

function contextFor(options: DaemonOptions): DaemonContext {
  return {
    db: options.db, provider: options.provider, config: options.config, worker: options.worker,
    log: options.log, fetcher: options.fetcher ?? fetcherFor(options.config), now: options.now ?? (() => new Date()),
    leaseMs: options.leaseMs ?? DAEMON_DEFAULTS.leaseMs,
  };
}

class DaemonRun {
  cycles = 0;
  private readonly stop = new AbortController();
  private readonly abort = new AbortController();
  private readonly digest: DigestJob;
  private inFlight: Promise<void> | undefined;
  private reason: StopReason = 'signal';
  private done!: () => void;
  private readonly finished = new Promise<void>((resolve) => (this.done = resolve));

  constructor(private readonly ctx: DaemonContext, private readonly options: DaemonOptions) {
    this.digest = new DigestJob(ctx, options.sendDigest);
  }

  async untilStopped(): Promise<DaemonResult> {
    const onSignal = () => this.finish('signal');
    this.options.signal?.addEventListener('abort', onSignal, { once: true });
    const jobs = this.schedule();
    void this.tick();
    const prune = this.guard('prune', () => pruneFetchLog(this.ctx));
    await this.finished;
    for (const job of jobs) job.stop();
    const grace = setTimeout(() => this.abort.abort(new Error('grace period over')), this.options.graceMs ?? DAEMON_DEFAULTS.graceMs);
    try {
      await Promise.all([this.inFlight, prune]);
    } finally {
      clearTimeout(grace);
      this.options.signal?.removeEventListener('abort', onSignal);
    }
    return { cycles: this.cycles, reason: this.reason };
  }

  private schedule(): Cron[] {
    const { sendTime, timeZone } = this.ctx.config.digest;
    const [hour, minute] = sendTime.split(':').map(Number);
    const tick = this.options.tickSeconds ?? DAEMON_DEFAULTS.tickSeconds;
    return [
      new Cron('* * * * * *', { interval: tick, unref: false }, () => void this.tick()),
      new Cron('*/15 * * * * *', { protect: true }, () => this.guard('heartbeat', () => this.heartbeat())),
      new Cron(`${minute} ${hour} * * *`, { timezone: timeZone, protect: true }, () => this.guard('digest', () => this.digest.runIfDue())),
      new Cron('30 3 * * *', { timezone: timeZone, protect: true }, () => this.guard('prune', () => pruneFetchLog(this.ctx))),
    ];
  }

  private finish(reason: StopReason): void {
    if (this.stop.signal.aborted) return;
    this.reason = reason;
    this.ctx.log.info({ reason }, 'stopping: no new work; finishing the work in flight');
    this.stop.abort();
    this.done();
  }

  private async tick(): Promise<void> {
    if (this.inFlight || this.stop.signal.aborted) return;
    this.inFlight = this.guard('cycle', () => this.cycle()).finally(() => (this.inFlight = undefined));
    await this.inFlight;
  }

  private async cycle(): Promise<void> {
    const started = this.ctx.now();
    const last = this.options.cycles !== undefined && this.cycles + 1 >= this.options.cycles;
    const signals = { stop: this.stop.signal, abort: this.abort.signal };
    const poll = await pollDueFeeds(this.ctx, signals);
    const stories = await assignPendingStories(this.ctx, { stop: this.stop.signal, wait: last });
    await this.digest.runIfDue();
    const queue = await feedQueue(this.ctx.db, this.ctx.now());
    const pending = await countPendingCluster(this.ctx.db);
    const summary = { startedAt: started, durationMs: this.ctx.now().getTime() - started.getTime(), ...poll, storiesAssigned: stories.assigned, dueFeeds: queue.due, pendingArticles: pending };
    await recordCycle(this.ctx.db, this.ctx.worker, this.ctx.now(), summary);
    this.ctx.log.info(summary, 'cycle done');
    this.cycles += 1;
    if (last) this.finish('cycles');
    else if (this.options.untilIdle && queue.due === 0 && pending === 0) this.finish('idle');
  }

  private async heartbeat(): Promise<void> {
    if (await beat(this.ctx)) return;
    this.ctx.log.error('lost the SQLite instance lease to another daemon; stopping');
    this.finish('lost-instance-lease');
  }

  /** A failing job is logged and retried on its next run; the daemon goes on. */
  private async guard(job: string, body: () => Promise<unknown>): Promise<void> {
    try {
      await body();
    } catch (error) {
      this.ctx.log.error({ job, error: errorMessage(error) }, `${job} failed`);
    }
  }
}
