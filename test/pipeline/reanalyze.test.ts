/**
 * `newsdesk reanalyze`: a researcher's corrections (or a changed list) reach the stored archive. The seed
 * scenario is imported, then re-analysed with a corrections file that ignores "Twitter", then with the
 * shipped lists again.
 */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEntityCorrections, type EntityCorrections } from '../../src/entities/index.ts';
import { importArticles } from '../../src/pipeline/import-articles.ts';
import { createIngestor } from '../../src/pipeline/ingest.ts';
import { reanalyzeEntities } from '../../src/pipeline/reanalyze.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';

const FIXTURE = 'test/fixtures/stories/seed-scenario.jsonl';
const now = () => new Date('2017-12-01T07:00:00Z');

function corrections(json: unknown): EntityCorrections {
  const parsed = parseEntityCorrections(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.corrections;
}

describe.each(providers)('reanalyze on %s', (provider) => {
  let db: TestDatabase;
  const mentionsOf = (key: string) => db.db.mention.count({ where: { entity: { key } } });

  beforeEach(async () => {
    db = await createTestDatabase(provider);
    await importArticles(createReadStream(FIXTURE), createIngestor(db.db, { clusterWindowHours: 72 }), now);
  });
  afterEach(() => db.drop());

  it('rewrites the mentions a correction changes, removes entities left unnamed, and changes nothing twice', async () => {
    const twitter = await mentionsOf('organization:twitter');
    const trump = await mentionsOf('person:donald trump');
    const rows = await db.db.mention.count();
    expect(twitter).toBeGreaterThan(0);

    const ignoring = corrections({ ignore: ['Twitter'] });
    const first = await reanalyzeEntities(db.db, { corrections: ignoring });
    expect(first).toEqual({ articles: 11, changed: twitter, entitiesRemoved: 1 });
    expect(await db.db.entity.findUnique({ where: { key: 'organization:twitter' } })).toBeNull();
    expect(await mentionsOf('person:donald trump')).toBe(trump);
    expect(await db.db.mention.count()).toBe(rows - twitter);

    expect(await reanalyzeEntities(db.db, { corrections: ignoring })).toEqual({ articles: 11, changed: 0, entitiesRemoved: 0 });

    // the shipped lists again: Twitter comes back, in the same articles
    expect(await reanalyzeEntities(db.db)).toEqual({ articles: 11, changed: twitter, entitiesRemoved: 0 });
    expect(await mentionsOf('organization:twitter')).toBe(twitter);
    expect(await db.db.mention.count()).toBe(rows);
  });

  it('reads only the articles since the time given', async () => {
    const since = new Date('2017-11-28T00:00:00Z');
    const inRange = await db.db.article.count({ where: { publishedAt: { gte: since } } });
    expect(inRange).toBeGreaterThan(0);
    expect(inRange).toBeLessThan(11);
    expect((await reanalyzeEntities(db.db, { since })).articles).toBe(inRange);
  });
});

describe('newsdesk reanalyze', () => {
  it('applies the configured corrections file and prints the summary as JSON', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase('sqlite');
    try {
      await importArticles(createReadStream(FIXTURE), createIngestor(db.db, { clusterWindowHours: 72 }), now);
      const dir = mkdtempSync(join(tmpdir(), 'newsdesk-reanalyze-'));
      writeFileSync(join(dir, 'corrections.json'), JSON.stringify({ ignore: ['Twitter'] }));
      writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ settings: { entityCorrections: 'corrections.json' }, feeds: [] }));
      const env = { DATABASE_URL: db.url };
      const run = await runCli(['reanalyze', '--config', join(dir, 'feeds.json'), '--json'], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ articles: 11, entitiesRemoved: 1 });
      const again = await runCli(['reanalyze', '--config', join(dir, 'feeds.json')], { env });
      expect(again.stderr).toContain('re-analysed 11 articles: 0 with changed entities');
    } finally {
      await db.drop();
    }
  });
});
