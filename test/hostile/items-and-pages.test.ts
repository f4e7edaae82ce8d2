/**
 * Hostile cases that need their own run: a feed with 10,000 items, and article pages that redirect to a
 * private address (pages are guarded; the feed itself may live anywhere, here on 127.0.0.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, isPrivateAddress } from '../../src/fetch/index.ts';
import { runFetch } from '../../src/pipeline/run-fetch.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';
import { expectReadable, hostileConfig } from './hostile-config.ts';
import { item, rss } from './hostile-server.ts';

let server: TestServer;
let db: TestDatabase;

beforeAll(async () => {
  server = await startTestServer();
  db = await createTestDatabase('sqlite');
});

afterAll(async () => {
  await db?.drop();
  await server?.close();
});

describe('a feed with 10,000 items', () => {
  it('is parsed whole and stored without stalling; old items beyond maxItemAgeDays are skipped', async () => {
    const recent = new Date(Date.now() - 3_600_000).toUTCString();
    const old = new Date(Date.now() - 400 * 86_400_000).toUTCString();
    const items = Array.from({ length: 10_000 }, (_, i) =>
      item(`http://example.org/many/${i}`, `Meldung ${i}: Telekom und Vodafone`, `<guid>many-${i}</guid><pubDate>${i < 20 ? recent : old}</pubDate>`));
    server.route('/many.xml', { body: rss(items.join(''), 'Viele'), contentType: 'application/rss+xml' });
    server.route('/ok.xml', { body: rss(item('http://example.org/ok', 'Daneben alles gut')), contentType: 'application/rss+xml' });
    const config = hostileConfig(
      [{ name: 'many', url: server.url('/many.xml'), fullText: false }, { name: 'beside', url: server.url('/ok.xml'), fullText: false }],
      { maxItemAgeDays: 30 },
    );
    const started = Date.now();
    const report = await runFetch(db.db, config);
    expect(Date.now() - started).toBeLessThan(45_000);
    const many = report.feeds.find((f) => f.name === 'many')!;
    expect(many).toMatchObject({ status: 'ok', items: 10_000, newArticles: 20 });
    expect(report.feeds.find((f) => f.name === 'beside')).toMatchObject({ status: 'ok', newArticles: 1 });
    const attempt = await db.db.fetchAttempt.findFirstOrThrow({ where: { feed: { name: 'many' } } });
    expect(attempt).toMatchObject({ status: 'ok', itemsSeen: 10_000, itemsNew: 20 });
  }, 60_000);
});

describe('article pages redirecting to a private address', () => {
  it('records the refusal on the article; the feed itself (on 127.0.0.1) is fetched', async () => {
    server.route('/pages.xml', {
      body: rss(item(server.url('/article-redirect'), 'Telekom: interne Seite') + item(server.url('/article-ok'), 'Vodafone: öffentliche Seite')),
      contentType: 'application/rss+xml',
    });
    server.route('/article-redirect', { redirect: 'http://10.255.255.1/intern' });
    server.route('/article-ok', {
      body: '<html lang="de"><body><article><h1>Vodafone</h1><p>Vodafone senkt die Preise für Glasfaseranschlüsse in München deutlich, teilte das Unternehmen am Montag mit.</p></article></body></html>',
      contentType: 'text/html; charset=utf-8',
    });
    const config = hostileConfig([{ name: 'pages', url: server.url('/pages.xml') }]);
    expect(config.settings.fetch.allowPrivateNetworks).toBe(false);
    // Pretend 127.0.0.1 is a public host, so the first hop to the page is allowed and the redirect is what is refused.
    const fetcher = createFetcher(
      { allowPrivateNetworks: false, perHostDelayMs: 0, totalTimeoutMs: 5000, connectTimeoutMs: 5000 },
      { isPrivateAddress: (address) => address !== '127.0.0.1' && isPrivateAddress(address) },
    );
    const report = await runFetch(db.db, config, { fetcher });
    expect(report.feeds[0]).toMatchObject({ status: 'ok', newArticles: 2 });
    const refused = await db.db.article.findUniqueOrThrow({ where: { url: server.url('/article-redirect') } });
    expect(refused.extractStatus).toBe('failed');
    expectReadable(refused.extractError);
    expect(refused.extractError).toMatch(/private address/);
    const fine = await db.db.article.findUniqueOrThrow({ where: { url: server.url('/article-ok') } });
    expect(fine.extractStatus).toBe('ok');
  }, 60_000);
});
