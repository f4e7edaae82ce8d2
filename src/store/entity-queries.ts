/**
 * Reading entities for `entities` (top and trending) and `entity NAME` (profile). Aggregates run in SQL on
 * the Mention indexes (one row per article and entity, with its count of mentions; migrations 0002 and 0004);
 * each command is a handful of queries whatever the archive size.
 */
import { rankTrending, type TrendRow } from '../query/trending.ts';
import type { Db } from './client.ts';
import { providerOf, readDate, sqlDate, type SqlProvider } from './search-provider.ts';
import { rawRows } from './raw-rows.ts';
import { entityIds } from './search-sql.ts';

export interface EntityCount {
  id: number;
  name: string;
  type: string;
  mentions: number;
  articles: number;
  /** Articles in the previous window of the same length (trending only). */
  previous?: number;
  /** Trend strength (trending only): growth over the previous window, damped for small counts. */
  trend?: number;
}

export interface TopEntitiesOptions {
  type?: string;
  since?: Date;
  until?: Date;
  limit?: number;
  /** Compare [since, until) with the window of the same length before it. */
  trending?: boolean;
}

const count = (value: unknown) => Number(value ?? 0);

export async function topEntities(db: Db, options: TopEntitiesOptions, now: Date): Promise<EntityCount[]> {
  const provider = providerOf(db);
  const limit = options.limit ?? 20;
  const until = options.until ?? now;
  const typeJoin = options.type ? 'JOIN "Entity" e ON e."id" = m."entityId" AND e."type" = ?' : '';
  const typeParams = options.type ? [options.type] : [];
  let rows: { id: number; mentions: unknown; articles: unknown; previous?: unknown }[];
  if (options.trending) {
    const since = options.since ?? new Date(until.getTime() - 7 * 86_400_000);
    const before = new Date(since.getTime() - (until.getTime() - since.getTime()));
    const [s, u, b] = [since, until, before].map((d) => sqlDate(provider, d));
    rows = await rawRows(db, {
      sql: `SELECT m."entityId" AS id,
              sum(CASE WHEN m."createdAt" >= ? THEN m."count" ELSE 0 END) AS mentions,
              count(CASE WHEN m."createdAt" >= ? THEN 1 END) AS articles,
              count(CASE WHEN m."createdAt" < ? THEN 1 END) AS previous
            FROM "Mention" m ${typeJoin}
            WHERE m."createdAt" >= ? AND m."createdAt" < ?
            GROUP BY m."entityId"`,
      params: [s, s, s, ...typeParams, b, u],
    });
    const ranked = rankTrending(rows.map((r): TrendRow => ({ id: Number(r.id), current: count(r.articles), previous: count(r.previous), mentions: count(r.mentions) })));
    return withNames(db, ranked.slice(0, limit).map((r) => ({ id: r.id, mentions: r.mentions, articles: r.current, previous: r.previous, trend: r.trend })));
  }
  const when: string[] = [];
  const params: unknown[] = [...typeParams];
  if (options.since) {
    when.push('m."createdAt" >= ?');
    params.push(sqlDate(provider, options.since));
  }
  if (options.until) {
    when.push('m."createdAt" < ?');
    params.push(sqlDate(provider, options.until));
  }
  rows = await rawRows(db, {
    sql: `SELECT m."entityId" AS id, sum(m."count") AS mentions, count(*) AS articles
          FROM "Mention" m ${typeJoin} ${when.length ? `WHERE ${when.join(' AND ')}` : ''}
          GROUP BY m."entityId" ORDER BY articles DESC, mentions DESC, m."entityId" LIMIT ?`,
    params: [...params, limit],
  });
  return withNames(db, rows.map((r) => ({ id: Number(r.id), mentions: count(r.mentions), articles: count(r.articles) })));
}

async function withNames(db: Db, rows: Omit<EntityCount, 'name' | 'type'>[]): Promise<EntityCount[]> {
  const entities = await db.entity.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, name: true, type: true } });
  const byId = new Map(entities.map((e) => [e.id, e]));
  return rows.flatMap((row) => {
    const entity = byId.get(row.id);
    return entity ? [{ ...row, name: entity.name, type: entity.type }] : [];
  });
}

/** The entity a researcher means: canonical name or alias, case-insensitive; the one most articles mention wins. */
export async function findEntity(db: Db, name: string): Promise<{ id: number; name: string; type: string } | null> {
  const ids = await rawRows<{ id: number }>(db, entityIds(name.trim()));
  if (ids.length === 0) return null;
  if (ids.length === 1) {
    return db.entity.findUnique({ where: { id: Number(ids[0]!.id) }, select: { id: true, name: true, type: true } });
  }
  const candidates = await db.entity.findMany({
    where: { id: { in: ids.map((r) => Number(r.id)) } },
    select: { id: true, name: true, type: true, _count: { select: { mentions: true } } },
  });
  candidates.sort((a, b) => b._count.mentions - a._count.mentions || a.id - b.id);
  const best = candidates[0];
  return best ? { id: best.id, name: best.name, type: best.type } : null;
}

export interface EntityStory {
  id: number;
  title: string;
  articleCount: number;
  lastSeen: Date;
}

export interface EntityProfile {
  id: number;
  name: string;
  type: string;
  aliases: string[];
  accounts: string[];
  owner: string | null;
  mentions: number;
  articles: number;
  stories: EntityStory[];
  perDay: { date: string; count: number }[];
  coOccurring: { name: string; type: string; articles: number }[];
}

/**
 * Stories and co-occurrence look at the entity's latest articles only (index Mention(entityId, createdAt)),
 * so an entity with 100,000 mentions costs about what a small one does. Stories are listed newest first,
 * and the newest stories hold the newest articles. (Until Mention became a row per article and entity this
 * limit of 2,000 rows counted mentions, about 500 articles on the benchmark archive: 500 keeps the cost.)
 */
const RECENT_ARTICLES = 500;
const LATEST_ARTICLES = 'SELECT "articleId" FROM "Mention" WHERE "entityId" = ? ORDER BY "createdAt" DESC LIMIT ?';

export async function entityProfile(db: Db, name: string, options: { days?: number; stories?: number } = {}): Promise<EntityProfile | null> {
  const found = await findEntity(db, name);
  if (!found) return null;
  const provider = providerOf(db);
  const [entity, totals, stories, perDay, coOccurring] = await Promise.all([
    db.entity.findUniqueOrThrow({
      where: { id: found.id },
      select: { aliases: { select: { alias: true } }, accounts: { select: { name: true } }, owner: { select: { name: true } } },
    }),
    rawRows<{ mentions: unknown; articles: unknown }>(db, {
      sql: 'SELECT coalesce(sum("count"), 0) AS mentions, count(*) AS articles FROM "Mention" WHERE "entityId" = ?',
      params: [found.id],
    }),
    entityStories(db, found.id, options.stories ?? 20),
    mentionsPerDay(db, provider, found.id, options.days ?? 30),
    coOccurringEntities(db, found.id),
  ]);
  const aliases = [...new Set(entity.aliases.map((a) => a.alias))]
    .filter((alias) => alias !== found.name)
    .sort((a, b) => a.localeCompare(b));
  return {
    ...found,
    aliases,
    accounts: entity.accounts.map((a) => a.name).sort(),
    owner: entity.owner?.name ?? null,
    mentions: count(totals[0]?.mentions),
    articles: count(totals[0]?.articles),
    stories,
    perDay,
    coOccurring,
  };
}

async function entityStories(db: Db, entityId: number, limit: number): Promise<EntityStory[]> {
  const rows = await rawRows<{ id: number; title: string; articleCount: unknown; lastSeenAt: unknown }>(db, {
    sql: `SELECT s."id" AS id, s."title" AS title, s."articleCount" AS "articleCount", s."lastSeenAt" AS "lastSeenAt"
          FROM "Story" s WHERE s."mergedIntoId" IS NULL AND s."id" IN (
            SELECT sm."storyId" FROM (${LATEST_ARTICLES}) m
            JOIN "StoryMember" sm ON sm."articleId" = m."articleId" AND sm."leftAt" IS NULL)
          ORDER BY s."lastSeenAt" DESC, s."id" DESC LIMIT ?`,
    params: [entityId, RECENT_ARTICLES, limit],
  });
  return rows.map((r) => ({ id: Number(r.id), title: r.title, articleCount: count(r.articleCount), lastSeen: readDate(r.lastSeenAt) }));
}

/** Mentions per UTC day over the `days` days ending with the latest mention (zeros filled in). */
async function mentionsPerDay(db: Db, provider: SqlProvider, entityId: number, days: number): Promise<{ date: string; count: number }[]> {
  const latest = await db.mention.findFirst({ where: { entityId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  if (!latest) return [];
  const end = Date.parse(latest.createdAt.toISOString().slice(0, 10));
  const start = new Date(end - (days - 1) * 86_400_000);
  const day = provider === 'sqlite' ? 'substr("createdAt", 1, 10)' : `to_char("createdAt", 'YYYY-MM-DD')`;
  const rows = await rawRows<{ day: string; n: unknown }>(db, {
    sql: `SELECT ${day} AS day, sum("count") AS n FROM "Mention" WHERE "entityId" = ? AND "createdAt" >= ? GROUP BY ${day}`,
    params: [entityId, sqlDate(provider, start)],
  });
  const byDay = new Map(rows.map((r) => [r.day, count(r.n)]));
  return Array.from({ length: days }, (_, i) => {
    const date = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { date, count: byDay.get(date) ?? 0 };
  });
}

async function coOccurringEntities(db: Db, entityId: number): Promise<EntityProfile['coOccurring']> {
  const rows = await rawRows<{ id: number; n: unknown }>(db, {
    sql: `SELECT m2."entityId" AS id, count(*) AS n
          FROM "Mention" m2
          WHERE m2."articleId" IN (${LATEST_ARTICLES}) AND m2."entityId" <> ?
          GROUP BY m2."entityId" ORDER BY n DESC, m2."entityId" LIMIT 10`,
    params: [entityId, RECENT_ARTICLES, entityId],
  });
  const named = await withNames(db, rows.map((r) => ({ id: Number(r.id), mentions: 0, articles: count(r.n) })));
  return named.map((e) => ({ name: e.name, type: e.type, articles: e.articles }));
}
