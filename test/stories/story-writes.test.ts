/**
 * The assigner queues joins and merges and stores them in order, in one transaction: an article that
 * joins a story which is merged away in the same batch ends up in the survivor, with its history kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoryRow, recordAssignments, type StoryWrite } from '../../src/store/stories.ts';
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
});
