/** Inserts the digest sample (test/fixtures/digest/sample.json) into a database with plain Prisma writes. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/store/client.ts';

interface SampleMention { entity: string; type: string; field: 'title' | 'text'; surface: string }
interface SampleArticle { url: string; source: string; language: string; published: string; title: string; body?: string; mentions?: SampleMention[] }
interface SampleStory { title: string; titles: Record<string, string>; keyEntities: { name: string; type: string }[]; articles: SampleArticle[] }
interface SampleFeed { name: string; url: string; language: string; lastSuccessAt: string; failures?: { at: string; error: string }[] }

export interface Sample {
  date: string;
  feeds: SampleFeed[];
  stories: SampleStory[];
  savedSearches: { name: string; query: string }[];
  recipient: { email: string; name: string; languages: ('de' | 'en')[]; watch: string[]; entities: string[] };
}

export function loadSample(): Sample {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'digest', 'sample.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Sample;
}

async function seedFeeds(db: Db, feeds: SampleFeed[]): Promise<void> {
  for (const feed of feeds) {
    const failures = feed.failures ?? [];
    const row = await db.feed.create({
      data: {
        name: feed.name,
        url: feed.url,
        language: feed.language,
        lastSuccessAt: new Date(feed.lastSuccessAt),
        lastStatus: failures.length ? 'failed' : 'ok',
        lastError: failures.at(-1)?.error ?? null,
        consecutiveFailures: failures.length,
      },
    });
    for (const failure of failures) {
      await db.fetchAttempt.create({
        data: { feedId: row.id, startedAt: new Date(failure.at), durationMs: 120, status: 'failed', error: failure.error },
      });
    }
  }
}

async function seedArticle(db: Db, article: SampleArticle): Promise<number> {
  const published = new Date(article.published);
  const row = await db.article.create({
    data: {
      url: article.url,
      source: article.source,
      title: article.title,
      bodyText: article.body ?? null,
      summary: article.body ?? null,
      language: article.language,
      publishedAt: published,
      fetchedAt: new Date(published.getTime() + 60_000),
      contentHash: article.url,
    },
  });
  for (const m of article.mentions ?? []) {
    const key = `${m.type}:${m.entity.toLowerCase()}`;
    const entity = await db.entity.upsert({ where: { key }, create: { key, name: m.entity, type: m.type }, update: {} });
    const start = (m.field === 'title' ? article.title : (article.body ?? '')).indexOf(m.surface);
    await db.mention.create({
      data: { articleId: row.id, entityId: entity.id, field: m.field, start, end: start + m.surface.length, surface: m.surface, createdAt: published },
    });
  }
  return row.id;
}

async function seedStory(db: Db, story: SampleStory): Promise<number> {
  const ids: number[] = [];
  for (const article of story.articles) ids.push(await seedArticle(db, article));
  const times = story.articles.map((a) => new Date(a.published).getTime());
  const sources = [...new Set(story.articles.map((a) => a.source))];
  const row = await db.story.create({
    data: {
      title: story.title,
      titles: JSON.stringify(story.titles),
      languages: JSON.stringify(Object.keys(story.titles)),
      sources: JSON.stringify(sources),
      firstSeenAt: new Date(Math.min(...times)),
      lastSeenAt: new Date(Math.max(...times)),
      firstArticleId: ids[0] ?? null,
      articleCount: ids.length,
      sourceCount: sources.length,
      keyEntities: JSON.stringify(story.keyEntities.map((e) => ({ ...e, count: 1 }))),
    },
  });
  for (const [i, articleId] of ids.entries()) {
    await db.storyMember.create({ data: { storyId: row.id, articleId, joinedAt: new Date(times[i]!) } });
  }
  return row.id;
}

export async function seedSample(db: Db, sample: Sample = loadSample()): Promise<Sample> {
  await seedFeeds(db, sample.feeds);
  for (const story of sample.stories) await seedStory(db, story);
  for (const search of sample.savedSearches) await db.savedSearch.create({ data: search });
  await indexForSearch(db);
  return sample;
}

/** Saved searches read the full-text index; fill it when the search module is there (it is built in parallel). */
async function indexForSearch(db: Db): Promise<void> {
  const module = '../../src/store/search-index.ts';
  try {
    const { reindexAll } = (await import(module)) as { reindexAll?: (db: Db) => Promise<number> };
    await reindexAll?.(db);
  } catch {
    // No search index yet: the digest falls back to entity matches.
  }
}
