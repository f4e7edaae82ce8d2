/**
 * Several daemons on one PostgreSQL (issue 7): 300 generated feeds on a loopback server, three worker
 * processes. Every feed is fetched once, no article is duplicated, the stories are the expected ones and
 * the same as a single worker's (SQLite, in this process); the digest goes out once; a worker killed with
 * SIGKILL mid-cycle loses nothing. Skipped without NEWSDESK_TEST_PG_URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/check.ts';
import { checkEnv } from '../../src/config/env.ts';
import { runDaemon } from '../../src/daemon/run-daemon.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Db } from '../../src/store/client.ts';
import { createTestDatabase, pgUrl, type TestDatabase } from '../helpers/db.ts';
import { startTestSmtp } from '../digest/smtp-test-server.ts';
import { startFeedFarm, type FeedFarm } from './feed-farm.ts';
import { spawnDaemon, until, writeConfig, type DaemonProcess } from './spawn-daemon.ts';

const FEEDS = 300;
const KILL_FEEDS = 150;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Stories as sets of article URLs, order-free, for comparing runs whose ids differ. */
async function storyPartition(db: Db): Promise<string[]> {
  const members = await db.storyMember.findMany({ where: { leftAt: null }, select: { storyId: true, article: { select: { url: true } } } });
  const byStory = new Map<number, string[]>();
  for (const m of members) byStory.set(m.storyId, [...(byStory.get(m.storyId) ?? []), m.article.url]);
  return [...byStory.values()].map((urls) => urls.sort().join(' ')).sort();
}

async function expectComplete(db: Db, farm: FeedFarm): Promise<void> {
  const FEEDS = farm.feeds.length;
  expect(await db.article.count()).toBe(FEEDS);
  expect(await db.feedArticle.count()).toBe(FEEDS);
  expect(await db.feed.count({ where: { lastStatus: 'ok' } })).toBe(FEEDS);
  expect(await db.feed.count({ where: { leaseOwner: { not: null } } })).toBe(0);
  const current = await db.storyMember.groupBy({ by: ['articleId'], where: { leftAt: null }, _count: { _all: true } });
  expect(current).toHaveLength(FEEDS);
  expect(current.every((row) => row._count._all === 1)).toBe(true);
  expect(await storyPartition(db)).toEqual(farm.groups.map((urls) => [...urls].sort().join(' ')).sort());
}

async function setUp(feeds = FEEDS): Promise<{ database: TestDatabase; farm: FeedFarm; dir: string }> {
  const farm = await startFeedFarm(feeds);
  cleanup.push(() => farm.close());
  const database = await createTestDatabase('postgresql');
  cleanup.push(() => database.drop());
  return { database, farm, dir: mkdtempSync(join(tmpdir(), 'newsdesk-daemon-')) };
}

function startWorkers(count: number, dir: string, url: string, extra: Record<string, string> = {}, args: string[] = []): DaemonProcess[] {
  const workers = Array.from({ length: count }, (_, i) =>
    spawnDaemon(['--config', join(dir, 'feeds.json'), '--until-idle', '--tick', '1', ...args], { DATABASE_URL: url, NEWSDESK_WORKER_ID: `w${i + 1}`, NEWSDESK_LOG_LEVEL: 'info', NEWSDESK_LOG_FILE: join(dir, `w${i + 1}.log`), ...extra }));
  cleanup.push(() => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    return Promise.resolve();
  });
  return workers;
}

describe.skipIf(!pgUrl)('three daemons on PostgreSQL', () => {
  it('fetch every feed once, store every article once, build the single-worker stories, send the digest once', async () => {
    const { database, farm, dir } = await setUp();
    const smtp = await startTestSmtp({ delayMs: 200 });
    cleanup.push(() => smtp.close());
    const now = new Date();
    const sendTime = new Date(now.getTime() - 2 * 60_000).toISOString().slice(11, 16);
    const digest = { sendTime, timeZone: 'UTC', recipients: [{ email: 'desk@example.org' }] };
    writeConfig(dir, { feeds: farm.feeds, digest });
    const workers = startWorkers(3, dir, database.url, { SMTP_URL: smtp.url });
    // Hold the feeds until all three are up, so they really compete for them.
    await until(async () => (await database.db.worker.count()) === 3, 60_000, 'three workers');
    farm.open();
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(exits.map((e) => e.code), workers.map((w) => w.stderr()).join('\n')).toEqual([0, 0, 0]);
    for (let i = 0; i < FEEDS; i++) expect(farm.server.count(farm.path(i))).toBe(1);
    const byWorker = await database.db.fetchAttempt.groupBy({ by: ['worker'], _count: { _all: true } });
    expect(byWorker.length).toBeGreaterThan(1);
    await expectComplete(database.db, farm);
    expect(smtp.received).toHaveLength(1);
    const deliveries = await database.db.digestDelivery.findMany();
    expect(deliveries.map((d) => d.status)).toEqual(['sent']);

    // The same input through one worker (SQLite, in this process) builds the same stories.
    const single = await createTestDatabase('sqlite');
    cleanup.push(() => single.drop());
    const env = checkEnv({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_DELAY_MS: '0', NEWSDESK_PER_HOST_CONCURRENCY: '16' });
    if (!env.ok) throw new Error(env.errors.join('; '));
    const checked = checkConfig({ feeds: farm.feeds }, env.env);
    if (!checked.ok) throw new Error(checked.errors.join('; '));
    const result = await runDaemon({
      db: single.db, provider: 'sqlite', config: checked.config, worker: 'solo', host: 'test', pid: process.pid,
      log: silentLogger(), untilIdle: true, tickSeconds: 1,
    });
    expect(result.reason).toBe('idle');
    expect(await storyPartition(single.db)).toEqual(await storyPartition(database.db));
  }, 240_000);

  it('a worker killed with SIGKILL mid-cycle: the others pick up its feeds, nothing lost or duplicated', async () => {
    const { database, farm, dir } = await setUp(KILL_FEEDS);
    writeConfig(dir, { feeds: farm.feeds });
    // Short leases, so the dead worker's feeds come back soon; long enough that a live worker whose event
    // loop is busy analysing articles still renews its own in time.
    const workers = startWorkers(3, dir, database.url, {}, ['--lease-seconds', '8']);
    await until(async () => (await database.db.worker.count()) === 3, 60_000, 'three workers');
    // w1 holds claimed feeds whose responses are held back: kill it while they are in flight.
    await until(async () => (await database.db.feed.count({ where: { leaseOwner: 'w1' } })) > 0, 30_000, 'w1 to claim feeds');
    const victim = workers[0]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    farm.open();
    const exits = await Promise.all(workers.slice(1).map((w) => w.exited));
    expect(exits.map((e) => e.code), workers.map((w) => w.stderr()).join('\n')).toEqual([0, 0]);
    await expectComplete(database.db, farm);
    const attempts = await database.db.fetchAttempt.findMany({ select: { worker: true } });
    expect(attempts.filter((a) => a.worker === 'w1')).toHaveLength(0);
    expect(attempts).toHaveLength(KILL_FEEDS);
  }, 240_000);
});
