import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, type FetchResult } from '../../src/fetch/index.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Testfeed äöü</title></channel></rss>';
const fetcher = () =>
  createFetcher({ perHostDelayMs: 0, userAgent: 'newsdesk/9.9 (+https://example.org; test)' });

function expectStatus<S extends FetchResult['status']>(
  result: FetchResult,
  status: S,
): Extract<FetchResult, { status: S }> {
  expect(result.status, result.status === 'failed' ? result.error : undefined).toBe(status);
  return result as Extract<FetchResult, { status: S }>;
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('a plain 200', () => {
  it('returns the body, final URL, lowercased headers, content type and charset', async () => {
    server.route('/feed.xml', {
      body: FEED,
      contentType: 'Application/RSS+XML; Charset="ISO-8859-1"',
      headers: { 'X-Thing': 'yes' },
    });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'ok');
    expect(result.body.toString()).toBe(FEED);
    expect(result.bytes).toBe(Buffer.byteLength(FEED));
    expect(result.url).toBe(server.url('/feed.xml'));
    expect(result.httpStatus).toBe(200);
    expect(result.headers['x-thing']).toBe('yes');
    expect(result.contentType).toBe('application/rss+xml');
    expect(result.charset).toBe('iso-8859-1');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a clear User-Agent, an Accept for feeds and the encodings it can decode', async () => {
    server.route('/feed.xml', { body: FEED });
    await fetcher().get(server.url('/feed.xml'), { kind: 'feed' });
    const headers = server.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe('newsdesk/9.9 (+https://example.org; test)');
    expect(headers?.accept).toContain('application/rss+xml');
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.['if-none-match']).toBeUndefined();
  });

  it('defaults the User-Agent to newsdesk/<version> with a contact URL', async () => {
    server.route('/feed.xml', { body: FEED });
    await createFetcher({ perHostDelayMs: 0 }).get(server.url('/feed.xml'), { kind: 'feed' });
    expect(server.requests[0]?.headers['user-agent']).toMatch(
      /^newsdesk\/\d+\.\d+\.\d+ \(\+https:\/\/\S+; media monitoring\)$/,
    );
  });

  it('passes ISO-8859-1 bytes through untouched, gzip or not, for the parser to decode', async () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Grüße aus Köln, Straße</title></rss>',
      'latin1',
    );
    server.route('/latin1.xml', {
      body: latin1,
      contentType: 'text/xml; charset=ISO-8859-1',
      encoding: 'gzip',
    });
    const result = expectStatus(await fetcher().get(server.url('/latin1.xml'), { kind: 'feed' }), 'ok');
    expect(result.body.equals(latin1)).toBe(true);
    expect(result.charset).toBe('iso-8859-1');
  });

  it('reports Cache-Control max-age', async () => {
    server.route('/feed.xml', { body: FEED, headers: { 'cache-control': 'public, max-age=600' } });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'ok');
    expect(result.maxAgeSeconds).toBe(600);
  });
});

describe('conditional GET', () => {
  it('round-trips an ETag: 200 with the validator, then 304 not-modified', async () => {
    server.route('/feed.xml', { body: FEED, etag: '"abc-1"' });
    const f = fetcher();
    const first = expectStatus(await f.get(server.url('/feed.xml'), { kind: 'feed' }), 'ok');
    expect(first.etag).toBe('"abc-1"');
    const second = expectStatus(
      await f.get(server.url('/feed.xml'), { kind: 'feed', etag: first.etag }),
      'not-modified',
    );
    expect(server.requests[1]?.headers['if-none-match']).toBe('"abc-1"');
    expect(second.httpStatus).toBe(304);
    expect(second.etag).toBe('"abc-1"');
    expect(second.bytes).toBe(0);
  });

  it('round-trips Last-Modified via If-Modified-Since', async () => {
    const lastModified = 'Wed, 29 Nov 2017 18:05:00 GMT';
    server.route('/feed.xml', { body: FEED, lastModified });
    const f = fetcher();
    const first = expectStatus(await f.get(server.url('/feed.xml'), { kind: 'feed' }), 'ok');
    expect(first.lastModified).toBe(lastModified);
    const second = expectStatus(
      await f.get(server.url('/feed.xml'), { kind: 'feed', lastModified: first.lastModified }),
      'not-modified',
    );
    expect(server.requests[1]?.headers['if-modified-since']).toBe(lastModified);
    expect(second.lastModified).toBe(lastModified);
  });

  it('keeps the caller’s validators when a 304 omits them', async () => {
    server.route('/feed.xml', (_req, res) => void res.writeHead(304).end());
    const result = expectStatus(
      await fetcher().get(server.url('/feed.xml'), {
        kind: 'feed',
        etag: '"x"',
        lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      }),
      'not-modified',
    );
    expect(result.etag).toBe('"x"');
    expect(result.lastModified).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
  });
});

describe('content encodings', () => {
  const body = `${FEED}${'<!-- padding -->'.repeat(200)}`;
  it.each(['gzip', 'deflate', 'deflate-raw', 'br'] as const)('decodes %s', async (encoding) => {
    server.route('/feed.xml', { body, encoding });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'ok');
    expect(result.body.toString()).toBe(body);
    expect(result.bytes).toBe(Buffer.byteLength(body));
  });

  it('fails readably on a corrupt gzip body', async () => {
    server.route('/feed.xml', { body: 'this is not gzip at all', headers: { 'content-encoding': 'gzip' } });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'failed');
    expect(result.reason).toBe('decode');
    expect(result.error).toMatch(/^could not decompress body: /);
  });

  it('fails readably on an encoding it does not know', async () => {
    server.route('/feed.xml', { body: FEED, headers: { 'content-encoding': 'zstd' } });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'failed');
    expect(result.error).toBe('unsupported content-encoding "zstd"');
  });
});

describe('HTTP errors and Retry-After', () => {
  it('turns a 404 into a readable failure with the status', async () => {
    const result = expectStatus(await fetcher().get(server.url('/missing'), { kind: 'feed' }), 'failed');
    expect(result).toMatchObject({ reason: 'http', httpStatus: 404, error: 'HTTP 404 Not Found' });
    expect(result.retryAfterMs).toBeUndefined();
  });

  it('parses Retry-After in seconds on 429', async () => {
    server.route('/feed.xml', { status: 429, headers: { 'retry-after': '120' } });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'failed');
    expect(result).toMatchObject({
      httpStatus: 429,
      retryAfterMs: 120_000,
      error: 'HTTP 429 Too Many Requests (retry after 120 s)',
    });
  });

  it('parses Retry-After as an HTTP date on 503, against the injected clock', async () => {
    server.route('/feed.xml', { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:30:00 GMT' } });
    const now = () => new Date('2015-10-21T07:28:00Z');
    const result = expectStatus(
      await createFetcher({ perHostDelayMs: 0, now }).get(server.url('/feed.xml'), { kind: 'feed' }),
      'failed',
    );
    expect(result).toMatchObject({ httpStatus: 503, retryAfterMs: 120_000 });
  });

  it('fails on an invalid or non-HTTP URL without touching the network', async () => {
    const f = fetcher();
    expect(await f.get('not a url', { kind: 'feed' })).toMatchObject({
      status: 'failed',
      reason: 'invalid-url',
      error: 'invalid URL: not a url',
    });
    expect(await f.get('ftp://example.org/feed', { kind: 'feed' })).toMatchObject({
      status: 'failed',
      reason: 'invalid-url',
    });
  });

  it('reports a refused connection as one line naming the host', async () => {
    const port = server.port;
    await server.close();
    const result = expectStatus(
      await fetcher().get(`http://127.0.0.1:${port}/feed.xml`, { kind: 'feed' }),
      'failed',
    );
    expect(result).toMatchObject({ reason: 'network', error: `connection refused (127.0.0.1:${port})` });
    server = await startTestServer();
  });

  it('reports a body cut short as a network failure', async () => {
    server.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('only a little');
      setTimeout(() => res.destroy(), 20);
    });
    const result = expectStatus(await fetcher().get(server.url('/feed.xml'), { kind: 'feed' }), 'failed');
    expect(result.reason).toBe('network');
    expect(result.error).toMatch(/connection reset|aborted|closed/);
  });

  it('reports a TLS failure and a garbled response in one readable line', async () => {
    // Speaking TLS to a plain-HTTP port fails the handshake.
    const tls = expectStatus(
      await fetcher().get(`https://127.0.0.1:${server.port}/`, { kind: 'feed' }),
      'failed',
    );
    expect(tls.error).toMatch(new RegExp(`^TLS error \\(127\\.0\\.0\\.1:${server.port}\\): [^\\n]+$`));
    const raw = net.createServer((socket) => socket.once('data', () => socket.end('garbage\r\n\r\n')));
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const { port } = raw.address() as net.AddressInfo;
    const garbled = expectStatus(
      await fetcher().get(`http://127.0.0.1:${port}/`, { kind: 'feed' }),
      'failed',
    );
    raw.close();
    expect(garbled.error).toBe(`malformed HTTP response (127.0.0.1:${port})`);
  });
});
