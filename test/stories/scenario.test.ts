/**
 * The product's reason to exist, end to end through `import`: German and English reports of the
 * Trump-account incident become one bilingual story; other Trump news, other Twitter news and unrelated
 * news of the same days stay outside it. Corrections survive reclustering; re-importing changes nothing.
 */
import { createReadStream } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArticles } from '../../src/pipeline/import-articles.ts';
import { createIngestor } from '../../src/pipeline/ingest.ts';
import { recluster } from '../../src/pipeline/recluster.ts';
import { findArticleId, mergeStories, moveArticle, splitArticle } from '../../src/pipeline/story-corrections.ts';
import { exportArticles } from '../../src/store/export-rows.ts';
import { storyDetail } from '../../src/store/story-queries.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';

const FIXTURE = 'test/fixtures/stories/seed-scenario.jsonl';
/** The interview at the end of November: the seed story. */
const INTERVIEW = ['techcrunch.example', 'spiegel.example', 't3n.example', 'theguardian.example'];
/** The deactivation itself, four weeks earlier: outside the 72-hour window, a story of its own. */
const DEACTIVATION = ['heise.example', 'theverge.example'];
const now = () => new Date('2017-12-01T07:00:00Z');

async function importFixture(db: TestDatabase) {
  return importArticles(createReadStream(FIXTURE), createIngestor(db.db, { clusterWindowHours: 72 }), now);
}

async function storyOf(db: TestDatabase): Promise<Map<string, number | null>> {
  const map = new Map<string, number | null>();
  for await (const article of exportArticles(db.db, {})) map.set(new URL(article.url).hostname.replace(/^www\./, ''), article.storyId);
  return map;
}

describe.each(providers)('stories on %s', (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(() => db.drop());

  it('groups the incident across languages and outlets, distractors outside', async () => {
    const report = await importFixture(db);
    expect(report).toMatchObject({ read: 11, new: 11, invalid: 0 });
    const stories = await storyOf(db);
    const interview = new Set(INTERVIEW.map((host) => stories.get(host)));
    expect(interview.size).toBe(1);
    const storyId = [...interview][0]!;
    const deactivation = new Set(DEACTIVATION.map((host) => stories.get(host)));
    expect(deactivation.size).toBe(1);
    expect([...deactivation][0]).not.toBe(storyId);
    for (const distractor of ['reuters.example', 'tagesschau.example', 'engadget.example', 'golem.example', 'computerbase.example']) {
      expect(stories.get(distractor), distractor).not.toBe(storyId);
      expect(stories.get(distractor), distractor).not.toBe([...deactivation][0]);
    }
    const detail = (await storyDetail(db.db, storyId))!;
    expect(detail.languages).toEqual(['de', 'en']);
    expect(detail.timeline[0]!.source).toBe('TechCrunch'); // who reported first
    expect(Object.keys(detail.titles).sort()).toEqual(['de', 'en']);
    const entities = detail.keyEntities.map((e) => e.name);
    expect(entities).toEqual(expect.arrayContaining(['Donald Trump', 'Bahtiyar Duysak', 'Twitter']));
    // why grouped, in the words of the articles (not the folded names and stems the clusterer keeps)
    expect(detail.reasons.entities).toEqual(expect.arrayContaining(['Twitter', 'Donald Trump', 'Bahtiyar Duysak']));
  });

  it('re-importing the same file changes nothing', async () => {
    await importFixture(db);
    const before = await storyOf(db);
    const counts = [await db.db.article.count(), await db.db.storyMember.count(), await db.db.mention.count()];
    const again = await importFixture(db);
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 11 });
    expect(await storyOf(db)).toEqual(before);
    expect([await db.db.article.count(), await db.db.storyMember.count(), await db.db.mention.count()]).toEqual(counts);
  });

  it('corrections survive recluster', async () => {
    await importFixture(db);
    const stories = await storyOf(db);
    const incident = stories.get('techcrunch.example')!;
    const golem = await findArticleId(db.db, 'https://www.golem.example/news/twitter-280-zeichen-fuer-alle');
    const guardian = await findArticleId(db.db, 'https://www.theguardian.example/technology/2017/nov/29/twitter-worker-trump-account-duysak');
    await moveArticle(db.db, golem, incident, now());
    const own = await splitArticle(db.db, incident, guardian, now());
    const apple = stories.get('computerbase.example')!;
    const reuters = stories.get('reuters.example')!;
    await mergeStories(db.db, apple, reuters, now());

    await recluster(db.db, { windowHours: 72, now });
    const after = await storyOf(db);
    expect(after.get('golem.example')).toBe(incident);
    expect(after.get('theguardian.example')).toBe(own);
    expect(after.get('theguardian.example')).not.toBe(after.get('techcrunch.example'));
    expect(after.get('spiegel.example')).toBe(incident);
    expect(after.get('reuters.example')).toBe(apple);
    expect(after.get('computerbase.example')).toBe(apple);
    expect(await db.db.storyCorrection.count()).toBe(3);
  });
});
