/** Loads the hand-written fixture articles (test/fixtures/query/) into a test database, indexed for search. */
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/store/client.ts';
import { indexArticleText } from '../../src/store/search-index.ts';

interface FixtureArticle {
  key: string;
  url: string;
  source: string;
  language: string;
  published: string;
  fetchedAt: string;
  title: string;
  text: string;
  entities: [string, string, string][];
  story: string;
}

export const fixtures: FixtureArticle[] = JSON.parse(
  readFileSync(new URL('../fixtures/query/articles.json', import.meta.url), 'utf8'),
).articles;

export interface Seeded {
  articles: Map<string, number>;
  stories: Map<string, number>;
  entities: Map<string, number>;
}

export async function seed(db: Db, items: FixtureArticle[] = fixtures): Promise<Seeded> {
  const seeded: Seeded = { articles: new Map(), stories: new Map(), entities: new Map() };
  for (const item of items) {
    const published = new Date(item.published);
    const fetchedAt = new Date(item.fetchedAt);
    const article = await db.article.create({
      data: {
        url: item.url, source: item.source, title: item.title, bodyText: item.text, language: item.language,
        languageConfidence: 1, publishedAt: published, fetchedAt, contentHash: item.key, extractStatus: 'ok',
      },
    });
    seeded.articles.set(item.key, article.id);
    for (const [name, type, surface] of item.entities) {
      const entity = await db.entity.upsert({
        where: { key: `${type}:${name.toLowerCase()}` },
        create: { key: `${type}:${name.toLowerCase()}`, name, type },
        update: {},
      });
      seeded.entities.set(name, entity.id);
      await db.entityAlias.upsert({
        where: { entityId_alias: { entityId: entity.id, alias: surface } },
        create: { entityId: entity.id, alias: surface },
        update: {},
      });
      const start = item.text.indexOf(surface);
      // one row per article and entity, counting the surface's occurrences in the text (at least the one listed)
      const count = Math.max(1, item.text.split(surface).length - 1);
      await db.mention.create({
        data: {
          articleId: article.id, entityId: entity.id, count, field: 'text', start: Math.max(0, start),
          end: Math.max(0, start) + surface.length, surface, createdAt: published,
        },
      });
    }
    await joinStory(db, seeded, item.story, article.id, item.title, fetchedAt, published, item.source, item.language);
    await indexArticleText(db, { id: article.id, title: item.title, text: item.text, language: item.language });
  }
  return seeded;
}

async function joinStory(
  db: Db, seeded: Seeded, key: string, articleId: number, title: string, joinedAt: Date, published: Date,
  source: string, language: string,
): Promise<void> {
  let storyId = seeded.stories.get(key);
  if (storyId === undefined) {
    const story = await db.story.create({
      data: { title, firstSeenAt: published, lastSeenAt: published, firstArticleId: articleId },
    });
    storyId = story.id;
    seeded.stories.set(key, storyId);
  }
  const story = await db.story.findUniqueOrThrow({ where: { id: storyId } });
  const sources = new Set([...(JSON.parse(story.sources) as string[]), source]);
  const languages = new Set([...(JSON.parse(story.languages) as string[]), language]);
  await db.story.update({
    where: { id: storyId },
    data: {
      articleCount: { increment: 1 }, sources: JSON.stringify([...sources]), languages: JSON.stringify([...languages]),
      sourceCount: sources.size,
      firstSeenAt: published < story.firstSeenAt ? published : story.firstSeenAt,
      lastSeenAt: published > story.lastSeenAt ? published : story.lastSeenAt,
    },
  });
  await db.storyMember.create({ data: { storyId, articleId, joinedAt } });
}
