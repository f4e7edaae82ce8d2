/** The fetch and feeds commands as a user runs them: JSON on stdout only, exit codes, one-line errors. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { freshSqliteUrl } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
const env = () => ({ DATABASE_URL: freshSqliteUrl(), NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_DELAY_MS: '0' });

beforeAll(async () => {
  server = await startTestServer();
  const feed = readFileSync('test/fixtures/pipeline/en-feed.atom', 'utf8').replaceAll('HOST', server.origin.slice(7));
  server.route('/en/feed.atom', { body: feed, contentType: 'application/atom+xml' });
  server.route('/en/twitter-worker-speaks.html', {
    body: readFileSync('test/fixtures/pipeline/en-twitter-worker-speaks.html', 'utf8'), contentType: 'text/html',
  });
  server.route('/gone.xml', { status: 404 });
});
afterAll(() => server.close());

function writeConfig(name: string, config: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('newsdesk fetch', { timeout: 90_000 }, () => {
  it('--json prints one JSON object with a status per feed, and exit code 1 when a feed failed', async () => {
    const config = writeConfig('feeds.json', {
      feeds: [
        { name: 'Test Tech', url: server.url('/en/feed.atom'), language: 'en' },
        { name: 'Gone', url: server.url('/gone.xml') },
      ],
    });
    const result = await runCli(['fetch', '--config', config, '--json'], { env: env() });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.feeds).toEqual([
      expect.objectContaining({ name: 'Test Tech', status: 'ok', newArticles: 2, error: null }),
      expect.objectContaining({ name: 'Gone', status: 'failed', newArticles: 0, error: expect.stringContaining('404') }),
    ]);
    expect(result.stderr).toContain('Gone: failed');
  });

  it('exits 0 when every feed is fine, and prints a summary table when not --json', async () => {
    const config = writeConfig('ok.json', { feeds: [{ name: 'Test Tech', url: server.url('/en/feed.atom') }] });
    const result = await runCli(['fetch', '--config', config], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Test Tech\s+ok\s+2/);
  });

  it('a bad config is one clear line and exit code 2, never a stack trace', async () => {
    const config = writeConfig('bad.json', { feeds: [{ name: 'x', url: 'not a url', colour: 'red' }] });
    const result = await runCli(['fetch', '--config', config], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('feed "x" (feeds[0]): url:');
    expect(result.stderr).toContain('unknown key "colour"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing config file and an unknown option are usage errors', async () => {
    expect((await runCli(['fetch', '--config', join(dir, 'nope.json')], { env: env() })).code).toBe(2);
    expect((await runCli(['fetch', '--frobnicate'], { env: env() })).code).toBe(2);
  });
});

describe('newsdesk feeds', { timeout: 90_000 }, () => {
  it('lists health as JSON after a fetch', async () => {
    const config = writeConfig('health.json', {
      feeds: [{ name: 'Test Tech', url: server.url('/en/feed.atom') }, { name: 'Gone', url: server.url('/gone.xml') }],
    });
    const shared = env();
    await runCli(['fetch', '--config', config], { env: shared });
    const result = await runCli(['feeds', '--config', config, '--json'], { env: shared });
    expect(result.code).toBe(0);
    const feeds = JSON.parse(result.stdout) as { name: string; consecutiveFailures: number; stale: boolean; articlesLast24h: number }[];
    expect(feeds.find((f) => f.name === 'Gone')).toMatchObject({ consecutiveFailures: 1, stale: true });
    expect(feeds.find((f) => f.name === 'Test Tech')).toMatchObject({ consecutiveFailures: 0, stale: false, articlesLast24h: 2 });
  });
});
