/**
 * The assigner queues joins and merges and stores them in order, in one transaction: an article that
 * joins a story which is merged away in the same batch ends up in the survivor, with its history kept.
 * A story's clusterer state is stored with its members by id and centrality only, and loads back whole.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackedVector, type StoryState } from '../../src/cluster/index.ts';
import { summariseStory } from '../../src/pipeline/story-summary.ts';
import {
  createStoryRow, loadStoryState, loadStoryStates, recordAssignments, releaseStoryIds, reserveStoryIds, type StoryWrite,
} from '../../src/store/stories.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';

describe.each(providers)('story writes on %s', (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(() => db.drop());

  const article = (n: number) =>
    db.db.article.create({
      data: { url: `https://example.com/${n}`, source: 'example', title: `Article ${n}`, fetchedAt: new Date(), contentHash: `h${n}` },
      select: { id: true },
    });

  it('stores a join and then a merge of its story in order', async () => {
    const [a, b] = [await article(1), await article(2)];
    const when = new Date('2026-12-01T10:00:00Z');
    const kept = await createStoryRow(db.db, { articleId: a.id, title: 'Article 1', when });
    const gone = await createStoryRow(db.db, { articleId: b.id, title: 'Article 2', when });
    const join = (storyId: number, articleId: number): StoryWrite => ({
      join: { storyId, articleId, joinedAt: when, score: 0.5, reasons: { entities: ['X'], terms: [] }, firstTime: true },
    });
    const mergedAt = new Date('2026-12-01T11:00:00Z');
    await recordAssignments(db.db, [join(kept, a.id), join(gone, b.id), { merge: { into: kept, from: gone, at: mergedAt } }], []);

    const members = await db.db.storyMember.findMany({ orderBy: { id: 'asc' } });
    const current = members.filter((m) => m.leftAt === null).map((m) => [m.storyId, m.articleId]);
    expect(current.sort()).toEqual([[kept, a.id], [kept, b.id]].sort());
    const history = members.find((m) => m.storyId === gone && m.articleId === b.id);
    expect(history?.leftAt?.toISOString()).toBe(mergedAt.toISOString());
    const moved = members.find((m) => m.storyId === kept && m.articleId === b.id);
    expect(moved).toMatchObject({ score: 0.5, reasons: JSON.stringify({ entities: ['X'], terms: [] }) });
    expect(moved?.joinedAt.toISOString()).toBe(mergedAt.toISOString());
    const story = await db.db.story.findUniqueOrThrow({ where: { id: gone } });
    expect(story).toMatchObject({ mergedIntoId: kept, articleCount: 0, state: null });
  });

  it('stores a story state without member summaries and loads it back whole', async () => {
    const rows = [await article(1), await article(2), await article(3)];
    const when = new Date('2026-12-01T10:00:00Z');
    const id = await createStoryRow(db.db, { articleId: rows[0]!.id, title: 'Article 1', when });
    const reasons = (n: number) => ({ entities: n === 0 ? [] : ['Twitter'], terms: n === 2 ? ['konto'] : [] });
    const published = (n: number) => new Date(when.getTime() + n * 3_600_000);
    for (const [n, row] of rows.entries()) {
      await db.db.article.update({ where: { id: row.id }, data: { publishedAt: published(n), language: n === 1 ? 'en' : 'de' } });
    }
    const state: StoryState = {
      key: String(id), firstSeen: published(0).toISOString(), lastSeen: published(2).toISOString(), curated: false, apart: ['7'],
      members: rows.map((row, n) => ({
        id: row.id, url: `https://example.com/${n + 1}`, source: 'example', language: n === 1 ? 'en' : 'de',
        title: `Article ${n + 1}`, published: published(n).toISOString(), centrality: [1, 0.42, 0.37][n]!, reasons: reasons(n),
      })),
      core: [{ id: rows[0]!.id, language: 'de', vector: PackedVector.from({ 'e:twitter': 0.5 }) }],
      centroid: PackedVector.from({ 'e:twitter': 1.5, 'w:de:konto': 0.25 }),
      entities: { Twitter: 2 },
    };
    const joins: StoryWrite[] = rows.map((row, n) => ({
      join: { storyId: id, articleId: row.id, joinedAt: published(n), score: n === 0 ? 0 : 0.5, reasons: reasons(n), firstTime: true },
    }));
    await recordAssignments(db.db, joins, [{ id, summary: summariseStory(state, new Map()), state }]);

    const stored = JSON.parse((await db.db.story.findUniqueOrThrow({ where: { id } })).state!) as { members: unknown[] };
    expect(stored.members).toEqual(state.members.map((m) => ({ id: m.id, centrality: m.centrality })));
    expect(await loadStoryState(db.db, id)).toEqual(state);
    expect(await loadStoryStates(db.db, when, when, new Set())).toEqual([state]);
    expect(await loadStoryStates(db.db, when, when, new Set([String(id)]))).toEqual([]);

    // an article deleted since leaves the story's members; a state stored whole (earlier versions) loads as it is
    await db.db.article.delete({ where: { id: rows[1]!.id } });
    expect((await loadStoryState(db.db, id))?.members.map((m) => m.id)).toEqual([rows[0]!.id, rows[2]!.id]);
    await db.db.story.update({ where: { id }, data: { state: JSON.stringify(state) } });
    expect(await loadStoryState(db.db, id)).toEqual(state);
  });
});

describe('story ids reserved ahead on SQLite', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(() => db.drop());

  it('are never taken by another insert, are written with their first membership, and unused ones go back', async () => {
    const when = new Date('2026-12-01T10:00:00Z');
    const [a, b] = await Promise.all([1, 2].map((n) =>
      db.db.article.create({
        data: { url: `https://example.com/${n}`, source: 'example', title: `Article ${n}`, fetchedAt: when, contentHash: `h${n}` },
        select: { id: true },
      })));
    const first = await createStoryRow(db.db, { articleId: a!.id, title: 'Article 1', when });
    const reserved = (await reserveStoryIds(db.db, 4))!;
    expect(reserved).toEqual([first + 1, first + 2, first + 3, first + 4]);
    // a story founded elsewhere meanwhile (a researcher's split) gets an id past the reservation
    const elsewhere = await createStoryRow(db.db, { articleId: b!.id, title: 'Article 2', when });
    expect(elsewhere).toBe(first + 5);
    const id = reserved[0]!;
    await recordAssignments(db.db, [
      { create: { id, articleId: b!.id, title: 'Article 2', when } },
      { join: { storyId: id, articleId: b!.id, joinedAt: when, score: 0, reasons: { entities: [], terms: [] }, firstTime: true } },
    ], []);
    expect(await db.db.story.findUnique({ where: { id }, select: { firstArticleId: true } })).toEqual({ firstArticleId: b!.id });
    // the rest is given back only while it is the latest reservation
    await releaseStoryIds(db.db, reserved.slice(1));
    expect(await createStoryRow(db.db, { articleId: a!.id, title: 'Article 1', when })).toBe(first + 6);
    const last = (await reserveStoryIds(db.db, 3))!;
    await releaseStoryIds(db.db, last.slice(1));
    expect(await createStoryRow(db.db, { articleId: a!.id, title: 'Article 1', when })).toBe(last[1]);
  });
});
