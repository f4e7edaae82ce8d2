/** Articles: idempotent saves keyed by canonical URL, the feeds that carried them, and their mentions. */
import type { EntityMention, EntityRef, LanguageEvidence } from '../domain/types.ts';
import type { Db } from './client.ts';
import { EntityIds, mentionsPerEntity } from './entities.ts';
import { saveArticlesSqlite } from './articles-sqlite.ts';
import { indexArticleText, type IndexableArticle } from './search-index.ts';
import { sqliteDriver } from './sqlite-driver.ts';

export interface ArticleRecord {
  url: string;
  originalUrl?: string | null;
  guid?: string | null;
  source: string;
  title: string;
  summary?: string | null;
  bodyText?: string | null;
  author?: string | null;
  siteName?: string | null;
  language: string;
  languageConfidence: number;
  languageEvidence?: LanguageEvidence[];
  declaredLanguage?: string | null;
  publishedAt: Date | null;
  fetchedAt: Date;
  contentHash: string;
  extractStatus: 'pending' | 'ok' | 'failed' | 'skipped';
  extractError?: string | null;
  mentions: EntityMention[];
  entities: EntityRef[];
  /**
   * The title and text stemmed in the article's language for SQLite's full-text row, when an analysis
   * worker computed them ahead (else the store stems at save time; PostgreSQL stems on its own).
   */
  searchStems?: string;
  feed?: { feedId: number; guid: string | null };
}

/** What of a record story assignment reads (`StoryAssigner.assign`). */
export type StoryRecord = Pick<ArticleRecord, 'url' | 'source' | 'title' | 'bodyText' | 'language' | 'publishedAt' | 'fetchedAt' | 'entities'>;

export function storyFields(record: ArticleRecord): StoryRecord {
  const { url, source, title, bodyText, language, publishedAt, fetchedAt, entities } = record;
  return { url, source, title, bodyText, language, publishedAt, fetchedAt, entities };
}

/** What of a record the full-text index holds: its title and its body (else its summary). */
export function indexedText(record: ArticleRecord): Omit<IndexableArticle, 'id'> {
  return { title: record.title, text: record.bodyText ?? record.summary ?? null, language: record.language };
}

/** The store takes `ArticleRecord.searchStems` computed ahead (SQLite); elsewhere they would be wasted work. */
export function takesSearchStems(db: Db): boolean {
  return sqliteDriver(db) !== undefined;
}

export type SaveStatus = 'new' | 'updated' | 'unchanged';

export interface SavedArticle {
  id: number;
  status: SaveStatus;
  /** The article is in no story yet (new, or a run was killed between saving and assigning it). */
  needsStory: boolean;
}

/**
 * Saves several articles in order, as `saveArticle` would one by one. On SQLite they share one
 * transaction (a full-text index commit per article would cost more than the article).
 */
export async function saveArticles(db: Db, entities: EntityIds, records: readonly ArticleRecord[]): Promise<SavedArticle[]> {
  const driver = sqliteDriver(db);
  if (driver) return saveArticlesSqlite(driver, entities, records);
  const saved: SavedArticle[] = [];
  for (const record of records) saved.push(await saveArticle(db, entities, record));
  return saved;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function saveArticle(db: Db, entities: EntityIds, record: ArticleRecord): Promise<SavedArticle> {
  const driver = sqliteDriver(db);
  if (driver) return (await saveArticlesSqlite(driver, entities, [record]))[0]!;
  for (let attempt = 1; ; attempt++) {
    const fork = entities.fork();
    try {
      const saved = await db.$transaction((tx) => saveInTransaction(tx, fork, record));
      entities.adopt(fork);
      return saved;
    } catch (error) {
      // Two writers (feeds, workers) racing to create the same article or entity: the loser retries and
      // then finds the winner's row. PostgreSQL may also resolve such a race as a deadlock.
      if (attempt < 5 && isRetryable(error)) continue;
      throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (code === 'P2002' || code === 'P2034') return true;
  return /unique constraint|deadlock|could not serialize/i.test(String((error as Error)?.message));
}

async function saveInTransaction(tx: Tx, entities: EntityIds, record: ArticleRecord): Promise<SavedArticle> {
  const existing = await tx.article.findUnique({
    where: { url: record.url },
    select: { id: true, contentHash: true, memberships: { where: { leftAt: null }, select: { id: true }, take: 1 } },
  });
  let saved: SavedArticle;
  if (!existing) {
    const row = await tx.article.create({ data: articleColumns(record), select: { id: true } });
    saved = { id: row.id, status: 'new', needsStory: true };
  } else {
    const needsStory = existing.memberships.length === 0;
    if (existing.contentHash !== record.contentHash) {
      await tx.article.update({ where: { id: existing.id }, data: articleColumns(record) });
      await tx.mention.deleteMany({ where: { articleId: existing.id } });
      saved = { id: existing.id, status: 'updated', needsStory };
    } else {
      saved = { id: existing.id, status: 'unchanged', needsStory };
    }
  }
  if (record.feed) {
    await tx.feedArticle.upsert({
      where: { feedId_articleId: { feedId: record.feed.feedId, articleId: saved.id } },
      create: { ...record.feed, articleId: saved.id, firstSeenAt: record.fetchedAt },
      update: {},
    });
  }
  if (saved.status !== 'unchanged') {
    await saveMentions(tx, entities, saved.id, record);
    await indexArticleText(tx, { id: saved.id, ...indexedText(record) });
  }
  return saved;
}

/** The Article row of a record (both write paths). */
export function articleColumns(record: ArticleRecord) {
  return {
    url: record.url,
    originalUrl: record.originalUrl ?? null,
    guid: record.guid ?? null,
    source: record.source,
    title: record.title,
    summary: record.summary ?? null,
    bodyText: record.bodyText ?? null,
    author: record.author ?? null,
    siteName: record.siteName ?? null,
    language: record.language,
    languageConfidence: record.languageConfidence,
    languageEvidence: record.languageEvidence ? JSON.stringify(record.languageEvidence) : null,
    declaredLanguage: record.declaredLanguage ?? null,
    publishedAt: record.publishedAt,
    fetchedAt: record.fetchedAt,
    contentHash: record.contentHash,
    extractStatus: record.extractStatus,
    extractError: record.extractError ?? null,
    analyzedAt: record.fetchedAt,
  };
}

/** What of a record its Mention rows are made from. */
type MentionSource = Pick<ArticleRecord, 'mentions' | 'entities' | 'publishedAt' | 'fetchedAt'>;

/**
 * A stored article's mentions replaced by those of a fresh analysis (`newsdesk reanalyze`, after the lists
 * or a researcher's corrections changed), in one transaction.
 */
export async function replaceMentions(db: Db, entities: EntityIds, articleId: number, analysis: MentionSource): Promise<void> {
  const fork = entities.fork();
  await db.$transaction(async (tx) => {
    await tx.mention.deleteMany({ where: { articleId } });
    await saveMentions(tx, fork, articleId, analysis);
  });
  entities.adopt(fork);
}

async function saveMentions(tx: Tx, entities: EntityIds, articleId: number, record: MentionSource): Promise<void> {
  if (record.mentions.length === 0 && record.entities.length === 0) return;
  const ids = await entities.resolve(tx, record.entities, record.mentions);
  await tx.mention.createMany({
    data: mentionsPerEntity(record.mentions).map(({ key, first, count }) => ({
      articleId,
      entityId: ids.get(key)!,
      count,
      field: first.field,
      start: first.start,
      end: first.end,
      surface: first.text,
      createdAt: record.publishedAt ?? record.fetchedAt,
    })),
  });
}

/** For an item whose article is already stored: only record that this feed carried it too. */
export async function linkKnownArticle(
  db: Db,
  url: string,
  link: { feedId: number; guid: string | null; seenAt: Date },
): Promise<number | null> {
  const existing = await db.article.findUnique({ where: { url }, select: { id: true } });
  if (!existing) return null;
  await db.feedArticle.upsert({
    where: { feedId_articleId: { feedId: link.feedId, articleId: existing.id } },
    create: { feedId: link.feedId, articleId: existing.id, guid: link.guid, firstSeenAt: link.seenAt },
    update: {},
  });
  return existing.id;
}
