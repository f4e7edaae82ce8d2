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
import { providerOf, readDate, sqlDate, type SqlProvider } from './search-provider.ts';
import { rawRows } from './raw-rows.ts';
import { compileQuery, WHEN, type CompiledQuery, type Sql } from './search-sql.ts';

export type SearchSort = 'relevance' | 'date';

export interface SearchOptions {
  limit?: number;
  sort?: SearchSort;
  /** The clock for relative dates in the query (`since:7d`). */
  now?: Date;
  /** Only articles fetched in [fetchedSince, fetchedUntil): "new since the last run". */
  fetchedSince?: Date;
  fetchedUntil?: Date;
  /** The cost guards below (tests shrink them to exercise the paths on a small archive). */
  limits?: Partial<SearchLimits>;
}

/** Bounds on how much a search scores or walks (docs/decisions/0071-full-text-search.md). */
export interface SearchLimits {
  /** A match set larger than this is ranked by relevance only within the newest `recentWindow` articles. */
  hugeMatchSet: number;
  /** How many of the newest articles (within since:/until:) a huge match set is ranked in. */
  recentWindow: number;
  /** How many of the newest articles a date-ordered search walks before it runs the full query. */
  newestWindow: number;
}

export const SEARCH_LIMITS: Readonly<SearchLimits> = { hugeMatchSet: 10_000, recentWindow: 10_000, newestWindow: 5000 };

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
  const rows = await pageRows(db, ids.map((h) => h.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const terms = highlightTerms(ast);
  return ids.flatMap(({ id, score }) => {
    const row = byId.get(id);
    if (!row) return [];
    const body = row.bodyText ?? row.summary ?? '';
    const snippet = makeSnippet(body || row.title, terms);
    return [{
      id, url: row.url, title: row.title, source: row.source, language: row.language,
      published: row.publishedAt === null ? null : readDate(row.publishedAt), fetchedAt: readDate(row.fetchedAt),
      storyId: row.storyId === null ? null : Number(row.storyId),
      score: Number(score.toPrecision(4)), snippet,
    }];
  });
}

interface PageRow {
  id: number | bigint;
  url: string;
  title: string;
  source: string;
  language: string;
  publishedAt: unknown;
  fetchedAt: unknown;
  bodyText: string | null;
  summary: string | null;
  storyId: number | bigint | null;
}

/** The shown hits' details and current story in one raw query (the Prisma relation query cost ~5 ms more). */
async function pageRows(db: Db, ids: number[]): Promise<(PageRow & { id: number })[]> {
  const rows = await rawRows<PageRow>(db, {
    sql: `SELECT a."id" AS id, a."url" AS url, a."title" AS title, a."source" AS source, a."language" AS language,
            a."publishedAt" AS "publishedAt", a."fetchedAt" AS "fetchedAt", a."bodyText" AS "bodyText", a."summary" AS summary,
            (SELECT sm."storyId" FROM "StoryMember" sm WHERE sm."articleId" = a."id" AND sm."leftAt" IS NULL LIMIT 1) AS "storyId"
          FROM "Article" a WHERE a."id" IN (${ids.map(() => '?').join(', ')})`,
    params: ids,
  });
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

async function findHits(db: Db, ast: QueryAst, options: SearchOptions): Promise<Hit[]> {
  const provider = providerOf(db);
  const compiled = compileQuery(provider, ast, options.now ?? new Date());
  const limit = options.limit ?? 20;
  const limits = { ...SEARCH_LIMITS, ...options.limits };
  const fetched: Sql[] = [];
  if (options.fetchedSince) fetched.push({ sql: 'a."fetchedAt" >= ?', params: [sqlDate(provider, options.fetchedSince)] });
  if (options.fetchedUntil) fetched.push({ sql: 'a."fetchedAt" < ?', params: [sqlDate(provider, options.fetchedUntil)] });
  const byRelevance = options.sort !== 'date' && compiled.ranked !== null;
  if (byRelevance) {
    const ranked = await rankedHits(db, compiled, { limit, limits }, fetched);
    if (ranked) return ranked;
  } else if (!compiled.ranked) {
    // No words: date order, and the newest articles are the first place to look.
    const newest = await newestOnly(db, provider, compiled, { limit, limits }, fetched);
    if (newest) return newest;
  } else if (provider === 'sqlite' && !compiled.conditions && fetched.length === 0) {
    const newest = await newestMatches(db, compiled, { limit, limits });
    if (newest) return newest;
  }
  const where = [compiled.where, ...fetched];
  return runHits(db, {
    // In date order the score is not computed (0): scoring every match is what makes common words slow.
    sql: `SELECT a."id" AS id, ${byRelevance ? compiled.score : '0'} AS score FROM ${compiled.from.sql}
          WHERE ${where.map((w) => w.sql).join(' AND ')}
          ORDER BY ${byRelevance ? 'score DESC, ' : ''}${WHEN} DESC, a."id" DESC LIMIT ?`,
    params: [...compiled.from.params, ...where.flatMap((w) => w.params), limit],
  });
}

interface Bounds {
  limit: number;
  limits: SearchLimits;
}

/** The articles a relevance ranking looks at, as a condition over `a` that an index answers. */
interface RankScope {
  sql: Sql | null;
  /** Only the newest articles: an answer with fewer than `limit` hits is not final. */
  windowed: boolean;
}

/**
 * Relevance order: score inside the full-text index, restricted first to since:/until: (by the date index)
 * and, for a huge match set, to the newest articles; then join only the best candidates to Article. bm25
 * and ts_rank cost a few µs per scored match, which is what made common words slow. Null when the
 * window held too few hits: the caller's exact query over all matches answers then.
 */
async function rankedHits(db: Db, compiled: CompiledQuery, { limit, limits }: Bounds, fetched: Sql[]): Promise<Hit[] | null> {
  const scope = await rankScope(db, compiled, limits);
  const filters = [...(compiled.others ? [compiled.others] : []), ...fetched];
  // With conditions, take more candidates; if too few of them pass, run the exact query in the same scope.
  const candidates = filters.length ? Math.max(limit * 10, 200) : limit;
  const top = await runHits(db, {
    sql: `SELECT a."id" AS id, t.score AS score FROM (${within(compiled, compiled.ranked!, scope).sql} ORDER BY score DESC LIMIT ?) t
          JOIN "Article" a ON a."id" = t.id ${filters.length ? `WHERE ${filters.map((e) => e.sql).join(' AND ')}` : ''}
          ORDER BY t.score DESC, ${WHEN} DESC, a."id" DESC LIMIT ?`,
    params: [...within(compiled, compiled.ranked!, scope).params, candidates, ...filters.flatMap((e) => e.params), limit],
  });
  if (top.length === limit || (filters.length === 0 && !scope.windowed)) return top;
  if (filters.length === 0) return null;
  const where = [compiled.match!, ...(scope.sql ? [inScope(compiled, scope.sql)] : []), ...filters];
  const exact = await runHits(db, {
    sql: `SELECT a."id" AS id, ${compiled.score} AS score FROM ${compiled.from.sql} WHERE ${where.map((w) => w.sql).join(' AND ')}
          ORDER BY score DESC, ${WHEN} DESC, a."id" DESC LIMIT ?`,
    params: [...compiled.from.params, ...where.flatMap((w) => w.params), limit],
  });
  return exact.length === limit || !scope.windowed ? exact : null;
}

async function rankScope(db: Db, compiled: CompiledQuery, limits: SearchLimits): Promise<RankScope> {
  const dates = compiled.dates;
  const counted = within(compiled, compiled.matched!, { sql: dates, windowed: false });
  const [count] = await rawRows<{ n: number | bigint }>(db, {
    sql: `SELECT count(*) AS n FROM (${counted.sql} LIMIT ?) m`, params: [...counted.params, limits.hugeMatchSet + 1],
  });
  if (Number(count?.n ?? 0) <= limits.hugeMatchSet) return { sql: dates, windowed: false };
  const [edge] = await rawRows<{ at: unknown }>(db, {
    sql: `SELECT ${WHEN} AS at FROM "Article" a ${dates ? `WHERE ${dates.sql}` : ''} ORDER BY ${WHEN} DESC LIMIT 1 OFFSET ?`,
    params: [...(dates?.params ?? []), limits.recentWindow - 1],
  });
  if (!edge) return { sql: dates, windowed: false };
  const recent: Sql = { sql: `${WHEN} >= ?`, params: [edge.at] };
  return { sql: dates ? { sql: `${dates.sql} AND ${recent.sql}`, params: [...dates.params, ...recent.params] } : recent, windowed: true };
}

/** A match query (`ranked` or `matched`) restricted to the articles of a scope. */
function within(compiled: CompiledQuery, query: Sql, scope: RankScope | { sql: Sql | null }): Sql {
  if (!scope.sql) return query;
  const restriction = inScope(compiled, scope.sql);
  return { sql: `${query.sql} AND ${restriction.sql}`, params: [...query.params, ...restriction.params] };
}

function inScope(compiled: CompiledQuery, scope: Sql): Sql {
  return { sql: `${compiled.matchId!} IN (SELECT a."id" FROM "Article" a WHERE ${scope.sql})`, params: scope.params };
}

/**
 * Date order without words (entity:, account:, …): walk the date index from the newest article and keep
 * those that pass, exact once `limit` are found among the newest `newestWindow`; else the caller's query runs.
 */
async function newestOnly(db: Db, provider: SqlProvider, compiled: CompiledQuery, { limit, limits }: Bounds, fetched: Sql[]): Promise<Hit[] | null> {
  const where = [compiled.where, ...fetched];
  const hits = await runHits(db, {
    sql: `SELECT a."id" AS id, 0 AS score FROM "Article" a ${provider === 'sqlite' ? 'INDEXED BY "Article_when_idx"' : ''}
          WHERE ${WHEN} >= (SELECT ${WHEN} FROM "Article" a ORDER BY ${WHEN} DESC LIMIT 1 OFFSET ?)
            AND ${where.map((w) => w.sql).join(' AND ')}
          ORDER BY ${WHEN} DESC, a."id" DESC LIMIT ?`,
    params: [limits.newestWindow - 1, ...where.flatMap((w) => w.params), limit],
  });
  return hits.length === limit ? hits : null;
}

/**
 * Date order (SQLite) for a common word: joining every match to its article and sorting is slow when a word is in a
 * third of the archive. Walking the newest articles and keeping the matching ones is exact once `limit`
 * hits are found; otherwise (a rarer word) the caller's join is cheap and runs instead.
 */
async function newestMatches(db: Db, compiled: CompiledQuery, { limit, limits }: Bounds): Promise<Hit[] | null> {
  const match = compiled.where;
  const window = `SELECT a."id" AS id, ${WHEN} AS at FROM "Article" a ORDER BY ${WHEN} DESC, a."id" DESC LIMIT ${Math.trunc(limits.newestWindow)}`;
  const hits = await runHits(db, {
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

async function runHits(db: Db, fragment: Sql): Promise<Hit[]> {
  const rows = await rawRows<{ id: number | bigint; score: number | null }>(db, fragment);
  return rows.map((row) => ({ id: Number(row.id), score: Number(row.score ?? 0) }));
}

/** Ids of every article matching a query, in id order, a page at a time (for export --query). */
export async function matchingIdsPage(db: Db, ast: QueryAst, after: number, pageSize: number, now: Date): Promise<number[]> {
  const provider = providerOf(db);
  const compiled = compileQuery(provider, ast, now);
  const rows = await rawRows<{ id: number | bigint }>(db, {
    sql: `SELECT a."id" AS id FROM ${compiled.from.sql} WHERE ${compiled.where.sql} AND a."id" > ? ORDER BY a."id" LIMIT ?`,
    params: [...compiled.from.params, ...compiled.where.params, after, pageSize],
  });
  return rows.map((row) => Number(row.id));
}
