import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.ts';
import { createHostLimiter } from '../../src/fetch/host-limiter.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('per-host concurrency', () => {
  it('never has more than 2 requests in flight to one host, measured by the server', async () => {
    for (let i = 0; i < 10; i += 1) server.route(`/feed${i}.xml`, { body: `feed ${i}`, delayMs: 60 });
    const f = createFetcher({ perHostDelayMs: 0 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => f.get(server.url(`/feed${i}.xml`), { kind: 'feed' })),
    );
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(2);
  });

  it('honours a configured limit of 1 and a higher one of 4', async () => {
    for (let i = 0; i < 8; i += 1) server.route(`/f${i}`, { body: 'x', delayMs: 100 });
    const urls = Array.from({ length: 8 }, (_, i) => server.url(`/f${i}`));
    await Promise.all(
      urls.map((u) => createFetcher({ perHostDelayMs: 0, perHostConcurrency: 1 }).get(u, { kind: 'feed' })),
    );
    expect(server.maxInFlight).toBeGreaterThan(1); // separate fetchers do not share limits
    const before = server.requests.length;
    const one = createFetcher({ perHostDelayMs: 0, perHostConcurrency: 1 });
    await Promise.all(urls.map((u) => one.get(u, { kind: 'feed' })));
    expect(Math.max(...server.requests.slice(before).map((r) => r.inFlight))).toBe(1);
    const four = createFetcher({ perHostDelayMs: 0, perHostConcurrency: 4 });
    const start = server.requests.length;
    await Promise.all(urls.map((u) => four.get(u, { kind: 'feed' })));
    expect(Math.max(...server.requests.slice(start).map((r) => r.inFlight))).toBe(4);
  });
});

describe('per-host delay', () => {
  it('grants slots to one host at least the configured delay apart', async () => {
    const limiter = createHostLimiter(2, 40);
    const grants: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const release = await limiter.acquire('feeds.example');
        grants.push(performance.now());
        release();
      }),
    );
    const gaps = grants.slice(1).map((at, i) => at - (grants[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(39.5);
  });

  it('spaces requests as the server sees them', async () => {
    for (let i = 0; i < 5; i += 1) server.route(`/feed${i}.xml`, { body: 'x' });
    const f = createFetcher({ perHostDelayMs: 100 });
    const urls = [0, 1, 2, 3, 4].map((i) => server.url(`/feed${i}.xml`));
    await Promise.all(urls.map((url) => f.get(url, { kind: 'feed' })));
    const arrivals = server.requests.map((r) => r.at);
    // The span of 5 arrivals holds 4 delays; only its two ends carry socket jitter.
    expect((arrivals[4] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(4 * 100 - 40);
  });

  it('waits the longer gap a request asks for (a Crawl-delay), then the usual delay again', async () => {
    const limiter = createHostLimiter(2, 20);
    const grants: number[] = [];
    for (const gap of [0, 150, 0]) {
      (await limiter.acquire('pages.example', undefined, gap))();
      grants.push(performance.now());
    }
    expect((grants[1] ?? 0) - (grants[0] ?? 0)).toBeGreaterThanOrEqual(149.5);
    expect((grants[2] ?? 0) - (grants[1] ?? 0)).toBeGreaterThanOrEqual(19.5);
    expect((grants[2] ?? 0) - (grants[1] ?? 0)).toBeLessThan(120);
  });

  it('keeps hosts independent: a slow queue on one host does not delay another', async () => {
    const limiter = createHostLimiter(1, 200);
    const releaseA = await limiter.acquire('a.example');
    releaseA();
    const started = Date.now();
    const releaseB = await limiter.acquire('b.example');
    expect(Date.now() - started).toBeLessThan(50);
    releaseB();
    const waitedFor = Date.now();
    (await limiter.acquire('A.EXAMPLE'))();
    expect(Date.now() - waitedFor).toBeGreaterThanOrEqual(150);
  });
});
