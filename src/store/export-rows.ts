/**
 * Streams export rows in id order with keyset pagination, so memory stays constant however large the
 * archive is. Each page is three queries (articles, their story, their entities), never one per row.
 * `asOf` gives a reproducible snapshot: only articles fetched by then, story membership as it was then
 * (StoryMember keeps joinedAt/leftAt history). See docs/decisions/0072-export-snapshots.md.
 */
import type { QueryAst } from '../query/ast.ts';
import type { Db } from './client.ts';
import { rawRows } from './raw-rows.ts';
import { providerOf, readDate, sqlDate, type SqlProvider } from './search-provider.ts';
import { compileQuery, WHEN, type Sql } from './search-sql.ts';

export interface ArticleFilter {
  since?: Date;
  until?: Date;
  language?: string;
  storyId?: number;
  ids?: number[];
  /** Only articles matching this query (the search language). */
  query?: QueryAst;
  /** Snapshot time: what was known then. */
  asOf?: Date;
  /** The clock for relative dates in the query. */
  now?: Date;
}

export interface ExportArticle {
  id: number;
  url: string;
  source: string;
  title: string;
  language: string;
  published: Date | null;
  fetchedAt: Date;
  storyId: number | null;
  entities: { name: string; type: string }[];
  summary: string | null;
  author: string | null;
  languageConfidence: number;
}

const PAGE = 1000;

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ');

/** Membership in force at `asOf` (or now): joined by then and not left by then. */
export function membershipAt(provider: SqlProvider, asOf: Date | undefined, alias = 'sm'): Sql {
  if (!asOf) return { sql: `${alias}."leftAt" IS NULL`, params: [] };
  const at = sqlDate(provider, asOf);
  return { sql: `${alias}."joinedAt" <= ? AND (${alias}."leftAt" IS NULL OR ${alias}."leftAt" > ?)`, params: [at, at] };
}

function articleConditions(provider: SqlProvider, filter: ArticleFilter): Sql[] {
  const parts: Sql[] = [];
  if (filter.since) parts.push({ sql: `${WHEN} >= ?`, params: [sqlDate(provider, filter.since)] });
  if (filter.until) parts.push({ sql: `${WHEN} < ?`, params: [sqlDate(provider, filter.until)] });
  if (filter.language) parts.push({ sql: 'a."language" = ?', params: [filter.language] });
  if (filter.asOf) parts.push({ sql: 'a."fetchedAt" <= ?', params: [sqlDate(provider, filter.asOf)] });
  if (filter.ids) parts.push({ sql: filter.ids.length ? `a."id" IN (${placeholders(filter.ids)})` : '1=0', params: filter.ids });
  if (filter.storyId !== undefined) {
    const member = membershipAt(provider, filter.asOf);
    parts.push({ sql: `a."id" IN (SELECT sm."articleId" FROM "StoryMember" sm WHERE sm."storyId" = ? AND ${member.sql})`, params: [filter.storyId, ...member.params] });
  }
  return parts;
}

interface ArticleRow {
  id: number | bigint;
  url: string;
  source: string;
  title: string;
  language: string;
  publishedAt: unknown;
  fetchedAt: unknown;
  summary: string | null;
  author: string | null;
  languageConfidence: number;
}

export async function* exportArticles(db: Db, filter: ArticleFilter): AsyncGenerator<ExportArticle> {
  const provider = providerOf(db);
  const compiled = filter.query ? compileQuery(provider, filter.query, filter.now ?? new Date()) : undefined;
  const from = compiled?.from ?? { sql: '"Article" a', params: [] };
  const where = [...(compiled ? [compiled.where] : []), ...articleConditions(provider, filter)];
  const names = new EntityNames();
  let after = 0;
  for (;;) {
    const conditions = [...where, { sql: 'a."id" > ?', params: [after] }];
    const rows = await rawRows<ArticleRow>(db, {
      sql: `SELECT a."id" AS id, a."url" AS url, a."source" AS source, a."title" AS title, a."language" AS language,
              a."publishedAt" AS "publishedAt", a."fetchedAt" AS "fetchedAt", a."summary" AS summary,
              a."author" AS author, a."languageConfidence" AS "languageConfidence"
            FROM ${from.sql} WHERE ${conditions.map((c) => c.sql).join(' AND ')} ORDER BY a."id" LIMIT ?`,
      params: [...from.params, ...conditions.flatMap((c) => c.params), PAGE],
    });
    if (rows.length === 0) return;
    const ids = rows.map((row) => Number(row.id));
    const [stories, entities] = await Promise.all([storiesOf(db, provider, ids, filter.asOf), entitiesOf(db, provider, ids, names)]);
    for (const row of rows) {
      const id = Number(row.id);
      yield {
        id, url: row.url, source: row.source, title: row.title, language: row.language,
        published: row.publishedAt === null ? null : readDate(row.publishedAt), fetchedAt: readDate(row.fetchedAt),
        storyId: stories.get(id) ?? null, entities: entities.get(id) ?? [], summary: row.summary, author: row.author,
        languageConfidence: Number(row.languageConfidence),
      };
    }
    if (rows.length < PAGE) return;
    after = ids.at(-1)!;
  }
}

async function storiesOf(db: Db, provider: SqlProvider, ids: number[], asOf: Date | undefined): Promise<Map<number, number>> {
  const member = membershipAt(provider, asOf);
  const rows = await rawRows<{ articleId: number | bigint; storyId: number | bigint }>(db, {
    sql: `SELECT sm."articleId" AS "articleId", sm."storyId" AS "storyId" FROM "StoryMember" sm
          WHERE sm."articleId" IN (${placeholders(ids)}) AND ${member.sql} ORDER BY sm."joinedAt", sm."id"`,
    params: [...ids, ...member.params],
  });
  // Should an article ever hold two memberships at once, the latest join wins.
  return new Map(rows.map((row) => [Number(row.articleId), Number(row.storyId)]));
}

/**
 * Entities per article: one row per article (ids aggregated in SQL, in mention order) and names from a
 * cache shared by the whole export, so the driver converts a sixth of the rows a plain join would return.
 */
async function entitiesOf(db: Db, provider: SqlProvider, ids: number[], names: EntityNames): Promise<Map<number, { name: string; type: string }[]>> {
  const aggregate = provider === 'sqlite' ? 'group_concat("entityId")' : `string_agg("entityId"::text, ',' ORDER BY "id")`;
  const inner = provider === 'sqlite'
    ? `(SELECT "articleId", "entityId" FROM "Mention" WHERE "articleId" IN (${placeholders(ids)}) ORDER BY "articleId", "id") m`
    : `"Mention" m WHERE "articleId" IN (${placeholders(ids)})`;
  const rows = await rawRows<{ articleId: number | bigint; entityIds: string }>(db, {
    sql: `SELECT "articleId" AS "articleId", ${aggregate} AS "entityIds" FROM ${inner} GROUP BY "articleId"`,
    params: ids,
  });
  const perArticle = rows.map((row) => ({ id: Number(row.articleId), entityIds: [...new Set(String(row.entityIds).split(',').map(Number))] }));
  await names.load(db, perArticle.flatMap((row) => row.entityIds));
  return new Map(perArticle.map((row) => [row.id, row.entityIds.flatMap((id) => names.get(id) ?? [])]));
}

/** Entity names by id, loaded as pages need them; bounded by the number of entities, not articles. */
class EntityNames {
  private readonly names = new Map<number, { name: string; type: string }>();

  get(id: number) {
    return this.names.get(id);
  }

  async load(db: Db, ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id));
    if (missing.length === 0) return;
    const rows = await db.entity.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, type: true } });
    for (const row of rows) this.names.set(row.id, { name: row.name, type: row.type });
  }
}

export interface ExportStory {
  id: number;
  title: string;
  titles: Record<string, string>;
  languages: string[];
  firstSeen: Date;
  lastSeen: Date;
  articleCount: number;
  sources: string[];
  entities: { name: string; type: string; count?: number }[];
  articleIds: number[];
}

interface MemberRow {
  storyId: number | bigint;
  articleId: number | bigint;
  at: unknown;
  source: string;
  language: string;
}

/** Stories with members (at `asOf`, or now), in id order; with `query`, those holding a matching article. */
export async function* exportStories(db: Db, filter: ArticleFilter): AsyncGenerator<ExportStory> {
  const provider = providerOf(db);
  const member = membershipAt(provider, filter.asOf);
  const wanted = filter.query ? await storiesMatching(db, provider, filter) : undefined;
  let after = 0;
  for (;;) {
    const stories = await db.story.findMany({
      where: { id: { gt: after, ...(filter.storyId !== undefined ? { equals: filter.storyId } : {}) } },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    if (stories.length === 0) return;
    const ids = stories.map((s) => s.id);
    const members = await rawRows<MemberRow>(db, {
      sql: `SELECT sm."storyId" AS "storyId", sm."articleId" AS "articleId", ${WHEN} AS at, a."source" AS source, a."language" AS language
            FROM "StoryMember" sm JOIN "Article" a ON a."id" = sm."articleId"
            WHERE sm."storyId" IN (${placeholders(ids)}) AND ${member.sql}${filter.asOf ? ' AND a."fetchedAt" <= ?' : ''}
            ORDER BY sm."storyId", ${WHEN}, sm."articleId"`,
      params: [...ids, ...member.params, ...(filter.asOf ? [sqlDate(provider, filter.asOf)] : [])],
    });
    const byStory = new Map<number, MemberRow[]>();
    for (const m of members) {
      const id = Number(m.storyId);
      const list = byStory.get(id);
      if (list) list.push(m);
      else byStory.set(id, [m]);
    }
    for (const story of stories) {
      const rows = byStory.get(story.id);
      if (!rows || (wanted && !wanted.has(story.id))) continue;
      const record = storyRecord(story, rows, filter.asOf !== undefined);
      if (keepStory(record, filter)) yield record;
    }
    if (stories.length < PAGE) return;
    after = ids.at(-1)!;
  }
}

type StoryRow = Awaited<ReturnType<Db['story']['findMany']>>[number];

/** Now: the clusterer's bookkeeping. As of a past time: recomputed from the members then. */
function storyRecord(story: StoryRow, members: MemberRow[], snapshot: boolean): ExportStory {
  const times = members.map((m) => readDate(m.at));
  return {
    id: story.id, title: story.title, titles: JSON.parse(story.titles) as Record<string, string>,
    languages: snapshot ? [...new Set(members.map((m) => m.language))] : (JSON.parse(story.languages) as string[]),
    firstSeen: snapshot ? times[0]! : story.firstSeenAt,
    lastSeen: snapshot ? new Date(Math.max(...times.map((t) => t.getTime()))) : story.lastSeenAt,
    articleCount: members.length,
    sources: snapshot ? [...new Set(members.map((m) => m.source))] : (JSON.parse(story.sources) as string[]),
    entities: JSON.parse(story.keyEntities) as ExportStory['entities'],
    articleIds: members.map((m) => Number(m.articleId)).sort((a, b) => a - b),
  };
}

function keepStory(story: ExportStory, filter: ArticleFilter): boolean {
  if (filter.since && story.lastSeen < filter.since) return false;
  if (filter.until && story.lastSeen >= filter.until) return false;
  return !filter.language || story.languages.includes(filter.language);
}

/** Ids of the stories holding at least one article that matches the query (one query, a set of ints). */
async function storiesMatching(db: Db, provider: SqlProvider, filter: ArticleFilter): Promise<Set<number>> {
  const compiled = compileQuery(provider, filter.query!, filter.now ?? new Date());
  const member = membershipAt(provider, filter.asOf);
  const asOf = filter.asOf ? [{ sql: 'a."fetchedAt" <= ?', params: [sqlDate(provider, filter.asOf)] }] : [];
  const where = [compiled.where, member, ...asOf];
  const rows = await rawRows<{ storyId: number | bigint }>(db, {
    sql: `SELECT DISTINCT sm."storyId" AS "storyId" FROM ${compiled.from.sql} JOIN "StoryMember" sm ON sm."articleId" = a."id"
          WHERE ${where.map((w) => w.sql).join(' AND ')}`,
    params: [...compiled.from.params, ...where.flatMap((w) => w.params)],
  });
  return new Set(rows.map((r) => Number(r.storyId)));
}
