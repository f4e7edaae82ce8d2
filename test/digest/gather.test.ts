import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestPeriod } from '../../src/digest/period.ts';
import { gatherDigestData, type DigestRecipient } from '../../src/store/digest-data.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { loadSample, seedSample } from './seed.ts';

const sample = loadSample();
const period = digestPeriod(sample.date, '07:00', 'Europe/Berlin');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  await seedSample(database.db, sample);
});

afterAll(async () => {
  await database.drop();
});

function gather(recipient: Partial<DigestRecipient> = {}, maxStories = 12) {
  return gatherDigestData(database.db, { period, recipient: { ...sample.recipient, ...recipient }, maxStories, pollIntervalMinutes: 15 });
}

describe('gatherDigestData', () => {
  it('takes the stories of the period, ranked, with outlets, first report and articles', async () => {
    const data = await gather();
    expect(data.storiesInPeriod).toBe(3);
    const eu = data.stories.find((s) => s.headline.startsWith('EU delays'))!;
    expect(eu.headlines.map((h) => h.language)).toEqual(['de', 'en']);
    expect(eu).toMatchObject({ articleCount: 5, outletCount: 4, first: { source: 'heise online', published: new Date('2026-11-22T07:12:00Z') } });
    expect(eu.entities.map((e) => e.name)).toContain('OpenAI');
    expect(data.stories.map((s) => s.headline)).not.toContain('Old story from last week that must not appear');
    expect((await gather({}, 1)).stories).toHaveLength(1);
  });

  it('keeps only the languages the recipient reads', async () => {
    const data = await gather({ languages: ['en'] });
    expect(data.stories.map((s) => s.headline)).not.toContain('Mobilfunkstörung bei der Telekom in Süddeutschland');
    expect(data.stories).toHaveLength(2);
  });

  it('keeps a story that gained an article after the send time, listing only what came before it', async () => {
    const story = await database.db.story.findFirstOrThrow({ where: { title: { startsWith: 'Mobilfunk' } } });
    const late = await database.db.article.create({
      data: { url: 'https://late.example/a', source: 'Late News', title: 'Telekom: Störung behoben', language: 'de', publishedAt: new Date('2026-11-23T06:20:00Z'), fetchedAt: new Date('2026-11-23T06:21:00Z'), contentHash: 'late' },
    });
    await database.db.storyMember.create({ data: { storyId: story.id, articleId: late.id, joinedAt: late.fetchedAt } });
    await database.db.story.update({ where: { id: story.id }, data: { lastSeenAt: late.publishedAt!, articleCount: 3, sourceCount: 3 } });
    const telekom = (await gather()).stories.find((s) => s.id === story.id)!;
    expect(telekom.articleCount).toBe(2);
    expect(telekom.articles.map((a) => a.source)).not.toContain('Late News');
  });

  it('ranks a past period by what its stories were at its end, not by what they grew to later', async () => {
    const before = (await gather()).stories;
    const last = before.at(-1)!;
    const story = await database.db.story.findUniqueOrThrow({ where: { id: last.id } });
    // the story grows big after the period (as a digest re-rendered days later finds it): ten outlets, a day on
    for (let i = 0; i < 10; i++) {
      const published = new Date(period.until.getTime() + 86_400_000 + i * 60_000);
      const later = await database.db.article.create({
        data: { url: `https://later${i}.example/a`, source: `Later ${i}`, title: `Follow-up ${i}`, language: 'en', publishedAt: published, fetchedAt: published, contentHash: `later${i}` },
      });
      await database.db.storyMember.create({ data: { storyId: story.id, articleId: later.id, joinedAt: published } });
    }
    await database.db.story.update({
      where: { id: story.id },
      data: { lastSeenAt: new Date(period.until.getTime() + 86_400_000 + 9 * 60_000), articleCount: story.articleCount + 10, sourceCount: story.sourceCount + 10 },
    });
    const after = await gather();
    expect(after.stories.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.stories.at(-1)).toMatchObject({ articleCount: last.articleCount, outletCount: last.outletCount });
  });

  it('builds the watch sections and the feed-health footer', async () => {
    const data = await gather({ watch: ['chips', 'no-such-search'], entities: ['OpenAI'] });
    expect(data.watches.map((w) => [w.name, w.kind])).toEqual([['chips', 'search'], ['no-such-search', 'search'], ['OpenAI', 'entity']]);
    expect(data.watches[1]!.note).toMatch(/No saved search/);
    const openai = data.watches[2]!;
    expect(openai.matches.map((m) => m.source)).toEqual(['The Register', 'heise online']);
    expect(openai.matches[0]!.snippet).toContain('OpenAI');
    expect(data.feedIssues).toEqual([
      expect.objectContaining({ name: 'Golem', problem: 'failed', failures: 3, lastError: 'connect ETIMEDOUT 203.0.113.7:443' }),
      expect.objectContaining({ name: 'Sleepy Blog <b>', problem: 'stale', failures: 0 }),
    ]);
  });
});
