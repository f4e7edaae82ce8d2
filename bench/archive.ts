/**
 * Building benchmark archives: an empty migrated database, the end-to-end import through the real
 * pipeline, and a fast bulk extension of an ingested archive to a larger
 * one (copies of its rows shifted back in time, in the real schema) so the 200k-article archive costs
 * seconds, not an hour of ingestion.
 */
import { copyFileSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importArticles, importParallelism, type ImportReport } from '../src/pipeline/import-articles.ts';
import { createIngestor } from '../src/pipeline/ingest.ts';
import { stemText } from '../src/query/text-tokens.ts';
import { connect } from '../src/store/client.ts';

export interface Workspace {
  dir: string;
  /** A new, migrated SQLite file in the workspace. */
  freshDb(name: string): Promise<string>;
  copy(from: string, name: string): string;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  return {
    dir,
    async freshDb(name) {
      const path = join(dir, name);
      const connection = await connect(`file:${path}`);
      await connection.close();
      return path;
    },
    copy(from, name) {
      const path = join(dir, name);
      copyFileSync(from, path);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The real import path, as `newsdesk import FILE` runs it: JSON Lines → importArticles → analysis → dedup → store → clustering. */
export async function importFile(path: string, jsonl: string, windowHours: number): Promise<ImportReport> {
  const connection = await connect(`file:${path}`);
  try {
    const ingestor = createIngestor(connection.db, { clusterWindowHours: windowHours });
    // the threads as the CLI starts them
    return await importArticles(createReadStream(jsonl), ingestor, () => new Date(), {}, importParallelism());
  } finally {
    await connection.close();
  }
}

const shifted = (column: string, seconds: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', ${column}, '-' || (${seconds}) || ' seconds') END`;

/**
 * Grows an ingested archive to about `target` articles: copy k of every article, story, membership and
 * mention, ids offset by k × (max id), dates shifted k × `spanSeconds` into the past (so the copies are
 * older history outside the clustering window, as an archive grows), plus their full-text rows.
 */
export function extendArchive(path: string, target: number, spanSeconds: number): { articles: number } {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const base = (db.prepare('SELECT count(*) AS n, max(id) AS maxId FROM "Article"').get() as { n: number; maxId: number });
    const storyMax = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM "Story"').get() as { m: number }).m + 1;
    const memberMax = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM "StoryMember"').get() as { m: number }).m + 1;
    const mentionMax = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM "Mention"').get() as { m: number }).m + 1;
    const articleOffset = base.maxId + 1;
    const copies = Math.max(0, Math.ceil(target / Math.max(1, base.n)) - 1);
    const templates = db
      .prepare('SELECT id, title, coalesce(bodyText, summary, \'\') AS body, language FROM "Article"')
      .all() as { id: number; title: string; body: string; language: string }[];
    const stems = new Map(templates.map((t) => [t.id, stemText(`${t.title}\n${t.body}`, t.language)]));
    const search = db.prepare('INSERT INTO "ArticleSearch" (rowid, title, body, stems) VALUES (?, ?, ?, ?)');
    for (let k = 1; k <= copies; k += 1) {
      const secs = String(k * spanSeconds);
      db.transaction(() => {
        copyRows(db, k, secs, { articleOffset, storyMax, memberMax, mentionMax });
        for (const t of templates) search.run(t.id + k * articleOffset, t.title, t.body, stems.get(t.id));
      })();
    }
    db.exec('ANALYZE');
    return { articles: (db.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number }).n };
  } finally {
    db.close();
  }
}

function copyRows(
  db: Database.Database,
  k: number,
  secs: string,
  o: { articleOffset: number; storyMax: number; memberMax: number; mentionMax: number },
): void {
  const a = k * o.articleOffset;
  const s = k * o.storyMax;
  db.prepare(
    `INSERT INTO "Article" (id, url, originalUrl, guid, source, title, summary, bodyText, author, siteName, language,
       languageConfidence, languageEvidence, declaredLanguage, publishedAt, fetchedAt, updatedAt, contentHash,
       extractStatus, extractError, analyzedAt, clusteredAt)
     SELECT id + ${a}, url || '?copy=${k}', originalUrl, guid, source, title, summary, bodyText, author, siteName,
       language, languageConfidence, languageEvidence, declaredLanguage, ${shifted('publishedAt', secs)},
       ${shifted('fetchedAt', secs)}, updatedAt, contentHash || '-${k}', extractStatus, extractError,
       ${shifted('analyzedAt', secs)}, ${shifted('clusteredAt', secs)}
     FROM "Article" WHERE id < ${o.articleOffset}`,
  ).run();
  db.prepare(
    `INSERT INTO "Story" (id, title, titles, languages, sources, firstSeenAt, lastSeenAt, firstArticleId, articleCount,
       sourceCount, keyEntities, reasons, state, mergedIntoId, createdAt, updatedAt)
     SELECT id + ${s}, title, titles, languages, sources, ${shifted('firstSeenAt', secs)}, ${shifted('lastSeenAt', secs)},
       firstArticleId + ${a}, articleCount, sourceCount, keyEntities, reasons, state, mergedIntoId + ${s},
       createdAt, updatedAt
     FROM "Story" WHERE id < ${o.storyMax}`,
  ).run();
  db.prepare(
    `INSERT INTO "StoryMember" (id, storyId, articleId, joinedAt, leftAt, score, reasons, pinned)
     SELECT id + ${k * o.memberMax}, storyId + ${s}, articleId + ${a}, ${shifted('joinedAt', secs)},
       ${shifted('leftAt', secs)}, score, reasons, pinned
     FROM "StoryMember" WHERE id < ${o.memberMax}`,
  ).run();
  db.prepare(
    `INSERT INTO "Mention" (id, articleId, entityId, count, field, start, "end", surface, createdAt)
     SELECT id + ${k * o.mentionMax}, articleId + ${a}, entityId, count, field, start, "end", surface, ${shifted('createdAt', secs)}
     FROM "Mention" WHERE id < ${o.mentionMax}`,
  ).run();
}
