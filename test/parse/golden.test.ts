/**
 * Golden tests: every feed in test/fixtures/feeds/ is parsed and compared with the expected
 * JSON beside it (`<name>.json`, the parse-feed contract shape). Files named `not-a-feed-*`
 * must be rejected. To add a fixture: drop the feed in, run with NEWSDESK_WRITE_GOLDEN=1 to
 * write its JSON, then read that JSON and check it by eye before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/parse/index.ts';
import { toContractJson } from '../../src/parse/contract-json.ts';

const dir = join(import.meta.dirname, '../fixtures/feeds');
const feeds = readdirSync(dir).filter((f) => ['.xml', '.rss', '.atom', '.rdf'].includes(extname(f))).sort();
const write = process.env.NEWSDESK_WRITE_GOLDEN === '1';

describe('golden feeds', () => {
  it('has fixtures', () => {
    expect(feeds.length).toBeGreaterThan(20);
  });

  for (const file of feeds.filter((f) => !f.startsWith('not-a-feed-'))) {
    it(file, () => {
      const result = parseFeed(readFileSync(join(dir, file)));
      if (result.status !== 'ok') expect.fail(`${file}: ${result.error}`);
      const actual = JSON.parse(JSON.stringify(toContractJson(result.feed))) as unknown;
      const expectedPath = join(dir, `${basename(file, extname(file))}.json`);
      if (write && !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }

  for (const file of feeds.filter((f) => f.startsWith('not-a-feed-'))) {
    it(`${file} is rejected`, () => {
      const result = parseFeed(readFileSync(join(dir, file)));
      expect(result.status).toBe('failed');
    });
  }
});
