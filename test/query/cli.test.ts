/** The commands end to end through bin/newsdesk, as the evaluation scripts and researchers call them. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { seed, type Seeded } from './seed.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/newsdesk', import.meta.url).pathname;

describe('query commands (CLI)', { timeout: 90_000 }, () => {
  let database: TestDatabase;
  let seeded: Seeded;
  const newsdesk = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(bin, args, { env: { ...process.env, DATABASE_URL: database.url, NO_COLOR: '1' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    seeded = await seed(database.db);
  });
  afterAll(async () => database?.drop());

  it('search --json prints the contract shape, best first', async () => {
    const { code, stdout } = await newsdesk('search', 'Mitarbeiter lang:de', '--json', '--limit', '2');
    expect(code).toBe(0);
    const hits = JSON.parse(stdout);
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      expect(Object.keys(hit)).toEqual(['id', 'url', 'title', 'source', 'language', 'published', 'storyId', 'score', 'snippet']);
      expect(hit.snippet).toMatch(/Mitarbeiter/);
      expect(hit.snippet).not.toMatch(/\u001b/);
    }
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
  });

  it('takes -word unquoted as the query\'s NOT, and still refuses a mistyped --option', async () => {
    const quoted = await newsdesk('search', 'Twitter -Trump', '--json');
    const unquoted = await newsdesk('search', 'Twitter', '-Trump', '--json');
    expect(unquoted.code).toBe(0);
    expect(unquoted.stdout).toBe(quoted.stdout);
    const hits = JSON.parse(unquoted.stdout) as { id: number }[];
    expect(hits.map((h) => h.id)).toEqual([seeded.articles.get('en-twitter-chars')]);
    const leading = await newsdesk('search', '-Trump', 'Twitter', '--json');
    expect(leading.stdout).toBe(quoted.stdout);
    const typo = await newsdesk('search', 'Twitter', '--limt', '3');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown option '--limt'");
  });

  it('a malformed query exits 2 with one line on stderr', async () => {
    const { code, stdout, stderr } = await newsdesk('search', 'Trump AND (Twitter', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining("missing ')' for '(' at column 11")]);
  });

  it('story ID prints why the articles were grouped in the words of its articles, each label once', async () => {
    const id = seeded.stories.get('trump-account')!;
    // as the clusterer stores them: folded names, stems and lexicon concepts
    await database.db.story.update({
      where: { id },
      data: {
        reasons: JSON.stringify({
          entities: ['trump', 'twitter', 'donald trump'],
          terms: ['twitter', 'safeguard', 'kundendien', 'deactivated', 'nothingsharesthis'],
        }),
      },
    });
    const { code, stdout, stderr } = await newsdesk('story', String(id));
    expect(code, stderr).toBe(0);
    // a stem or name none of the texts explains stays as it is
    expect(stdout.split('\n')).toContain(
      'Why grouped: Trump, Twitter, Donald Trump, safeguards, Kundendienstes, deactivated, nothingsharesthis',
    );
  });

  it('entity --json prints the contract shape', async () => {
    const { code, stdout } = await newsdesk('entity', 'donald trump', '--json');
    expect(code).toBe(0);
    const entity = JSON.parse(stdout);
    expect(entity).toMatchObject({ name: 'Donald Trump', type: 'person', aliases: ['Trump'], accounts: [], mentions: 4 });
    expect(entity.stories[0]).toMatchObject({ id: seeded.stories.get('trump-account'), articleCount: 3 });
    const missing = await newsdesk('entity', 'Nobody Known', '--json');
    expect(missing.code).toBe(1);
  });

  it('stories --entity finds an entity by any case or spelling of its name', async () => {
    const { code, stdout, stderr } = await newsdesk('stories', '--entity', 'donald trump', '--since', '2017-01-01', '--json');
    expect(code, stderr).toBe(0);
    expect((JSON.parse(stdout) as { id: number }[]).map((s) => s.id)).toContain(seeded.stories.get('trump-account'));
  });

  it('watch reports only what is new since the last run', async () => {
    expect((await newsdesk('watch', 'add', 'trump', 'entity:Trump')).code).toBe(0);
    const saved = JSON.parse((await newsdesk('watch', 'add', 'not-trump', 'Twitter', '-Trump', '--json')).stdout);
    expect(saved).toMatchObject({ name: 'not-trump', query: 'Twitter -Trump' });
    expect((await newsdesk('watch', 'remove', 'not-trump')).code).toBe(0);
    const first = JSON.parse((await newsdesk('watch', 'run', 'trump', '--json')).stdout);
    expect(first.hits).toHaveLength(4);
    const second = JSON.parse((await newsdesk('watch', 'run', 'trump', '--json')).stdout);
    expect(second).toMatchObject({ name: 'trump', query: 'entity:Trump', hits: [] });
    const listed = JSON.parse((await newsdesk('watch', 'list', '--json')).stdout);
    expect(listed).toEqual([expect.objectContaining({ name: 'trump', lastRunAt: second.until })]);
  });

  it('export --query --as-of --out writes the snapshot to a file', async () => {
    const out = `${database.url.slice('file:'.length)}.ndjson`;
    const { code } = await newsdesk('export', '--query', 'Trump OR Twitter', '--as-of', '2017-11-20T00:00:00Z', '--out', out);
    expect(code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const ids = ['de-mitarbeiter', 'en-employee', 'en-twitter-chars'].map((k) => seeded.articles.get(k));
    expect(rows.map((r) => r.id)).toEqual(ids);
  });
});
