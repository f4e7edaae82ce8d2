/**
 * Ctrl-C during `newsdesk fetch`: the run stops taking work, lets what is in flight end, records the feed,
 * and leaves the database consistent (every stored article complete and in exactly one story).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqliteUrl } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

let server: TestServer;

function rss(items: { title: string; path: string }[]): string {
  const entries = items
    .map((item, i) => `<item><title>${item.title}</title><link>${server.url(item.path)}</link><guid>g${i}</guid>
      <pubDate>Thu, 30 Nov 2017 1${i}:00:00 GMT</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${server.url('/')}</link>${entries}</channel></rss>`;
}

beforeAll(async () => {
  server = await startTestServer();
  server.route('/feed.xml', {
    contentType: 'application/rss+xml',
    body: rss([
      { title: 'Twitter worker who deactivated Trump account speaks out', path: '/fast.html' },
      { title: 'A page that never answers', path: '/hang.html' },
    ]),
  });
  server.route('/fast.html', {
    contentType: 'text/html',
    body: '<html lang="en"><body><article><p>Bahtiyar Duysak said he deactivated the account of Donald Trump for eleven minutes on his last day at Twitter.</p></article></body></html>',
  });
  server.route('/hang.html', { hang: true });
});
afterAll(() => server.close());

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('Ctrl-C during newsdesk fetch', { timeout: 90_000 }, () => {
  it('stops cleanly and leaves the database consistent', async () => {
    const url = freshSqliteUrl();
    const path = url.slice('file:'.length);
    const config = join(mkdtempSync(join(tmpdir(), 'newsdesk-int-')), 'feeds.json');
    writeFileSync(config, JSON.stringify({ feeds: [{ name: 'Slow', url: server.url('/feed.xml'), language: 'en' }] }));
    const child = spawn('./bin/newsdesk', ['fetch', '--config', config, '--json'], {
      env: { ...process.env, DATABASE_URL: url, NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Interrupt once the fast article is stored and the second page hangs.
    for (let i = 0; i < 300 && count(path, 'SELECT count(*) AS n FROM "Article"') < 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    while (server.count('/hang.html') < 1) await new Promise((r) => setTimeout(r, 50));
    const interruptedAt = Date.now();
    child.kill('SIGINT');
    const code = await exited;
    expect(Date.now() - interruptedAt).toBeLessThan(15_000); // not the 30 s page timeout
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.aborted).toBe(true);
    expect(count(path, 'SELECT count(*) AS n FROM "Article"')).toBe(1);
    expect(count(path, `SELECT count(*) AS n FROM "Article" a WHERE
      (SELECT count(*) FROM "StoryMember" m WHERE m.articleId = a.id AND m.leftAt IS NULL) <> 1`)).toBe(0);
    expect(count(path, 'SELECT count(*) AS n FROM "FetchAttempt"')).toBe(1);
    expect(count(path, `SELECT count(*) AS n FROM "Story" s WHERE s.articleCount <>
      (SELECT count(*) FROM "StoryMember" m WHERE m.storyId = s.id AND m.leftAt IS NULL)`)).toBe(0);
  });
});
