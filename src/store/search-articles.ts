/**
 * Full-text search with the query language: ranked by relevance (bm25 / ts_rank) or date, with snippets.
 * One SQL query finds the page of hits; one more loads their details (no query per hit).
 */
import { UsageError } from '../domain/errors.ts';
import type { QueryAst } from '../query/ast.ts';
import { parseQuery } from '../query/parse-query.ts';
import { highlightTerms } from '../query/plan.ts';
import { makeSnippet, type Snippet } from '../query/snippet.ts';
import type { Db } from './client.ts';
import { providerOf, sqlDate, type SqlProvider } from './search-provider.ts';
import { compileQuery, toProviderSql, WHEN, type CompiledQuery, type Sql } from './search-sql.ts';

export type SearchSort = 'relevance' | 'date';

export interface SearchOptions {
  limit?: number;
  sort?: SearchSort;
  /** The clock for relative dates in the query (`since:7d`). */
  now?: Date;
  /** Only articles fetched in [fetchedSince, fetchedUntil): "new since the last run". */
  fetchedSince?: Date;
  fetchedUntil?: Date;
}

export interface SearchHit {
  id: number;
  url: string;
  title: string;
  source: string;
  language: string;
  published: Date | null;
  fetchedAt: Date;
  storyId: number | null;
  score: number;
  snippet: Snippet;
}

/** Parses a query string, throwing UsageError (exit 2) with the parser's one line when it is malformed. */
export function parseOrThrow(query: string): QueryAst {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new UsageError(`query: ${parsed.error}`);
  return parsed.query;
}

export async function searchArticles(db: Db, query: string | QueryAst, options: SearchOptions = {}): Promise<SearchHit[]> {
  const ast = typeof query === 'string' ? parseOrThrow(query) : query;
  const ids = await findHits(db, ast, options);
  if (ids.length === 0) return [];
  const rows = await db.article.findMany({
    where: { id: { in: ids.map((h) => h.id) } },
    select: {
      id: true, url: true, title: true, source: true, language: true, publishedAt: true, fetchedAt: true,
      bodyText: true, summary: true,
      memberships: { where: { leftAt: null }, select: { storyId: true }, take: 1 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const terms = highlightTerms(ast);
  return ids.flatMap(({ id, score }) => {
    const row = byId.get(id);
    if (!row) return [];
    const body = row.bodyText ?? row.summary ?? '';
    const snippet = makeSnippet(body || row.title, terms);
    return [{
      id, url: row.url, title: row.title, source: row.source, language: row.language,
      published: row.publishedAt, fetchedAt: row.fetchedAt, storyId: row.memberships[0]?.storyId ?? null,
      score: Number(score.toPrecision(4)), snippet,
    }];
  });
}

async function findHits(db: Db, ast: QueryAst, options: SearchOptions): Promise<Hit[]> {
  const provider = providerOf(db);
  const compiled = compileQuery(provider, ast, options.now ?? new Date());
  const limit = options.limit ?? 20;
  const fetched: Sql[] = [];
  if (options.fetchedSince) fetched.push({ sql: 'a."fetchedAt" >= ?', params: [sqlDate(provider, options.fetchedSince)] });
  if (options.fetchedUntil) fetched.push({ sql: 'a."fetchedAt" < ?', params: [sqlDate(provider, options.fetchedUntil)] });
  const extra = compiled.conditions ? [compiled.conditions, ...fetched] : fetched;
  const byRelevance = options.sort !== 'date' && compiled.ranked !== null;
  if (byRelevance) {
    // Rank inside the full-text index and join only the best candidates: scoring is cheap there, joining
    // every match to its article is not. With conditions, take more candidates; if too few of them pass,
    // fall back to the exact query below.
    const candidates = extra.length ? Math.max(limit * 10, 200) : limit;
    const hits = await runHits(db, provider, {
      sql: `SELECT a."id" AS id, t.score AS score FROM (${compiled.ranked!.sql} ORDER BY score DESC LIMIT ?) t
            JOIN "Article" a ON a."id" = t.id ${extra.length ? `WHERE ${extra.map((e) => e.sql).join(' AND ')}` : ''}
            ORDER BY t.score DESC, ${WHEN} DESC, a."id" DESC LIMIT ?`,
      params: [...compiled.ranked!.params, candidates, ...extra.flatMap((e) => e.params), limit],
    });
    if (hits.length === limit || extra.length === 0) return hits;
  }
  if (!byRelevance && provider === 'sqlite' && compiled.ranked && extra.length === 0) {
    const newest = await newestMatches(db, compiled, limit);
    if (newest) return newest;
  }
  const where = [compiled.where, ...fetched];
  return runHits(db, provider, {
    // In date order the score is not computed (0): scoring every match is what makes common words slow.
    sql: `SELECT a."id" AS id, ${byRelevance ? compiled.score : '0'} AS score FROM ${compiled.from.sql}
          WHERE ${where.map((w) => w.sql).join(' AND ')}
          ORDER BY ${byRelevance ? 'score DESC, ' : ''}${WHEN} DESC, a."id" DESC LIMIT ?`,
    params: [...compiled.from.params, ...where.flatMap((w) => w.params), limit],
  });
}

/** How many of the newest articles `newestMatches` looks through before giving up. */
const NEWEST_WINDOW = 5000;

/**
 * Date order (SQLite) for a common word: joining every match to its article and sorting is slow when a word is in a
 * third of the archive. Walking the newest articles and keeping the matching ones is exact once `limit`
 * hits are found; otherwise (a rarer word) the caller's join is cheap and runs instead.
 */
async function newestMatches(db: Db, compiled: CompiledQuery, limit: number): Promise<Hit[] | null> {
  const match = compiled.where;
  const window = `SELECT a."id" AS id, ${WHEN} AS at FROM "Article" a ORDER BY ${WHEN} DESC, a."id" DESC LIMIT ${NEWEST_WINDOW}`;
  const hits = await runHits(db, 'sqlite', {
    sql: `WITH w AS (${window})
          SELECT w.id AS id, 0 AS score FROM w
          WHERE w.id IN (SELECT rowid FROM "ArticleSearch" WHERE ${match.sql} AND rowid >= (SELECT min(id) FROM w))
          ORDER BY w.at DESC, w.id DESC LIMIT ?`,
    params: [...match.params, limit],
  });
  return hits.length === limit ? hits : null;
}

interface Hit {
  id: number;
  score: number;
}

async function runHits(db: Db, provider: SqlProvider, fragment: Sql): Promise<Hit[]> {
  const statement = toProviderSql(provider, fragment);
  const rows = await db.$queryRawUnsafe<{ id: number | bigint; score: number | null }[]>(statement.sql, ...statement.params);
  return rows.map((row) => ({ id: Number(row.id), score: Number(row.score ?? 0) }));
}

/** Ids of every article matching a query, in id order, a page at a time (for export --query). */
export async function matchingIdsPage(db: Db, ast: QueryAst, after: number, pageSize: number, now: Date): Promise<number[]> {
  const provider = providerOf(db);
  const compiled = compileQuery(provider, ast, now);
  const statement = toProviderSql(provider, {
    sql: `SELECT a."id" AS id FROM ${compiled.from.sql} WHERE ${compiled.where.sql} AND a."id" > ? ORDER BY a."id" LIMIT ?`,
    params: [...compiled.from.params, ...compiled.where.params, after, pageSize],
  });
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(statement.sql, ...statement.params);
  return rows.map((row) => Number(row.id));
}
