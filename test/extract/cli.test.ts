import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'test/fixtures/extract/german-news.html');
const URL = 'https://www.example.org/artikel/1';

function run(args: string[], input?: Buffer) {
  const result = spawnSync(join(root, 'bin/newsdesk'), args, { input, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('newsdesk extract', () => {
  it('echoes a --url that is not an absolute URL without failing', () => {
    const { code, stdout } = run(['extract', fixture, '--url', 'archive::page-17', '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.url).toBe('archive::page-17');
    expect(output.canonicalUrl).toBeNull();
  });

  const expected = JSON.parse(readFileSync(fixture.replace(/\.html$/, '.expected.json'), 'utf8'));

  it('reads a gzip-compressed file and prints the contract shape', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-extract-')), 'page.html.gz');
    writeFileSync(path, gzipSync(readFileSync(fixture)));
    const { code, stdout } = run(['extract', path, '--url', URL, '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['url', 'canonicalUrl', 'title', 'text', 'author', 'published', 'language', 'siteName']);
    expect(output).toEqual(expected);
  });

  it('reads stdin with -', () => {
    const { code, stdout } = run(['extract', '-', '--url', URL, '--json'], readFileSync(fixture));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).text).toBe(expected.text);
  });

  it('fails with one line on stderr for a missing file', () => {
    const missing = run(['extract', '/nonexistent/page.html', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
