/** Articles as the clusterer sees them, read back from the store (corrections, recluster). */
import type { StoryState } from '../cluster/index.ts';
import type { ClusterArticle, DetectedLanguage, EntityRef, EntityType } from '../domain/types.ts';
import { UserError } from '../domain/errors.ts';
import type { Db } from './client.ts';

const select = {
  id: true, url: true, source: true, title: true, bodyText: true, language: true, publishedAt: true, fetchedAt: true,
  mentions: { select: { entity: { select: { name: true, type: true } } } },
} as const;

type Row = { id: number; url: string; source: string; title: string; bodyText: string | null; language: string;
  publishedAt: Date | null; fetchedAt: Date; mentions: { entity: { name: string; type: string } }[] };

export function toClusterArticle(row: Row): ClusterArticle {
  const entities = new Map<string, EntityRef>();
  for (const { entity } of row.mentions) entities.set(`${entity.type}:${entity.name}`, { name: entity.name, type: entity.type as EntityType });
  return {
    id: row.id, url: row.url, source: row.source, title: row.title, text: row.bodyText ?? '',
    language: row.language as DetectedLanguage, published: row.publishedAt ?? row.fetchedAt, entities: [...entities.values()],
  };
}

export async function clusterArticle(db: Db, id: number): Promise<ClusterArticle> {
  const row = await db.article.findUnique({ where: { id }, select });
  if (!row) throw new UserError(`no article ${id}`);
  return toClusterArticle(row);
}

/** Articles published (else fetched) at or after `since`; all without it. */
export function articlesSince(since: Date | undefined) {
  return since ? { OR: [{ publishedAt: { gte: since } }, { publishedAt: null, fetchedAt: { gte: since } }] } : {};
}

/** Articles at or after `since`, in time order, a page at a time. */
export async function* clusterArticlesSince(db: Db, since: Date | undefined): AsyncGenerator<ClusterArticle> {
  const where = articlesSince(since);
  for (let skip = 0; ; skip += 500) {
    const rows = await db.article.findMany({ where, select, orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }], skip, take: 500 });
    for (const row of rows) yield toClusterArticle(row);
    if (rows.length < 500) return;
  }
}

/** Entity types for a story's key entities (the clusterer's state keeps names only). */
export async function storyEntityTypes(db: Db, story: StoryState): Promise<Map<string, string>> {
  const names = Object.keys(story.entities);
  const rows = await db.entity.findMany({ where: { name: { in: names } }, select: { name: true, type: true } });
  return new Map(rows.map((row) => [row.name, row.type]));
}
