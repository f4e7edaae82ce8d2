import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityProfile, findEntity, topEntities } from '../../src/store/entity-queries.ts';
import { rankTrending, trendScore } from '../../src/query/trending.ts';
import { toRecord } from '../../src/pipeline/import-line.ts';
import { saveArticles } from '../../src/store/articles.ts';
import { EntityIds } from '../../src/store/entities.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';
import { seed, type Seeded } from './seed.ts';

const now = new Date('2017-12-01T00:00:00Z');

describe.each(providers)('entity queries on %s', (provider) => {
  let database: TestDatabase;
  let seeded: Seeded;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    seeded = await seed(database.db);
    await database.db.entity.update({
      where: { id: seeded.entities.get('@realDonaldTrump')! },
      data: { ownerId: seeded.entities.get('Donald Trump')! },
    });
  });
  afterAll(async () => database?.drop());

  it('finds an entity by canonical name or alias, ignoring case', async () => {
    for (const name of ['Donald Trump', 'donald trump', 'TRUMP', ' Trump ']) {
      expect((await findEntity(database.db, name))?.name).toBe('Donald Trump');
    }
    expect(await findEntity(database.db, 'Angela Merkel')).toBeNull();
  });

  it('profiles an entity: aliases, accounts, mentions, stories, per day, co-occurring', async () => {
    const profile = await entityProfile(database.db, 'trump', { days: 30 });
    expect(profile).toMatchObject({
      name: 'Donald Trump', type: 'person', aliases: ['Trump'], accounts: ['@realDonaldTrump'], owner: null,
      mentions: 4, articles: 4,
    });
    expect(profile!.stories.map((s) => s.id)).toEqual([seeded.stories.get('trump-account'), seeded.stories.get('tax')]);
    expect(profile!.stories[0]).toMatchObject({ articleCount: 3, lastSeen: new Date('2017-11-30T08:00:00.000Z') });
    expect(profile!.perDay).toHaveLength(30);
    expect(profile!.perDay[0]!.date).toBe('2017-11-01');
    expect(profile!.perDay.filter((d) => d.count > 0)).toEqual([
      { date: '2017-11-02', count: 1 }, { date: '2017-11-03', count: 1 },
      { date: '2017-11-29', count: 1 }, { date: '2017-11-30', count: 1 },
    ]);
    expect(profile!.coOccurring).toEqual([
      { name: 'Twitter', type: 'organization', articles: 3 },
      { name: '@realDonaldTrump', type: 'account', articles: 2 },
    ]);
    const account = await entityProfile(database.db, '@realdonaldtrump');
    expect(account).toMatchObject({ type: 'account', owner: 'Donald Trump', accounts: [] });
  });

  it('lists the top entities, by type and window', async () => {
    const all = await topEntities(database.db, {}, now);
    expect(all.map((e) => [e.name, e.articles])).toEqual([
      ['Donald Trump', 4], ['Twitter', 4], ['@realDonaldTrump', 2], ['Bundesregierung', 1],
    ]);
    const organizations = await topEntities(database.db, { type: 'organization' }, now);
    expect(organizations.map((e) => e.name)).toEqual(['Twitter', 'Bundesregierung']);
    const november = await topEntities(database.db, { since: new Date('2017-11-10T00:00:00Z'), limit: 1 }, now);
    expect(november.map((e) => e.name)).toEqual(['Donald Trump']);
  });

  it('ranks trending entities against the previous window of the same length', async () => {
    const trending = await topEntities(database.db, { trending: true, since: new Date('2017-11-25T00:00:00Z') }, now);
    expect(trending).toEqual([expect.objectContaining({ name: 'Donald Trump', articles: 2, previous: 0, trend: 2 })]);
  });
});

describe('trend scoring', () => {
  it('prefers large rises over small ones and drops falling or tiny counts', () => {
    expect(trendScore(80, 40)).toBeGreaterThan(trendScore(3, 1));
    const ranked = rankTrending([
      { id: 1, current: 3, previous: 1, mentions: 3 },
      { id: 2, current: 80, previous: 40, mentions: 90 },
      { id: 3, current: 1, previous: 0, mentions: 1 },
      { id: 4, current: 5, previous: 9, mentions: 5 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([2, 1]);
  });
});

describe.each(providers)('mentions as stored on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());

  it('are one row per article and entity, counting every mention, through the real write path', async () => {
    const line = JSON.stringify({
      url: 'https://example.com/duysak',
      title: 'Bahtiyar Duysak gibt ein Interview',
      text: 'Der frühere Twitter-Mitarbeiter Bahtiyar Duysak hat Donald Trumps Konto deaktiviert. '
        + 'Duysak sagte, es sei ein Versehen gewesen. Twitter bestätigte den Vorfall, Duysak entschuldigte sich.',
      language: 'de',
      published: '2017-11-30T08:00:00Z',
    });
    const record = toRecord(line, now);
    if (typeof record === 'string') throw new Error(record);
    const named = record.mentions.filter((m) => m.name === 'Bahtiyar Duysak');
    expect(named.length).toBeGreaterThanOrEqual(3);
    await saveArticles(database.db, new EntityIds(), [record]);
    const rows = await database.db.mention.findMany({ where: { entity: { name: 'Bahtiyar Duysak' } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: named.length, field: 'title', start: 0, surface: 'Bahtiyar Duysak' });
    const profile = await entityProfile(database.db, 'Duysak');
    expect(profile).toMatchObject({ name: 'Bahtiyar Duysak', mentions: named.length, articles: 1 });
    expect(profile!.perDay.at(-1)).toEqual({ date: '2017-11-30', count: named.length });
    const top = await topEntities(database.db, { since: new Date('2017-11-01T00:00:00Z') }, now);
    expect(top.find((e) => e.name === 'Bahtiyar Duysak')).toMatchObject({ mentions: named.length, articles: 1 });
  });
});
