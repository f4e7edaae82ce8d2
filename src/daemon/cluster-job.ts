/**
 * Story assignment as one leased job: whoever holds the "cluster" lease assigns every article not yet in
 * a story, in arrival (id) order, with one clusterer; the others skip (or, when draining, wait). The
 * pending set is "no current membership", so an assignment interrupted by a crash is neither lost nor
 * repeated. See docs/decisions/0091-one-story-assigner.md.
 */
import { StoryAssigner } from '../pipeline/assign-stories.ts';
import { acquireLease, markClustered, pendingClusterArticles, releaseLease } from '../store/leases.ts';
import type { DaemonContext } from './context.ts';

const LEASE_KEY = 'cluster';
const BATCH = 200;
const RENEW_EVERY = 20;

export interface ClusterSummary {
  assigned: number;
  /** Another worker held the job. */
  skipped: boolean;
}

export async function assignPendingStories(
  ctx: DaemonContext,
  options: { stop: AbortSignal; wait?: boolean },
): Promise<ClusterSummary> {
  if (!(await takeLease(ctx, options))) return { assigned: 0, skipped: true };
  const assigner = new StoryAssigner(ctx.db, { windowHours: ctx.config.settings.clusterWindowHours, now: ctx.now });
  let assigned = 0;
  try {
    for (;;) {
      const batch = await pendingClusterArticles(ctx.db, BATCH);
      const done: number[] = [];
      for (const article of batch) {
        if (options.stop.aborted) break;
        await assigner.assign(article.id, {
          url: article.url, source: article.source, title: article.title, bodyText: article.text,
          language: article.language, publishedAt: article.published, fetchedAt: article.published,
          entities: article.entities,
        });
        done.push(article.id);
        assigned += 1;
        // Renewed as it goes: losing the lease (a stall longer than it) means another worker took over.
        if (assigned % RENEW_EVERY === 0 && !(await acquireLease(ctx.db, LEASE_KEY, ctx.worker, ctx.now(), ctx.leaseMs))) {
          throw new Error('lost the cluster lease while assigning stories');
        }
      }
      // The pending set is read from the store: this batch's memberships must be stored before the next read.
      await assigner.write();
      await markClustered(ctx.db, done, ctx.now());
      if (batch.length < BATCH || options.stop.aborted) break;
    }
    await assigner.finish();
  } finally {
    await releaseLease(ctx.db, LEASE_KEY, ctx.worker);
  }
  return { assigned, skipped: false };
}

async function takeLease(ctx: DaemonContext, options: { stop: AbortSignal; wait?: boolean }): Promise<boolean> {
  for (;;) {
    if (await acquireLease(ctx.db, LEASE_KEY, ctx.worker, ctx.now(), ctx.leaseMs)) return true;
    if (!options.wait || options.stop.aborted) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
