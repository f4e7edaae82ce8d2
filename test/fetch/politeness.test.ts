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
  it('starts requests to one host at least the configured delay apart', async () => {
    for (let i = 0; i < 5; i += 1) server.route(`/feed${i}.xml`, { body: 'x' });
    const f = createFetcher({ perHostDelayMs: 100 });
    // Warm up first: the very first request of a process is slow to arrive (lazy module loading),
    // which would shrink the first gap as the server sees it.
    await f.get(server.url('/feed0.xml'), { kind: 'feed' });
    const warm = server.requests.length;
    await Promise.all([1, 2, 3, 4].map((i) => f.get(server.url(`/feed${i}.xml`), { kind: 'feed' })));
    const arrivals = server.requests.slice(warm - 1).map((r) => r.at);
    const gaps = arrivals.slice(2).map((at, i) => at - (arrivals[i + 1] ?? 0));
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(75); // timer and socket jitter on a busy CI machine
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(60);
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
