import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'test/fixtures/feeds');

function cli(args: string[], input?: string) {
  const run = spawnSync(join(root, 'bin/newsdesk'), args, { cwd: root, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each call starts a Node process; allow for a busy CI machine.
describe('newsdesk parse-feed', { timeout: 60_000 }, () => {
  it('prints the contract JSON for a feed file', () => {
    const { code, stdout } = cli(['parse-feed', join(fixtures, 'rss-parser-heise.atom'), '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { format: string; feed: Record<string, unknown>; items: Array<Record<string, unknown>> };
    expect(doc.format).toBe('atom');
    expect(Object.keys(doc.feed)).toEqual(['title', 'link', 'description', 'language', 'author', 'published', 'updated', 'image']);
    expect(Object.keys(doc.items[0]!)).toEqual(['id', 'link', 'title', 'summary', 'content', 'author', 'published', 'updated', 'categories', 'enclosures']);
    expect(doc.items[0]!.published).toBe('2016-02-01T16:22:00.000Z');
  });

  it('reads stdin with "-"', () => {
    const { code, stdout } = cli(['parse-feed', '-', '--json'], '<rss><channel><item><title>Grüße</title></item></channel></rss>');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'rss', items: [{ title: 'Grüße', published: null, categories: [] }] });
  });

  it('exits 1 with one line on stderr for a document that is not a feed', () => {
    const { code, stdout, stderr } = cli(['parse-feed', join(fixtures, 'not-a-feed-unrecognized.rss'), '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/not a feed/);
  });

  it('exits 1 with one line for a missing file', () => {
    const { code, stderr } = cli(['parse-feed', join(fixtures, 'no-such-file.xml'), '--json']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
