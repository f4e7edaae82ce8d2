/**
 * `newsdesk import` killed with SIGKILL mid-way, then run again on the same SQLite file: nothing lost,
 * nothing duplicated, and story membership consistent (every article in exactly one current story, each
 * story's article count matching its current members).
 *
 * It pins two fixes: an article saved just before the kill gets its story on the re-run (the ingestor
 * assigns saved articles that have none), and a story's row is written in the same transaction as each
 * membership, so no story is left with members its row does not count.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { freshSqliteUrl } from '../helpers/db.ts';

const BIN = resolve('bin/newsdesk');
// Import stores articles in transactions of 200. Past 1,000 lines `newsdesk import` analyses on worker
// threads and saves on a writer thread while the main thread assigns the batch before: the second case
// kills it there.
const CASES = [
  { name: 'on the main thread', articles: 700, killAfter: 200 },
  { name: 'on the writer thread', articles: 1600, killAfter: 1000 },
];

function startImport(file: string, url: string, cwd: string) {
  const child = spawn(BIN, ['import', file, '--json'], { cwd, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return { child, exited };
}

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 15_000 });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('import killed with SIGKILL', () => {
  it.each(CASES)('saving $name, a re-run completes it: nothing lost, nothing duplicated, memberships consistent', async ({ articles: ARTICLES, killAfter }) => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-kill-'));
    const file = join(dir, 'big.jsonl');
    const articles = [...generateArticles({ count: ARTICLES, seed: 5, start: new Date('2026-02-01T00:00:00Z'), textChars: 800, perDay: 200 })];
    writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const url = freshSqliteUrl();
    const path = url.replace(/^file:/, '');

    const first = startImport(file, url, dir);
    await waitFor(() => count(path, 'SELECT count(*) AS n FROM "Article"') >= killAfter, 60_000);
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const before = count(path, 'SELECT count(*) AS n FROM "Article"');
    expect(before).toBeLessThan(ARTICLES);

    const second = await startImport(file, url, dir).exited;
    expect(second.code, second.stderr).toBe(0);
    const summary = JSON.parse(second.stdout) as { read: number; new: number; unchanged: number };
    expect(summary.read).toBe(ARTICLES);
    expect(summary.new + summary.unchanged).toBe(ARTICLES);

    expect(count(path, 'SELECT count(*) AS n FROM "Article"')).toBe(ARTICLES);
    expect(count(path, 'SELECT count(DISTINCT url) AS n FROM "Article"')).toBe(ARTICLES);
    // Every article in exactly one current story; that story exists and was not merged away; the killed
    // run's unflushed story rows are not left stale (their counts match the current members).
    const consistency = {
      articlesWithoutExactlyOneCurrentStory: count(path, `SELECT count(*) AS n FROM "Article" a WHERE
        (SELECT count(*) FROM "StoryMember" m WHERE m.articleId = a.id AND m.leftAt IS NULL) <> 1`),
      currentMembershipsInMissingOrMergedStories: count(path, `SELECT count(*) AS n FROM "StoryMember" m
        LEFT JOIN "Story" s ON s.id = m.storyId WHERE m.leftAt IS NULL AND (s.id IS NULL OR s.mergedIntoId IS NOT NULL)`),
      storiesWithStaleArticleCount: count(path, `SELECT count(*) AS n FROM "Story" s WHERE s.mergedIntoId IS NULL
        AND s.articleCount <> (SELECT count(*) FROM "StoryMember" m WHERE m.storyId = s.id AND m.leftAt IS NULL)`),
    };
    expect(consistency).toEqual({
      articlesWithoutExactlyOneCurrentStory: 0, currentMembershipsInMissingOrMergedStories: 0, storiesWithStaleArticleCount: 0,
    });
  }, 120_000);
});
