/** Reading stories for `stories`, `story` and the digest. */
import { labelReader } from '../cluster/index.ts';
import { rankStories } from '../query/rank-stories.ts';
import type { Db } from './client.ts';
import { entityKeysOf } from './entities.ts';

export interface StorySummary {
  id: number;
  title: string;
  titles: Record<string, string>;
  languages: string[];
  sources: string[];
  articleCount: number;
  sourceCount: number;
  firstSeen: Date;
  lastSeen: Date;
  keyEntities: { name: string; type: string; count?: number }[];
  first: { articleId: number; source: string; title: string; url: string; published: Date | null } | null;
}

export interface StoryListFilter {
  since?: Date;
  until?: Date;
  language?: 'de' | 'en';
  minSources?: number;
  entity?: string;
  limit?: number;
}

export async function listStories(db: Db, filter: StoryListFilter, now: Date): Promise<StorySummary[]> {
  const entityName = filter.entity?.trim();
  const rows = await db.story.findMany({
    where: {
      mergedIntoId: null,
      articleCount: { gt: 0 },
      ...(filter.since || filter.until ? { lastSeenAt: { gte: filter.since, lt: filter.until } } : {}),
      ...(filter.minSources ? { sourceCount: { gte: filter.minSources } } : {}),
      ...(entityName
        ? {
            members: {
              some: {
                leftAt: null,
                article: { mentions: { some: { entity: { OR: [{ name: entityName }, { key: { in: entityKeysOf(entityName) } }, { aliases: { some: { alias: entityName } } }] } } } },
              },
            },
          }
        : {}),
    },
    orderBy: { lastSeenAt: 'desc' },
    take: 2000,
  });
  const summaries = rows
    .map((row) => ({
      id: row.id,
      title: row.title,
      titles: JSON.parse(row.titles) as Record<string, string>,
      languages: JSON.parse(row.languages) as string[],
      sources: JSON.parse(row.sources) as string[],
      articleCount: row.articleCount,
      sourceCount: row.sourceCount,
      firstSeen: row.firstSeenAt,
      lastSeen: row.lastSeenAt,
      keyEntities: JSON.parse(row.keyEntities) as StorySummary['keyEntities'],
      firstArticleId: row.firstArticleId,
    }))
    .filter((story) => !filter.language || story.languages.includes(filter.language));
  const ranked = rankStories(summaries, now).slice(0, filter.limit ?? 50);
  const firstIds = ranked.map((s) => s.firstArticleId).filter((id): id is number => id !== null);
  const firsts = await db.article.findMany({
    where: { id: { in: firstIds } },
    select: { id: true, source: true, title: true, url: true, publishedAt: true },
  });
  const byId = new Map(firsts.map((a) => [a.id, a]));
  return ranked.map(({ firstArticleId, ...story }) => {
    const first = firstArticleId === null ? undefined : byId.get(firstArticleId);
    return {
      ...story,
      first: first
        ? { articleId: first.id, source: first.source, title: first.title, url: first.url, published: first.publishedAt }
        : null,
    };
  });
}

export interface StoryArticle {
  id: number;
  url: string;
  source: string;
  language: string;
  title: string;
  published: Date | null;
  fetchedAt: Date;
  summary: string | null;
}

/** The current members of a story in time order (the timeline). */
export async function storyArticles(db: Db, storyId: number): Promise<StoryArticle[]> {
  const members = await db.storyMember.findMany({
    where: { storyId, leftAt: null },
    select: {
      article: {
        select: { id: true, url: true, source: true, language: true, title: true, publishedAt: true, fetchedAt: true, summary: true },
      },
    },
  });
  return members
    .map(({ article }) => ({ ...article, published: article.publishedAt }))
    .map(({ publishedAt: _p, ...rest }) => rest)
    .sort((a, b) => (a.published ?? a.fetchedAt).getTime() - (b.published ?? b.fetchedAt).getTime());
}

export interface StoryDetail {
  id: number;
  title: string;
  titles: Record<string, string>;
  languages: string[];
  sources: string[];
  firstSeen: Date;
  lastSeen: Date;
  articleCount: number;
  mergedIntoId: number | null;
  keyEntities: { name: string; type: string; count?: number }[];
  reasons: { entities: string[]; terms: string[] };
  timeline: (StoryArticle & { reasons: { entities: string[]; terms: string[] }; score: number; pinned: boolean })[];
}

/**
 * "Why grouped" labels are stems and folded names; they are shown in the words of the story's best-matching
 * articles (their titles and the start of their texts, which bounds the work for a story of thousands) and
 * its key entities.
 */
const LABEL_ARTICLES = 20;
const LABEL_TEXT = 1_500;

export async function storyDetail(db: Db, storyId: number): Promise<StoryDetail | null> {
  const row = await db.story.findUnique({ where: { id: storyId } });
  if (!row) return null;
  const members = await db.storyMember.findMany({
    where: { storyId, leftAt: null },
    select: {
      score: true, reasons: true, pinned: true,
      article: {
        select: { id: true, url: true, source: true, language: true, title: true, publishedAt: true, fetchedAt: true, summary: true },
      },
    },
  });
  const best = [...members].sort((a, b) => b.score - a.score).slice(0, LABEL_ARTICLES).map((m) => m.article.id);
  const texts = await db.article.findMany({
    where: { id: { in: best } },
    select: { title: true, bodyText: true, summary: true, language: true },
  });
  const keyEntities = JSON.parse(row.keyEntities) as StoryDetail['keyEntities'];
  const readable = labelReader(
    texts.map((a) => ({ text: `${a.title} ${(a.bodyText ?? a.summary ?? '').slice(0, LABEL_TEXT)}`, language: a.language })),
    keyEntities,
  );
  // stored as {entities, terms}; a story without any as "[]", a member without any as "{}"
  const readableReasons = (json: string): StoryDetail['reasons'] => {
    const reasons = JSON.parse(json) as Partial<StoryDetail['reasons']>;
    return { entities: readable(reasons.entities ?? []), terms: readable(reasons.terms ?? []) };
  };
  const timeline = members
    .map(({ article: { publishedAt, ...article }, score, reasons, pinned }) => ({
      ...article, published: publishedAt, score, pinned, reasons: readableReasons(reasons),
    }))
    .sort((a, b) => (a.published ?? a.fetchedAt).getTime() - (b.published ?? b.fetchedAt).getTime());
  return {
    id: row.id,
    title: row.title,
    titles: JSON.parse(row.titles),
    languages: JSON.parse(row.languages),
    sources: JSON.parse(row.sources),
    firstSeen: row.firstSeenAt,
    lastSeen: row.lastSeenAt,
    articleCount: timeline.length,
    mergedIntoId: row.mergedIntoId,
    keyEntities,
    reasons: readableReasons(row.reasons),
    timeline,
  };
}
