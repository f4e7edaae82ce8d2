/**
 * Hostile feeds, all served from 127.0.0.1 and polled in one run beside a good feed: each must end in a
 * recorded, readable error (Feed.lastError, FetchAttempt.error) or in sane stored data, without a crash,
 * a hang past the (small) timeouts, harm to the other feeds, or half-written rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchRunReport } from '../../src/pipeline/fetch-feeds.ts';
import { analyzeArticle } from '../../src/pipeline/analyze.ts';
import { runFetch } from '../../src/pipeline/run-fetch.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';
import { expectReadable, hostileConfig } from './hostile-config.ts';
import { routeHostileFeeds } from './hostile-server.ts';

let server: TestServer;
let db: TestDatabase;
let report: FetchRunReport;
let elapsedMs: number;
let feedCount: number;

async function feedRow(name: string) {
  return db.db.feed.findUniqueOrThrow({ where: { name }, include: { attempts: true, articles: true } });
}

beforeAll(async () => {
  server = await startTestServer();
  db = await createTestDatabase('sqlite');
  const paths = routeHostileFeeds(server);
  feedCount = Object.keys(paths).length;
  const feeds = Object.entries(paths).map(([name, path]) => ({ name, url: server.url(path), fullText: false }));
  // Load the analysis tables first: their one-time set-up, on a loaded CI machine, must not eat the
  // fetch timeouts of the feeds polled alongside.
  analyzeArticle({ title: 'Telekom baut aus', text: 'Die Telekom baut in München aus.', declared: {} });
  const started = Date.now();
  report = await runFetch(db.db, hostileConfig(feeds));
  elapsedMs = Date.now() - started;
}, 60_000);

afterAll(async () => {
  await db?.drop();
  await server?.close();
});

describe('hostile feeds in one fetch run', () => {
  it('finishes well within the timeouts, with one attempt recorded per feed', async () => {
    expect(elapsedMs).toBeLessThan(30_000);
    expect(report.feeds).toHaveLength(feedCount);
    for (const feed of report.feeds) expect(await db.db.fetchAttempt.count({ where: { feed: { name: feed.name } } })).toBe(1);
  });

  it('leaves the good feed unaffected', async () => {
    const good = await feedRow('good');
    expect(good.lastStatus).toBe('ok');
    expect(good.lastError).toBeNull();
    expect(good.articles).toHaveLength(2);
  });

  it.each([
    ['html-page', /feed/i],
    ['empty-body', /./],
    ['binary-garbage', /./],
    ['50-mb-body', /large|size|bytes|limit/i],
    ['gzip-bomb', /large|size|bytes|limit/i],
    ['trickle', /within|time/i],
    ['redirect-loop', /redirect/i],
  ])('%s: a readable error on the feed and its attempt, nothing stored', async (name, pattern) => {
    const feed = await feedRow(name);
    expect(feed.lastStatus).toBe('failed');
    expectReadable(feed.lastError);
    expect(feed.lastError).toMatch(pattern);
    expect(feed.attempts[0]!.error).toBe(feed.lastError);
    expect(feed.consecutiveFailures).toBe(1);
    expect(feed.articles).toHaveLength(0);
  });

  it('malformed XML: a readable error, or only the complete items recovered (never the truncated one)', async () => {
    const feed = await feedRow('malformed-xml');
    const titles = (await db.db.article.findMany({ where: { feeds: { some: { feedId: feed.id } } } })).map((a) => a.title);
    if (feed.lastStatus === 'failed') {
      expectReadable(feed.lastError);
      expect(titles).toEqual([]);
    } else {
      expect(titles).toEqual(['Erste Meldung']);
    }
  });

  it('wrong declared charset: the text is still readable (no mojibake, no replacement characters)', async () => {
    const feed = await feedRow('wrong-charset');
    const articles = await db.db.article.findMany({ where: { feeds: { some: { feedId: feed.id } } } });
    if (feed.lastStatus === 'failed') return expectReadable(feed.lastError);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('Größte Übernahme: Stromversorger kauft Glasfasernetz');
  });

  it('billion laughs: no expansion, the run stays small and fast', async () => {
    const feed = await feedRow('billion-laughs');
    if (feed.lastStatus === 'failed') return expectReadable(feed.lastError);
    const articles = await db.db.article.findMany({ where: { feeds: { some: { feedId: feed.id } } } });
    for (const article of articles) {
      expect(article.title.length).toBeLessThan(1000);
      expect((article.bodyText ?? '').length).toBeLessThan(10_000);
    }
    expect(feed.title?.length ?? 0).toBeLessThan(1000);
  });

  it('external entities are never resolved: no local file, no request to the entity URL', async () => {
    const feed = await feedRow('external-entity');
    expect(server.count('/xxe')).toBe(0);
    const articles = await db.db.article.findMany({ where: { feeds: { some: { feedId: feed.id } } } });
    for (const article of articles) expect(`${article.title} ${article.bodyText}`).not.toMatch(/root:|REMOTE-ENTITY-CONTENT/);
    if (feed.lastStatus === 'failed') expectReadable(feed.lastError);
  });

  it('a 5 MB title is stored bounded (or the feed fails readably), without stalling the run', async () => {
    const feed = await feedRow('5-mb-title');
    if (feed.lastStatus === 'failed') return expectReadable(feed.lastError);
    const articles = await db.db.article.findMany({ where: { feeds: { some: { feedId: feed.id } } } });
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title.length).toBeLessThanOrEqual(10_000);
  });

  it('dates in the year 0 and 9999 are not stored as real publication dates', async () => {
    const feed = await feedRow('year-0-and-9999');
    expect(feed.lastStatus).toBe('ok');
    const articles = await db.db.article.findMany({ where: { feeds: { some: { feedId: feed.id } } } });
    expect(articles).toHaveLength(2);
    const tomorrow = Date.now() + 86_400_000;
    for (const article of articles) {
      const published = article.publishedAt?.getTime();
      if (published !== undefined) {
        expect(published).toBeGreaterThan(Date.UTC(1990, 0, 1));
        expect(published).toBeLessThan(tomorrow);
      }
    }
  });

  it('duplicate GUIDs with different content: one article, one link to the feed', async () => {
    const feed = await feedRow('duplicate-guids');
    expect(feed.lastStatus).toBe('ok');
    expect(feed.articles).toHaveLength(1);
    expect(await db.db.article.count({ where: { url: 'http://example.org/dup' } })).toBe(1);
  });

  it('nothing half-written: every stored article has exactly one current story membership', async () => {
    const articles = await db.db.article.findMany({ select: { id: true, memberships: { where: { leftAt: null } } } });
    for (const article of articles) expect(article.memberships).toHaveLength(1);
  });
});
