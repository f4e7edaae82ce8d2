import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, isPrivateAddress } from '../../src/fetch/index.ts';
import { createFetcher as createFetcherWithInternals } from '../../src/fetch/fetcher.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.1.2.3',
    '::ffff:192.168.0.1',
    '::127.0.0.1',
    '64:ff9b::a00:1',
    '2002:c0a8:101::1',
    '[::1]',
    'not-an-ip',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.169.0.1',
    '169.255.0.1',
    '100.128.0.1',
    '2001:4860:4860::8888',
    '2a00:1450::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2600::1',
  ])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  server.route('/article', { body: '<html><body>Artikel</body></html>', contentType: 'text/html' });
});
afterEach(async () => {
  await server.close();
});

describe('article pages on private networks', () => {
  it('refuses a page on 127.0.0.1 without connecting', async () => {
    const result = await createFetcher({ perHostDelayMs: 0 }).get(server.url('/article'), { kind: 'page' });
    expect(result).toMatchObject({ status: 'failed', reason: 'private-address' });
    expect(result.status === 'failed' && result.error).toBe(
      'refused to fetch a page from private address 127.0.0.1; set allowPrivateNetworks to allow it',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a name that resolves to loopback, at connect time', async () => {
    const result = await createFetcher({ perHostDelayMs: 0 }).get(`http://localhost:${server.port}/article`, {
      kind: 'page',
    });
    expect(result).toMatchObject({ status: 'failed', reason: 'private-address' });
    expect(result.status === 'failed' && result.error).toMatch(
      /private address localhost \((127\.0\.0\.1|::1)\)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses IPv4 spelled oddly and IPv6 loopback literals', async () => {
    const f = createFetcher({ perHostDelayMs: 0 });
    for (const url of [
      `http://0x7f.1:${server.port}/article`,
      `http://2130706433:${server.port}/article`,
      `http://[::ffff:127.0.0.1]:${server.port}/`,
    ]) {
      expect(await f.get(url, { kind: 'page' }), url).toMatchObject({
        status: 'failed',
        reason: 'private-address',
      });
    }
    expect(server.requests).toHaveLength(0);
  });

  it('fetches the page when private networks are allowed', async () => {
    const result = await createFetcher({ perHostDelayMs: 0, allowPrivateNetworks: true }).get(
      server.url('/article'),
      { kind: 'page' },
    );
    expect(result.status).toBe('ok');
  });

  it('lets feeds (chosen by the user) live on any address', async () => {
    const result = await createFetcher({ perHostDelayMs: 0 }).get(server.url('/article'), { kind: 'feed' });
    expect(result.status).toBe('ok');
  });

  it('checks again after every redirect: an allowed host redirecting to a private one is refused', async () => {
    // Pretend 127.0.0.1 is a public host, so only the redirect target (127.0.0.2, loopback) is private.
    const f = createFetcherWithInternals(
      { perHostDelayMs: 0 },
      { isPrivateAddress: (a) => a !== '127.0.0.1' && isPrivateAddress(a) },
    );
    server.route('/go', { redirect: `http://127.0.0.2:${server.port}/article` });
    expect((await f.get(server.url('/article'), { kind: 'page' })).status).toBe('ok');
    const result = await f.get(server.url('/go'), { kind: 'page' });
    expect(result).toMatchObject({
      status: 'failed',
      reason: 'private-address',
      url: `http://127.0.0.2:${server.port}/article`,
    });
    expect(server.count('/go')).toBe(1);
  });
});
