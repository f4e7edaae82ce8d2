/**
 * The daemon on SQLite: one cycle end to end in this process (fetch, stories, status), one instance per
 * database (a clear refusal, and a dead daemon's lock expires), and SIGTERM mid-cycle: exit 0, in-flight
 * feeds finished, untouched feeds untouched, no lease left behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/check.ts';
import { checkEnv } from '../../src/config/env.ts';
import { claimInstance } from '../../src/daemon/instance.ts';
import { runDaemon } from '../../src/daemon/run-daemon.ts';
import { gatherStatus } from '../../src/daemon/status.ts';
import { UserError } from '../../src/domain/errors.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { acquireLease } from '../../src/store/leases.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFeedFarm, type FeedFarm } from './feed-farm.ts';
import { spawnDaemon, until, writeConfig } from './spawn-daemon.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setUp(feeds: number): Promise<{ database: TestDatabase; farm: FeedFarm; dir: string }> {
  const farm = await startFeedFarm(feeds);
  cleanup.push(() => farm.close());
  const database = await createTestDatabase('sqlite');
  cleanup.push(() => database.drop());
  return { database, farm, dir: mkdtempSync(join(tmpdir(), 'newsdesk-daemon-')) };
}

function configFor(farm: FeedFarm) {
  const env = checkEnv({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_DELAY_MS: '0', NEWSDESK_PER_HOST_CONCURRENCY: '16' });
  if (!env.ok) throw new Error(env.errors.join('; '));
  const checked = checkConfig({ feeds: farm.feeds, digest: { sendTime: '07:00', timeZone: 'Europe/Berlin' } }, env.env);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

describe('the daemon on SQLite', () => {
  it('runs a cycle: every feed fetched once, stories assigned, status reports it', async () => {
    const { database, farm } = await setUp(9);
    farm.open();
    const config = configFor(farm);
    const result = await runDaemon({
      db: database.db, provider: 'sqlite', config, worker: 'solo', host: 'test', pid: process.pid, log: silentLogger(), untilIdle: true, tickSeconds: 1,
    });
    expect(result).toEqual({ cycles: 1, reason: 'idle' });
    for (let i = 0; i < 9; i++) expect(farm.server.count(farm.path(i))).toBe(1);
    expect(await database.db.article.count({ where: { clusteredAt: { not: null } } })).toBe(9);
    expect(await database.db.story.count({ where: { mergedIntoId: null, articleCount: { gt: 0 } } })).toBe(3);
    expect(await database.db.lease.count()).toBe(0);
    const status = await gatherStatus(database.db, config, new Date());
    expect(status.workersAlive).toBe(0);
    expect(status.lastCycle?.worker).toBe('solo');
    expect(status.lastCycle?.summary).toMatchObject({ feeds: 9, newArticles: 9, storiesAssigned: 9 });
    expect(status.queue).toEqual({ dueFeeds: 0, leasedFeeds: 0, articlesPending: 0 });
    expect(status.nextDigest?.at.getTime()).toBeGreaterThan(Date.now());
    expect([5, 6]).toContain(status.nextDigest?.at.getUTCHours());
  }, 60_000);

  it('refuses a second daemon on the same database, and takes over from a dead one', async () => {
    const database = await createTestDatabase('sqlite');
    cleanup.push(() => database.drop());
    const now = new Date();
    await claimInstance({ db: database.db, provider: 'sqlite', worker: 'first', now: () => now });
    const second = claimInstance({ db: database.db, provider: 'sqlite', worker: 'second', now: () => now });
    await expect(second).rejects.toThrow(UserError);
    await expect(second).rejects.toThrow(/already running on this SQLite database: worker first/);
    // The first stopped heartbeating: its lock runs out after a minute.
    const later = new Date(now.getTime() + 61_000);
    await expect(claimInstance({ db: database.db, provider: 'sqlite', worker: 'second', now: () => later })).resolves.toBeUndefined();
  });

  it('the CLI says so and exits 1', async () => {
    const { database, farm, dir } = await setUp(1);
    writeConfig(dir, { feeds: farm.feeds });
    await acquireLease(database.db, 'daemon', 'other-host:1234:abcd', new Date(), 60_000);
    const daemon = spawnDaemon(['--config', join(dir, 'feeds.json'), '--until-idle'], { DATABASE_URL: database.url });
    const exit = await daemon.exited;
    expect(exit.code).toBe(1);
    expect(daemon.stderr()).toMatch(/another newsdesk daemon is already running on this SQLite database: worker other-host:1234:abcd/);
    expect(farm.server.requests).toHaveLength(0);
  }, 60_000);

  it('SIGTERM mid-cycle: finishes the feeds in flight, leaves the rest, releases everything, exits 0', async () => {
    const { database, farm, dir } = await setUp(40);
    writeConfig(dir, { feeds: farm.feeds });
    const daemon = spawnDaemon(['--config', join(dir, 'feeds.json'), '--tick', '1'], { DATABASE_URL: database.url, NEWSDESK_WORKER_ID: 'w1' });
    cleanup.push(() => Promise.resolve(daemon.child.exitCode === null && daemon.child.kill('SIGKILL')));
    await until(() => farm.server.requests.length > 0, 60_000, 'the first feed request');
    daemon.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    farm.open();
    const exit = await daemon.exited;
    expect(exit, daemon.stderr()).toEqual({ code: 0, signal: null });
    const feeds = await database.db.feed.findMany({ select: { lastStatus: true, lastFetchAt: true, leaseOwner: true, _count: { select: { articles: true } } } });
    const fetched = feeds.filter((f) => f.lastFetchAt !== null);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.length).toBeLessThan(40);
    expect(fetched.every((f) => f.lastStatus === 'ok' && f._count.articles === 1)).toBe(true);
    expect(feeds.every((f) => f.leaseOwner === null)).toBe(true);
    expect(await database.db.article.count()).toBe(fetched.length);
    expect(await database.db.lease.count()).toBe(0);
    const worker = await database.db.worker.findUnique({ where: { id: 'w1' } });
    expect(worker?.stoppedAt).not.toBeNull();
  }, 90_000);
});
