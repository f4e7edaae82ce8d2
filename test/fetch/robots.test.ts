import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, fetchFeed, fetchPage } from '../../src/fetch/index.ts';
import { createRobotsCache, MAX_CRAWL_DELAY_MS } from '../../src/fetch/robots.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

const ROBOTS = [
  'User-agent: *',
  'Disallow: /private/',
  '',
  'User-agent: newsdesk',
  'Disallow: /no-newsdesk/',
  'Allow: /',
].join('\n');

const page = { body: '<html><body><p>Text</p></body></html>', contentType: 'text/html; charset=utf-8' };
const fetcher = () => createFetcher({ perHostDelayMs: 0, allowPrivateNetworks: true });

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  for (const path of ['/news/1', '/news/2', '/no-newsdesk/3', '/private/4']) server.route(path, page);
});
afterEach(async () => {
  await server.close();
});

describe('robots.txt for article pages', () => {
  it('refuses a page disallowed for our user agent, without requesting it', async () => {
    server.route('/robots.txt', { body: ROBOTS, contentType: 'text/plain' });
    const result = await fetcher().get(server.url('/no-newsdesk/3'), { kind: 'page' });
    expect(result).toMatchObject({ status: 'failed', reason: 'robots' });
    expect(result.status === 'failed' && result.error).toBe(
      `disallowed by robots.txt (${server.url('/no-newsdesk/3')})`,
    );
    expect(server.count('/no-newsdesk/3')).toBe(0);
  });

  it('uses the group for our token, not the * group, when one exists', async () => {
    server.route('/robots.txt', { body: ROBOTS });
    const f = fetcher();
    expect(await f.allowedByRobots(server.url('/private/4'))).toBe(true);
    expect(await f.allowedByRobots(server.url('/no-newsdesk/3'))).toBe(false);
  });

  it('fetches robots.txt once per origin, also for concurrent page requests', async () => {
    server.route('/robots.txt', { body: ROBOTS, delayMs: 30 });
    const f = fetcher();
    const results = await Promise.all([
      f.get(server.url('/news/1'), { kind: 'page' }),
      f.get(server.url('/news/2'), { kind: 'page' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    await f.get(server.url('/news/1'), { kind: 'page' });
    expect(server.count('/robots.txt')).toBe(1);
  });

  it('fetches it again after a day, by the injected clock', async () => {
    server.route('/robots.txt', { body: ROBOTS });
    let now = new Date('2026-01-01T00:00:00Z');
    const f = createFetcher({ perHostDelayMs: 0, allowPrivateNetworks: true, now: () => now });
    await f.get(server.url('/news/1'), { kind: 'page' });
    now = new Date('2026-01-02T00:00:01Z');
    await f.get(server.url('/news/1'), { kind: 'page' });
    expect(server.count('/robots.txt')).toBe(2);
  });

  it('treats a missing robots.txt (404) as allow-all', async () => {
    const result = await fetcher().get(server.url('/private/4'), { kind: 'page' });
    expect(result.status).toBe('ok');
    expect(server.count('/robots.txt')).toBe(1);
  });

  it('treats a failing robots.txt (500, timeout) as allowed', async () => {
    server.route('/robots.txt', { status: 500 });
    expect((await fetcher().get(server.url('/news/1'), { kind: 'page' })).status).toBe('ok');
    server.route('/robots.txt', { hang: true });
    const f = createFetcher({ perHostDelayMs: 0, allowPrivateNetworks: true, totalTimeoutMs: 150 });
    expect(await f.allowedByRobots(server.url('/private/4'))).toBe(true);
  });

  it('does not apply robots.txt to feeds', async () => {
    server.route('/robots.txt', { body: 'User-agent: *\nDisallow: /' });
    server.route('/feed.xml', { body: '<rss/>' });
    expect((await fetcher().get(server.url('/feed.xml'), { kind: 'feed' })).status).toBe('ok');
    expect(server.count('/robots.txt')).toBe(0);
  });

  it('can be switched off', async () => {
    server.route('/robots.txt', { body: 'User-agent: *\nDisallow: /' });
    const f = createFetcher({ perHostDelayMs: 0, allowPrivateNetworks: true, respectRobotsTxt: false });
    expect((await f.get(server.url('/news/1'), { kind: 'page' })).status).toBe('ok');
    expect(server.count('/robots.txt')).toBe(0);
  });

  it('checks the robots.txt of the host a page redirects to', async () => {
    server.route('/robots.txt', { body: ROBOTS });
    server.route('/moved', { redirect: '/no-newsdesk/3' });
    const result = await fetcher().get(server.url('/moved'), { kind: 'page' });
    expect(result).toMatchObject({ status: 'failed', reason: 'robots' });
    expect(server.count('/no-newsdesk/3')).toBe(0);
  });

  it('applies to fetchPage but not to fetchFeed, which sends the feed’s validators', async () => {
    server.route('/robots.txt', { body: 'User-agent: *\nDisallow: /' });
    server.route('/feed.xml', { body: '<rss/>', etag: '"v2"' });
    const f = fetcher();
    expect(await fetchPage(f, server.url('/news/1'))).toMatchObject({ status: 'failed', reason: 'robots' });
    const feed = await fetchFeed(f, { url: server.url('/feed.xml'), etag: '"v2"', lastModified: null });
    expect(feed.status).toBe('not-modified');
    expect(server.count('/news/1')).toBe(0);
  });
});

describe('Crawl-delay', () => {
  const arrivals = (prefix: string) => server.requests.filter((r) => r.path.startsWith(prefix)).map((r) => r.at);

  it('spaces article pages on the host by the delay asked of our token', async () => {
    server.route('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 5\n\nUser-agent: newsdesk\nCrawl-delay: 0.2\nAllow: /' });
    const f = fetcher();
    const results = await Promise.all(['/news/1', '/news/2', '/private/4'].map((path) => f.get(server.url(path), { kind: 'page' })));
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    const pages = arrivals('/news/').concat(arrivals('/private/')).sort((a, b) => a - b);
    // 3 starts hold 2 gaps of 200 ms (our group's delay, not the * group's 5 s); only the ends carry socket jitter.
    expect((pages[2] ?? 0) - (pages[0] ?? 0)).toBeGreaterThanOrEqual(2 * 200 - 40);
    expect((pages[2] ?? 0) - (pages[0] ?? 0)).toBeLessThan(2_000);
  });

  it('does not hold feeds on that host to it', async () => {
    server.route('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 1' });
    for (const path of ['/a.xml', '/b.xml', '/c.xml']) server.route(path, { body: '<rss/>' });
    const f = fetcher();
    await f.get(server.url('/news/1'), { kind: 'page' });
    const started = Date.now();
    await Promise.all(['/a.xml', '/b.xml', '/c.xml'].map((path) => f.get(server.url(path), { kind: 'feed' })));
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('is capped, and absent or nonsense means none', async () => {
    const verdict = async (body: string) => {
      server.route('/robots.txt', { body });
      const f = createFetcher({ perHostDelayMs: 0, allowPrivateNetworks: true });
      const cache = createRobotsCache({ fetchRobots: (url) => f.get(url, { kind: 'page' }), agentToken: 'newsdesk', now: () => new Date() });
      return cache.check(new URL(server.url('/news/1')));
    };
    expect(await verdict('User-agent: *\nCrawl-delay: 86400')).toEqual({ allowed: true, crawlDelayMs: MAX_CRAWL_DELAY_MS });
    expect(await verdict('User-agent: *\nCrawl-delay: 1.5')).toEqual({ allowed: true, crawlDelayMs: 1500 });
    expect(await verdict('User-agent: *\nCrawl-delay: soon\nDisallow: /news/')).toEqual({ allowed: false, crawlDelayMs: 0 });
    expect(await verdict('User-agent: *\nDisallow:')).toEqual({ allowed: true, crawlDelayMs: 0 });
  });
});
