/**
 * Streams export rows in id order with keyset pagination, so memory stays constant however large the
 * archive is.
 */
import type { Db } from './client.ts';

export interface ArticleFilter {
  since?: Date;
  until?: Date;
  language?: string;
  storyId?: number;
  ids?: number[];
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

const PAGE = 1000;

function articleWhere(filter: ArticleFilter) {
  const when = filter.since || filter.until ? { gte: filter.since, lt: filter.until } : undefined;
  return {
    ...(when ? { OR: [{ publishedAt: when }, { publishedAt: null, fetchedAt: when }] } : {}),
    ...(filter.language ? { language: filter.language } : {}),
    ...(filter.storyId !== undefined ? { memberships: { some: { storyId: filter.storyId, leftAt: null } } } : {}),
    ...(filter.ids ? { id: { in: filter.ids } } : {}),
  };
}

export async function* exportArticles(db: Db, filter: ArticleFilter): AsyncGenerator<ExportArticle> {
  let after = 0;
  for (;;) {
    const rows = await db.article.findMany({
      where: { ...articleWhere(filter), id: { gt: after, ...(filter.ids ? { in: filter.ids } : {}) } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: {
        id: true, url: true, source: true, title: true, language: true, publishedAt: true, fetchedAt: true,
        summary: true, author: true, languageConfidence: true,
        memberships: { where: { leftAt: null }, select: { storyId: true }, take: 1 },
        mentions: { select: { entity: { select: { name: true, type: true } } } },
      },
    });
    for (const row of rows) {
      const entities = new Map<string, { name: string; type: string }>();
      for (const { entity } of row.mentions) entities.set(`${entity.type}:${entity.name}`, entity);
      yield {
        id: row.id, url: row.url, source: row.source, title: row.title, language: row.language,
        published: row.publishedAt, fetchedAt: row.fetchedAt, storyId: row.memberships[0]?.storyId ?? null,
        entities: [...entities.values()], summary: row.summary, author: row.author,
        languageConfidence: row.languageConfidence,
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

export async function* exportStories(db: Db, filter: ArticleFilter): AsyncGenerator<ExportStory> {
  let after = 0;
  const when = filter.since || filter.until ? { gte: filter.since, lt: filter.until } : undefined;
  for (;;) {
    const rows = await db.story.findMany({
      where: {
        id: { gt: after, ...(filter.storyId !== undefined ? { equals: filter.storyId } : {}) },
        mergedIntoId: null,
        articleCount: { gt: 0 },
        ...(when ? { lastSeenAt: when } : {}),
      },
      orderBy: { id: 'asc' },
      take: PAGE,
      include: { members: { where: { leftAt: null }, select: { articleId: true }, orderBy: { articleId: 'asc' } } },
    });
    for (const row of rows) {
      const languages = JSON.parse(row.languages) as string[];
      if (filter.language && !languages.includes(filter.language)) continue;
      yield {
        id: row.id, title: row.title, titles: JSON.parse(row.titles), languages,
        firstSeen: row.firstSeenAt, lastSeen: row.lastSeenAt, articleCount: row.members.length,
        sources: JSON.parse(row.sources), entities: JSON.parse(row.keyEntities),
        articleIds: row.members.map((m) => m.articleId),
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}
