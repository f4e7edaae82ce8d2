/**
 * End to end through the fetch pipeline: feeds and article pages served from 127.0.0.1, a real
 * migrated database, the real fetcher, parser, extractor and analysis.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { checkConfig, type Config } from '../../src/config/check.ts';
import { checkEnv } from '../../src/config/env.ts';
import { runFetch } from '../../src/pipeline/run-fetch.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/pipeline/${name}`);

let server: TestServer;

function withHost(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replaceAll('HOST', server.origin.replace('http://', '')), 'latin1');
}

function config(feeds: unknown[]): Config {
  const env = checkEnv({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_DELAY_MS: '0' });
  if (!env.ok) throw new Error('env');
  const checked = checkConfig({ feeds }, env.env);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

beforeAll(async () => {
  server = await startTestServer();
  server.route('/de/feed.xml', {
    body: withHost(fixture('de-feed.xml')), contentType: 'application/rss+xml', etag: '"de-v1"', encoding: 'gzip',
  });
  server.route('/en/feed.atom', {
    body: withHost(fixture('en-feed.atom')), contentType: 'application/atom+xml; charset=utf-8',
    lastModified: 'Fri, 01 Dec 2017 12:00:00 GMT',
  });
  server.route('/de/twitter-mitarbeiter-interview.html', {
    body: withHost(fixture('de-twitter-mitarbeiter-interview.html')), contentType: 'text/html; charset=utf-8',
  });
  server.route('/en/twitter-worker-speaks.html', {
    body: withHost(fixture('en-twitter-worker-speaks.html')), contentType: 'text/html',
  });
  server.route('/de/glasfaser.html', { body: fixture('de-glasfaser.html'), contentType: 'text/html; charset=utf-8' });
  server.route('/broken.xml', { body: '<html><body>Not a feed</body></html>', contentType: 'text/html' });
  server.route('/down.xml', { status: 503, headers: { 'retry-after': '120' } });
});

afterAll(() => server.close());

describe.each(providers)('fetch pipeline on %s', (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(() => db.drop());

  const feeds = () => [
    { name: 'Testnachrichten', url: server.url('/de/feed.xml'), language: 'de', tags: ['tech'] },
    { name: 'Test Tech', url: server.url('/en/feed.atom'), language: 'en', tags: ['tech'] },
    { name: 'Broken', url: server.url('/broken.xml') },
    { name: 'Down', url: server.url('/down.xml') },
  ];

  it('stores articles with full text, language and feed links, and records failures per feed', async () => {
    const report = await runFetch(db.db, config(feeds()));
    const byName = Object.fromEntries(report.feeds.map((f) => [f.name, f]));
    // The German interview is carried by both feeds: whichever stores it first counts it as new.
    expect(byName['Testnachrichten']).toMatchObject({ status: 'ok', invalidItems: 1 });
    expect(byName['Test Tech']).toMatchObject({ status: 'ok' });
    expect(byName['Testnachrichten']!.newArticles + byName['Test Tech']!.newArticles).toBe(3);
    expect(byName['Testnachrichten']!.newArticles).toBeGreaterThanOrEqual(1);
    expect(byName['Broken']!.status).toBe('failed');
    expect(byName['Broken']!.error).toMatch(/not a feed/);
    expect(byName['Down']).toMatchObject({ status: 'failed', httpStatus: 503 });
    expect(report.failedFeeds).toBe(2);

    const articles = await db.db.article.findMany({ orderBy: { url: 'asc' }, include: { feeds: true } });
    expect(articles.map((a) => a.url.replace(server.origin, ''))).toEqual([
      '/de/glasfaser.html',
      '/de/twitter-mitarbeiter-interview.html',
      '/en/twitter-worker-speaks.html',
    ]);
    const german = articles[1]!;
    expect(german.title).toBe('Der Twitter-Mitarbeiter, der Trump kurzzeitig offline stellte, gibt ein Interview');
    expect(german.publishedAt?.toISOString()).toBe('2017-12-01T09:15:00.000Z');
    expect(german.extractStatus).toBe('ok');
    expect(german.bodyText).toContain('Bahtiyar Duysak hat an seinem letzten Arbeitstag');
    expect(german.bodyText).not.toContain('Google News');
    expect(german.bodyText).not.toContain('Cookies');
    expect(german.feeds).toHaveLength(2); // carried by both feeds: one article, two links
    expect(articles[0]!.title).toBe('Größte Übernahme: Stromversorger kauft Glasfasernetz');
    expect(german.language).toBe('de');
    expect(articles[2]!.language).toBe('en');
    const mentions = await db.db.mention.findMany({ where: { articleId: german.id }, include: { entity: true } });
    const linked = new Set(mentions.map((m) => `${m.entity.type}:${m.entity.name}`));
    expect([...linked]).toEqual(expect.arrayContaining([
      'person:Bahtiyar Duysak', 'person:Donald Trump', 'organization:Twitter', 'account:@realDonaldTrump',
    ]));
    // One row per entity, with the first mention's surface and how many there are: "Duysak" alone, later in
    // the text, is the same person (an alias of the entity, counted in its row).
    const duysak = mentions.find((m) => m.entity.name === 'Bahtiyar Duysak')!;
    expect(duysak.surface).toBe('Bahtiyar Duysak');
    expect(duysak.count).toBeGreaterThanOrEqual(2);
    expect(mentions.filter((m) => m.entity.name === 'Bahtiyar Duysak')).toHaveLength(1);
    const aliases = await db.db.entityAlias.findMany({ where: { entityId: duysak.entityId }, select: { alias: true } });
    expect(aliases.map((a) => a.alias)).toContain('Duysak');
    const account = await db.db.entity.findFirstOrThrow({ where: { name: '@realDonaldTrump' }, include: { owner: true } });
    expect(account.owner?.name).toBe('Donald Trump');
    expect(articles[2]!.summary).not.toContain('alert');

    const down = await db.db.feed.findUniqueOrThrow({ where: { name: 'Down' } });
    expect(down.consecutiveFailures).toBe(1);
    expect(down.lastError).toMatch(/503/);
    expect(down.nextDueAt!.getTime() - Date.now()).toBeGreaterThanOrEqual(110_000);
    expect(await db.db.fetchAttempt.count()).toBe(4);
  });

  it('a second pass sends conditional requests and duplicates nothing', async () => {
    await runFetch(db.db, config(feeds()));
    const before = await db.db.article.count();
    const second = await runFetch(db.db, config(feeds()), { all: true });
    const byName = Object.fromEntries(second.feeds.map((f) => [f.name, f]));
    expect(byName['Testnachrichten']!.status).toBe('not-modified');
    expect(byName['Test Tech']!.status).toBe('not-modified');
    expect(await db.db.article.count()).toBe(before);
    expect(await db.db.feedArticle.count()).toBe(4);
    const last = server.requests.filter((r) => r.path === '/de/feed.xml').at(-1)!;
    expect(last.headers['if-none-match']).toBe('"de-v1"');
  });

  it('only due feeds are fetched unless asked for all', async () => {
    await runFetch(db.db, config(feeds()));
    const again = await runFetch(db.db, config(feeds()));
    expect(again.feeds).toEqual([]);
  });
});
