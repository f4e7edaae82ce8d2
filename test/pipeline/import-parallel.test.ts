/**
 * A large import analyses on worker threads (the main thread stores and clusters): the stored result is
 * the same as analysing on the main thread, line order and refused lines included, and so is the full-text
 * index (whose stems the workers compute ahead on SQLite).
 */
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { importArticles, type ImportParallelism } from '../../src/pipeline/import-articles.ts';
import { createIngestor } from '../../src/pipeline/ingest.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const articles = [...generateArticles({ count: 160, seed: 11, start: new Date('2026-02-01T00:00:00Z'), textChars: 600, perDay: 120 })];
const lines = articles.map((a) => JSON.stringify(a));
// Refused lines in the middle keep their line numbers.
lines.splice(40, 0, '{not json');
lines.splice(90, 0, JSON.stringify({ url: 'ftp://example.org/x', title: 'no' }));
const now = () => new Date('2026-02-03T00:00:00Z');

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.drop();
});

async function importWith(parallel: ImportParallelism, input = lines, into?: TestDatabase) {
  const db = into ?? (await createTestDatabase('sqlite'));
  if (!into) opened.push(db);
  // which path stored the batches: the main thread (ingestMany) or the writer thread (assignSaved only)
  const calls = { ingestMany: 0, assignSaved: 0 };
  const ingestor = createIngestor(db.db, { clusterWindowHours: 72 });
  const counted = {
    ...ingestor,
    ingestMany: (records: Parameters<typeof ingestor.ingestMany>[0]) => (calls.ingestMany++, ingestor.ingestMany(records)),
    assignSaved: (...args: Parameters<NonNullable<typeof ingestor.assignSaved>>) => (calls.assignSaved++, ingestor.assignSaved!(...args)),
  };
  const report = await importArticles(Readable.from(input.map((l) => `${l}\n`)), counted, now, {}, parallel);
  const rows = await db.db.article.findMany({
    orderBy: { id: 'asc' },
    select: {
      url: true, language: true, languageConfidence: true,
      mentions: { select: { surface: true, start: true, entity: { select: { name: true, type: true } } }, orderBy: { id: 'asc' } },
      memberships: { where: { leftAt: null }, select: { storyId: true } },
    },
  });
  // Every term of the contentless FTS5 index, with its article, column and position.
  await db.db.$executeRawUnsafe(`CREATE VIRTUAL TABLE temp."SearchTerms" USING fts5vocab(main, "ArticleSearch", instance)`);
  const index = await db.db.$queryRawUnsafe<unknown[]>('SELECT term, doc, col, "offset" FROM temp."SearchTerms" ORDER BY doc, col, "offset"');
  await db.db.$executeRawUnsafe('DROP TABLE temp."SearchTerms"');
  return { db, report, rows, index, calls };
}

describe('import on analysis worker threads', () => {
  it('stores what the main thread would, in input order', async () => {
    const inline = await importWith({ workers: 0 });
    const threaded = await importWith({ workers: 2, afterLines: 0, meanwhile: false });
    expect(inline.report.new).toBe(articles.length);
    expect(inline.report.errors.map((e) => e.line)).toEqual([41, 91]);
    expect(threaded.report).toEqual(inline.report);
    expect(threaded.rows).toEqual(inline.rows);
    expect(threaded.index).toEqual(inline.index);
    expect(threaded.index.length).toBeGreaterThan(articles.length * 50);
    expect(threaded.rows.some((row) => row.mentions.length > 0)).toBe(true);
    expect(new Set(threaded.rows.map((row) => row.memberships[0]?.storyId)).size).toBeGreaterThan(1);
  });

  it('starts the workers only past the threshold, with the same result', async () => {
    const late = await importWith({ workers: 1, afterLines: 100, meanwhile: false });
    const inline = await importWith({ workers: 0 });
    expect(late.rows).toEqual(inline.rows);
    expect(late.index).toEqual(inline.index);
  });

  it('saves batches on a writer thread while the main thread assigns the one before, and a re-import changes nothing', async () => {
    // several batches of 200, so saving and assigning overlap
    const many = [...generateArticles({ count: 520, seed: 12, start: new Date('2026-02-01T00:00:00Z'), textChars: 300, perDay: 300 })]
      .map((a) => JSON.stringify(a));
    const inline = await importWith({ workers: 0 }, many);
    const written = await importWith({ workers: 1, afterLines: 0, meanwhile: false }, many);
    const mainThread = await importWith({ workers: 1, afterLines: 0, writer: false, meanwhile: false }, many);
    expect(inline.report.new).toBe(many.length);
    expect(written.report).toEqual(inline.report);
    expect(written.rows).toEqual(inline.rows);
    expect(written.index).toEqual(inline.index);
    expect(mainThread.rows).toEqual(inline.rows);
    expect(written.calls).toEqual({ ingestMany: 0, assignSaved: 3 });
    expect(mainThread.calls).toEqual({ ingestMany: 3, assignSaved: 0 });
    const again = await importWith({ workers: 1, afterLines: 0, meanwhile: false }, many, written.db);
    expect(again.report).toMatchObject({ new: 0, updated: 0, unchanged: many.length });
    expect(again.rows).toEqual(written.rows);
    expect(await written.db.db.storyMember.count({ where: { leftAt: null } })).toBe(many.length);
    // story ids were taken ahead in blocks; those left unused went back, so ids stay dense
    const ids = (await written.db.db.story.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('analyses on the main thread until the workers are warm, then hands over, with the same result', async () => {
    // The first chunk is always analysed on the main thread (no worker can have said it is ready before the
    // first request), and its full records go to the writer thread. The input pauses after 150 lines, long
    // enough for the worker to load its models, so the rest is analysed on it.
    const many = [...generateArticles({ count: 400, seed: 13, start: new Date('2026-02-01T00:00:00Z'), textChars: 300, perDay: 300 })]
      .map((a) => JSON.stringify(a));
    async function* pausing() {
      for (const [i, line] of many.entries()) {
        if (i === 150) await new Promise((resolve) => setTimeout(resolve, 4000));
        yield `${line}\n`;
      }
    }
    const db = await createTestDatabase('sqlite');
    opened.push(db);
    const ingestor = createIngestor(db.db, { clusterWindowHours: 72 });
    const report = await importArticles(Readable.from(pausing()), ingestor, now, {}, { workers: 1, afterLines: 0 });
    const handed = await importWith({ workers: 1, afterLines: 0 }, many, db);
    const inline = await importWith({ workers: 0 }, many);
    expect(report.new).toBe(many.length);
    expect(handed.report).toMatchObject({ new: 0, unchanged: many.length });
    expect(handed.rows).toEqual(inline.rows);
    expect(handed.index).toEqual(inline.index);
  }, 30_000);
});
