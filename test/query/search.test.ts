import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.ts';
import { indexArticleText, reindexAll } from '../../src/store/search-index.ts';
import { searchArticles } from '../../src/store/search-articles.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';
import { seed, type Seeded } from './seed.ts';

const now = new Date('2017-12-01T00:00:00Z');

describe.each(providers)('search on %s', (provider) => {
  let database: TestDatabase;
  let seeded: Seeded;
  const keys = (hits: { id: number }[]) =>
    hits.map((hit) => [...seeded.articles].find(([, id]) => id === hit.id)?.[0]);
  const search = async (query: string, options: Parameters<typeof searchArticles>[2] = {}) =>
    keys(await searchArticles(database.db, query, { now, ...options }));

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    seeded = await seed(database.db);
  });
  afterAll(async () => database?.drop());

  it('finds inflected German forms from the base form and back', async () => {
    expect((await search('Mitarbeiter')).sort()).toEqual(['de-datenschutz', 'de-interview', 'de-mitarbeiter']);
    expect(await search('Mitarbeiters')).toContain('de-mitarbeiter');
  });

  it('finds inflected English forms', async () => {
    expect((await search('employees')).sort()).toEqual(['en-employee', 'en-twitter-chars']);
    expect(await search('deactivating')).toContain('en-employee');
  });

  it('ranks a title match above a body match', async () => {
    const hits = await search('Überwachung');
    expect(hits[0]).toBe('de-datenschutz');
    const twitter = await search('Twitter');
    expect(twitter.slice(0, 3)).not.toContain('de-interview');
  });

  it('matches exact phrases only in that order', async () => {
    expect(await search('"last day"')).toEqual(['en-employee']);
    expect(await search('"day last"')).toEqual([]);
  });

  it('combines AND, OR, NOT, -word and parentheses', async () => {
    expect((await search('Trump AND Twitter')).sort()).toEqual(['de-mitarbeiter', 'en-employee']);
    expect((await search('Trump -Twitter')).sort()).toEqual(['de-interview', 'en-tax']);
    expect((await search('Senate OR Überwachung')).sort()).toEqual(['de-datenschutz', 'en-tax']);
    expect((await search('(Senate OR characters) NOT tax')).sort()).toEqual(['en-twitter-chars']);
    expect((await search('NOT Trump')).sort()).toEqual(['de-datenschutz', 'en-twitter-chars']);
  });

  it('filters by fields', async () => {
    expect((await search('Trump lang:de')).sort()).toEqual(['de-interview', 'de-mitarbeiter']);
    expect(await search('source:heise')).toEqual(['de-mitarbeiter']);
    expect((await search('entity:"donald trump" since:2017-11-29')).sort()).toEqual(['de-interview', 'en-tax']);
    expect((await search('entity:Trump until:2017-11-02')).sort()).toEqual(['en-employee']);
    expect((await search('account:@realdonaldtrump')).sort()).toEqual(['de-mitarbeiter', 'en-employee']);
    expect((await search('type:organization -entity:Twitter'))).toEqual(['de-datenschutz']);
    expect((await search(`story:${seeded.stories.get('trump-account')} lang:en`))).toEqual(['en-employee']);
    expect((await search('since:2d', { now: new Date('2017-11-30T12:00:00Z') })).sort()).toEqual(['de-interview', 'en-tax']);
  });

  it('mixes fields and words under OR', async () => {
    expect((await search('source:verge OR Senate')).sort()).toEqual(['en-tax', 'en-twitter-chars']);
  });

  it('sorts by date on request', async () => {
    expect(await search('Trump', { sort: 'date' })).toEqual(['de-interview', 'en-tax', 'de-mitarbeiter', 'en-employee']);
    // Enough hits among the newest articles: the walk over the date index answers (SQLite), same order.
    expect(await search('Trump', { sort: 'date', limit: 2 })).toEqual(['de-interview', 'en-tax']);
    expect(await search('Twitter', { sort: 'date', limit: 1 })).toEqual(['en-twitter-chars']);
  });

  it('ranks a huge match set only among the newest articles, and all matches when too few are there', async () => {
    const newest = (await search('since:2000-01-01', { sort: 'date' })).slice(0, 4);
    const full = await search('Trump');
    const huge = { hugeMatchSet: 1, recentWindow: 4 };
    expect(await search('Trump', { limit: 2, limits: huge })).toEqual(full.filter((key) => newest.includes(key)).slice(0, 2));
    // The newest article alone holds fewer than `limit` matches: the ranking covers every match again.
    expect(await search('Trump', { limit: 2, limits: { hugeMatchSet: 1, recentWindow: 1 } })).toEqual(full.slice(0, 2));
    expect(await search('Trump', { limits: { hugeMatchSet: full.length, recentWindow: 1 } })).toEqual(full);
    // Conditions and since:/until: apply within the window and in the exact fallback alike.
    for (const query of ['Trump lang:de', 'Trump since:2017-11-29', 'Trump -Twitter until:2017-12-01', 'Twitter source:heise']) {
      const all = await search(query);
      const windowed = await search(query, { limit: 1, limits: huge });
      expect(windowed).toHaveLength(Math.min(1, all.length));
      expect(all).toContain(windowed[0] ?? all[0]);
      expect(await search(query, { limits: { hugeMatchSet: 1, recentWindow: 1 } })).toEqual(all);
    }
  });

  it('finds the same newest articles by walking the date index as by the full query', async () => {
    const queries = ['entity:Trump', 'lang:de', 'NOT Trump', 'source:heise OR lang:en', 'account:@realdonaldtrump', 'type:organization'];
    for (const query of queries) {
      const all = await search(query, { limit: 3 });
      for (const newestWindow of [1, 2, 3, 5, 6]) expect(await search(query, { limit: 3, limits: { newestWindow } })).toEqual(all);
      expect(await search(query, { limit: 1, limits: { newestWindow: 2 } })).toEqual(all.slice(0, 1));
    }
  });

  it('returns the contract fields with a snippet around the match', async () => {
    const [hit] = await searchArticles(database.db, 'Schutzmaßnahmen', { now });
    expect(hit).toMatchObject({ url: 'https://news.example.de/twitter-mitarbeiter-trump', source: 'heise online', language: 'de' });
    expect(hit!.storyId).toBe(seeded.stories.get('trump-account'));
    expect(hit!.score).toBeGreaterThan(0);
    const { text, highlights } = hit!.snippet;
    expect(highlights.map(([a, b]) => text.slice(a, b))).toEqual(['Schutzmaßnahmen']);
  });

  it('honours limit and the fetched window', async () => {
    expect(await search('Trump', { limit: 2 })).toHaveLength(2);
    const since = new Date('2017-11-29T00:00:00Z');
    expect((await search('Trump', { fetchedSince: since })).sort()).toEqual(['de-interview', 'en-tax']);
  });

  it('rejects a malformed query with a usage error', async () => {
    await expect(searchArticles(database.db, 'Trump AND (Twitter')).rejects.toThrow(UsageError);
  });

  it('keeps the index current on re-index and rebuild', async () => {
    const id = seeded.articles.get('en-tax')!;
    await database.db.$transaction(async (tx) => {
      await tx.article.update({ where: { id }, data: { title: 'Senate passes the budget' } });
      await indexArticleText(tx, { id, title: 'Senate passes the budget', text: 'A quokka appeared.', language: 'en' });
    });
    expect(await search('quokka')).toEqual(['en-tax']);
    expect(await search('Christmas')).toEqual([]);
    expect(await reindexAll(database.db)).toBe(6);
    expect(await search('quokka')).toEqual([]);
    expect((await search('Mitarbeiter')).length).toBe(3);
  });
});
