/**
 * Keeps the full-text index current: SQLite FTS5 (surface words plus stems in app code) or a PostgreSQL
 * tsvector per article (german/english configuration by language). See docs/decisions/0071-full-text-search.md.
 */
import { stemText } from '../query/text-tokens.ts';
import type { Db } from './client.ts';
import { providerOf, type RawClient } from './search-provider.ts';

export interface IndexableArticle {
  id: number;
  title: string;
  /** Body text, or the summary when there is no body. */
  text: string | null;
  language: string;
}

/** Indexes (or re-indexes) one article; works on the client or inside an interactive transaction. */
export async function indexArticleText(tx: RawClient, article: IndexableArticle): Promise<void> {
  const body = article.text ?? '';
  if (providerOf(tx) === 'sqlite') {
    await tx.$executeRawUnsafe('DELETE FROM "ArticleSearch" WHERE rowid = ?', article.id);
    await tx.$executeRawUnsafe('INSERT INTO "ArticleSearch" (rowid, title, body, stems) VALUES (?, ?, ?, ?)', ...sqliteIndexRow(article));
    return;
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO "ArticleSearch" ("articleId", "document")
     VALUES ($1, setweight(to_tsvector(${pgConfigFor('$4')}, $2), 'A') || setweight(to_tsvector(${pgConfigFor('$4')}, $3), 'B'))
     ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document"`,
    article.id, article.title, body, article.language,
  );
}

/** The FTS5 row of an article: rowid, title, body, and the stems of both (SQLite has no stemmer of its own). */
export function sqliteIndexRow(article: IndexableArticle, stems = searchStems(article)): [number, string, string, string] {
  return [article.id, article.title, article.text ?? '', stems];
}

/** The stems column of an article's FTS5 row (its words in order, stemmed in its language). */
export function searchStems(article: Omit<IndexableArticle, 'id'>): string {
  return stemText(`${article.title}\n${article.text ?? ''}`, article.language);
}

/** The text search configuration for an article language (simple when unknown). */
export function pgConfigFor(language: string): string {
  return `(CASE ${language}::text WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END)`;
}

const PAGE = 500;

/** Rebuilds the whole index from the stored articles, page by page; returns how many were indexed. */
export async function reindexAll(db: Db, onProgress?: (done: number) => void): Promise<number> {
  const sqlite = providerOf(db) === 'sqlite';
  await db.$executeRawUnsafe(sqlite ? `INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('delete-all')` : 'DELETE FROM "ArticleSearch"');
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await db.article.findMany({
      where: { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, title: true, bodyText: true, summary: true, language: true },
    });
    if (rows.length === 0) return done;
    await db.$transaction(async (tx) => {
      for (const row of rows) {
        await indexArticleText(tx, { id: row.id, title: row.title, text: row.bodyText ?? row.summary, language: row.language });
      }
    }, { timeout: 60_000 });
    done += rows.length;
    onProgress?.(done);
    after = rows.at(-1)!.id;
  }
}
