import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport, type ExportFormat } from '../../src/export/write-export.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { exportArticles, exportStories, type ArticleFilter } from '../../src/store/export-rows.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';
import { fixtures, seed, type Seeded } from '../query/seed.ts';

const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true });
const validArticle = ajv.compile(schema('export-article'));
const validStory = ajv.compile(schema('export-story'));

const query = (text: string) => {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.query;
};

describe.each(providers)('export on %s', (provider) => {
  let database: TestDatabase;
  let seeded: Seeded;
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-export-'));
  let n = 0;

  async function exportText(what: 'articles' | 'stories', filter: ArticleFilter, format: ExportFormat = 'ndjson') {
    const path = join(dir, `export-${(n += 1)}.${format}`);
    const rows = what === 'articles' ? exportArticles(database.db, filter) : exportStories(database.db, filter);
    await writeExport(rows as AsyncIterable<Record<string, unknown>>, format, { path });
    return readFileSync(path, 'utf8');
  }
  const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const key = (id: number) => [...seeded.articles].find(([, value]) => value === id)![0];

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    seeded = await seed(database.db);
  });
  afterAll(async () => database?.drop());

  it('writes articles that validate against schemas/export-article.schema.json', async () => {
    const records = lines(await exportText('articles', {}));
    expect(records).toHaveLength(fixtures.length);
    for (const record of records) expect(validArticle(record), ajv.errorsText(validArticle.errors)).toBe(true);
    const first = records.find((r) => r.url === 'https://news.example.de/twitter-mitarbeiter-trump');
    expect(first).toMatchObject({
      source: 'heise online', language: 'de', published: '2017-11-03T09:00:00.000Z', storyId: seeded.stories.get('trump-account'),
      entities: [{ name: 'Donald Trump', type: 'person' }, { name: 'Twitter', type: 'organization' }, { name: '@realDonaldTrump', type: 'account' }],
    });
    const asJson = JSON.parse(await exportText('articles', {}, 'json'));
    expect(asJson).toEqual(records);
  });

  it('writes stories that validate against schemas/export-story.schema.json', async () => {
    const records = lines(await exportText('stories', {}));
    expect(records).toHaveLength(seeded.stories.size);
    for (const record of records) expect(validStory(record), ajv.errorsText(validStory.errors)).toBe(true);
    const trump = records.find((r) => r.id === seeded.stories.get('trump-account'));
    expect(trump.articleIds).toEqual(['de-mitarbeiter', 'de-interview', 'en-employee'].map((k) => seeded.articles.get(k)).sort((a, b) => a! - b!));
  });

  it('has schemas that reject a broken record', () => {
    expect(validArticle({ id: 1, url: 'u', source: 's', title: 't', language: 'fr', published: null, fetchedAt: '2017-11-03T09:00:00.000Z', storyId: null, entities: [] })).toBe(false);
    expect(validArticle({ id: 1, url: 'u', source: 's', title: 't', language: 'de', published: '2017-11-03', fetchedAt: '2017-11-03T09:00:00.000Z', storyId: null, entities: [] })).toBe(false);
    expect(validStory({ id: 1, title: 't', languages: ['de'], firstSeen: '2017-11-03T09:00:00.000Z', lastSeen: '2017-11-03T09:00:00.000Z', articleCount: 1, sources: [], entities: [] })).toBe(false);
  });

  it('filters with the query language', async () => {
    const records = lines(await exportText('articles', { query: query('Trump lang:de') }));
    expect(records.map((r) => key(r.id)).sort()).toEqual(['de-interview', 'de-mitarbeiter']);
    const stories = lines(await exportText('stories', { query: query('Überwachung OR Senate') }));
    expect(stories.map((s) => s.id).sort()).toEqual([seeded.stories.get('tax'), seeded.stories.get('surveillance')].sort());
  });

  it('reproduces an --as-of snapshot after articles arrive and stories change', async () => {
    const asOf = new Date('2017-11-20T00:00:00Z');
    const articlesBefore = await exportText('articles', { asOf });
    const storiesBefore = await exportText('stories', { asOf });
    expect(lines(articlesBefore).map((r) => key(r.id)).sort()).toEqual(['de-datenschutz', 'de-mitarbeiter', 'en-employee', 'en-twitter-chars']);
    expect(lines(storiesBefore).find((s) => s.id === seeded.stories.get('trump-account'))).toMatchObject({
      articleCount: 2, languages: ['en', 'de'], lastSeen: '2017-11-03T09:00:00.000Z',
    });

    // Later: a researcher moves an article to another story, and a new article arrives.
    const moved = seeded.articles.get('en-employee')!;
    const later = new Date('2017-11-25T00:00:00Z');
    await database.db.storyMember.updateMany({ where: { articleId: moved, leftAt: null }, data: { leftAt: later } });
    await database.db.storyMember.create({ data: { storyId: seeded.stories.get('chars')!, articleId: moved, joinedAt: later } });
    const late = await seed(database.db, [{ ...fixtures[0]!, key: 'late', url: 'https://late.example.com/a', fetchedAt: '2017-11-26T00:00:00.000Z', story: 'late' }]);
    seeded.articles.set('late', late.articles.get('late')!);

    expect(await exportText('articles', { asOf })).toBe(articlesBefore);
    expect(await exportText('stories', { asOf })).toBe(storiesBefore);
    const now = lines(await exportText('articles', { asOf: new Date('2017-11-26T00:00:00Z') }));
    expect(now.map((r) => key(r.id)).sort()).toEqual(['de-datenschutz', 'de-mitarbeiter', 'en-employee', 'en-twitter-chars', 'late']);
    expect(now.find((r) => r.id === moved).storyId).toBe(seeded.stories.get('chars'));
  });

  it('writes CSV with a header and quoted cells', async () => {
    const csv = await exportText('articles', { language: 'en' }, 'csv');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header!.split(',').slice(0, 9)).toEqual(['id', 'url', 'source', 'title', 'language', 'published', 'fetchedAt', 'storyId', 'entities']);
    expect(rows).toHaveLength(3);
    expect(csv).toContain('"[{""name"":""Donald Trump"",""type"":""person""}');
  });
});
