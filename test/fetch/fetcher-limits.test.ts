import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, type FetcherOptions, type FetchResult } from '../../src/fetch/index.ts';
import { startSilentServer, startTestServer, type TestServer } from '../helpers/http-server.ts';

const fetcher = (options: FetcherOptions = {}) => createFetcher({ perHostDelayMs: 0, ...options });

function failure(result: FetchResult) {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  return result;
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('redirects', () => {
  function chain(length: number): void {
    for (let i = 0; i < length; i += 1)
      server.route(`/r${i}`, { redirect: `/r${i + 1}`, status: i % 2 === 0 ? 301 : 302 });
    server.route(`/r${length}`, { body: 'arrived' });
  }

  it('follows a chain of 5 and reports the final URL', async () => {
    chain(5);
    const result = await fetcher().get(server.url('/r0'), { kind: 'feed' });
    expect(result).toMatchObject({ status: 'ok', url: server.url('/r5') });
    expect(server.requests.map((r) => r.path)).toEqual(['/r0', '/r1', '/r2', '/r3', '/r4', '/r5']);
  });

  it('fails on the 6th redirect without fetching its target', async () => {
    chain(6);
    const result = failure(await fetcher().get(server.url('/r0'), { kind: 'feed' }));
    expect(result).toMatchObject({ reason: 'redirect', error: 'too many redirects (more than 5)' });
    expect(server.count('/r6')).toBe(0);
  });

  it('names a redirect loop', async () => {
    server.route('/a', { redirect: '/b' });
    server.route('/b', { redirect: server.url('/a') });
    const result = failure(await fetcher().get(server.url('/a'), { kind: 'feed' }));
    expect(result.error).toBe(`redirect loop: ${server.url('/b')} → ${server.url('/a')}`);
    expect(server.requests).toHaveLength(2);
  });

  it('fails readably on a redirect without Location and on one to another scheme', async () => {
    server.route('/nowhere', { status: 302 });
    server.route('/ftp', { redirect: 'ftp://example.org/feed' });
    expect(failure(await fetcher().get(server.url('/nowhere'), { kind: 'feed' })).error).toBe(
      'HTTP 302 without a Location header',
    );
    expect(failure(await fetcher().get(server.url('/ftp'), { kind: 'feed' })).error).toBe(
      'redirect to unsupported scheme ftp:',
    );
  });
});

describe('timeouts', () => {
  it('ends a response that trickles one byte at a time at the total timeout', async () => {
    server.route('/slow', { body: 'x'.repeat(1000), trickle: { intervalMs: 20 } });
    const started = performance.now();
    const result = failure(await fetcher({ totalTimeoutMs: 300 }).get(server.url('/slow'), { kind: 'feed' }));
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ reason: 'timeout', error: 'no complete response within 300 ms' });
    expect(result.bytes).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(2000);
  });

  it('ends a request the server accepts but never answers', async () => {
    server.route('/hang', { hang: true });
    const result = failure(await fetcher({ totalTimeoutMs: 200 }).get(server.url('/hang'), { kind: 'feed' }));
    expect(result.reason).toBe('timeout');
  });

  it('applies the connect timeout to a TLS handshake that never completes', async () => {
    const silent = await startSilentServer();
    try {
      const f = fetcher({ connectTimeoutMs: 150, totalTimeoutMs: 5000 });
      const result = failure(await f.get(`https://127.0.0.1:${silent.port}/feed.xml`, { kind: 'feed' }));
      expect(result).toMatchObject({
        reason: 'connect-timeout',
        error: `could not connect to 127.0.0.1:${silent.port} within 150 ms`,
      });
      expect(result.durationMs).toBeLessThan(2000);
    } finally {
      await silent.close();
    }
  });
});

describe('size caps', () => {
  it('aborts a 50 MB chunked body early at the cap', async () => {
    server.route('/huge', { generateBytes: 50 * 1024 * 1024 });
    const result = failure(
      await fetcher({ maxBytes: 1024 * 1024 }).get(server.url('/huge'), { kind: 'feed' }),
    );
    expect(result).toMatchObject({ reason: 'too-large', error: 'body larger than the 1 MB limit' });
    expect(result.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses a declared 50 MB Content-Length before reading it', async () => {
    server.route('/huge', { generateBytes: 50 * 1024 * 1024, declareLength: true });
    const result = failure(await fetcher().get(server.url('/huge'), { kind: 'feed' }));
    expect(result.error).toBe('body of 50 MB is larger than the 10 MB limit');
    expect(result.bytes).toBe(0);
  });

  it('stops a gzip bomb at the decompressed cap with a readable reason', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    server.route('/bomb', { body: bomb, headers: { 'content-encoding': 'gzip' } });
    const result = failure(
      await fetcher({ maxBytes: 2 * 1024 * 1024 }).get(server.url('/bomb'), { kind: 'feed' }),
    );
    expect(result.reason).toBe('too-large');
    expect(result.error).toMatch(
      /^decompressed body \(from [\d.]+ KB on the wire\) larger than the 2 MB limit$/,
    );
  });
});

describe('abort signal', () => {
  it('aborts a request in flight', async () => {
    server.route('/hang', { hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = failure(
      await fetcher().get(server.url('/hang'), { kind: 'feed', signal: controller.signal }),
    );
    expect(result).toMatchObject({ reason: 'aborted', error: 'aborted' });
  });

  it('aborts while a body is streaming', async () => {
    const controller = new AbortController();
    // Headers and a first chunk, then nothing: only the abort can end this before the 30 s budget.
    server.route('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss>', () => setTimeout(() => controller.abort(), 100));
    });
    const started = performance.now();
    const result = failure(
      await fetcher().get(server.url('/slow'), { kind: 'feed', signal: controller.signal }),
    );
    expect(result).toMatchObject({ reason: 'aborted', error: 'aborted' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('does not send anything when already aborted', async () => {
    server.route('/feed.xml', { body: 'x' });
    const result = failure(
      await fetcher().get(server.url('/feed.xml'), { kind: 'feed', signal: AbortSignal.abort() }),
    );
    expect(result.reason).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('leaves the per-host queue when aborted while waiting', async () => {
    server.route('/hang', { hang: true });
    server.route('/feed.xml', { body: 'x' });
    const f = fetcher({ perHostConcurrency: 1, totalTimeoutMs: 300 });
    const first = f.get(server.url('/hang'), { kind: 'feed' });
    const queued = f.get(server.url('/feed.xml'), { kind: 'feed', signal: AbortSignal.timeout(50) });
    expect(failure(await queued).reason).toBe('aborted');
    expect(failure(await first).reason).toBe('timeout');
    expect(server.count('/feed.xml')).toBe(0);
  });
});
