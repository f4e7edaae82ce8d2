/**
 * The common tail of every path that brings articles in (fetch, import): save idempotently, then assign
 * new articles to stories in arrival order.
 */
import type { Db } from '../store/client.ts';
import { saveArticles, takesSearchStems, type ArticleRecord, type SavedArticle, type StoryRecord } from '../store/articles.ts';
import { EntityIds } from '../store/entities.ts';
import { sqliteDriver } from '../store/sqlite-driver.ts';
import { StoryAssigner } from './assign-stories.ts';

export interface Ingestor {
  ingest(record: ArticleRecord): Promise<SavedArticle>;
  /** Several records in arrival order, saved together (one transaction where the store allows). */
  ingestMany(records: readonly ArticleRecord[]): Promise<SavedArticle[]>;
  /** The store takes `ArticleRecord.searchStems` computed ahead (`takesSearchStems`): analysis workers fill them in. */
  readonly wantsSearchStems: boolean;
  /**
   * The SQLite file under the store, when another connection may save the records (an import's writer
   * thread, see `assignSaved`); undefined on PostgreSQL.
   */
  readonly sqliteFile?: string;
  /** The story half of `ingestMany`, for records another connection saved (`saved[i]` is `records[i]`'s). */
  readonly assignSaved?: (records: readonly StoryRecord[], saved: readonly SavedArticle[]) => Promise<void>;
  /** Flush story state; returns how many stories were touched. */
  finish(): Promise<{ storiesTouched: number }>;
}

export interface IngestOptions {
  clusterWindowHours: number;
}

/** A second connection can open the same database only when it is a file. */
function sqliteFileOf(db: Db): string | undefined {
  const driver = sqliteDriver(db);
  return driver && !driver.memory ? driver.name : undefined;
}

export function createIngestor(db: Db, options: IngestOptions): Ingestor {
  const entities = new EntityIds();
  const stories = new StoryAssigner(db, { windowHours: options.clusterWindowHours });
  const assignSaved = async (records: readonly StoryRecord[], saved: readonly SavedArticle[]) => {
    // An updated article is assigned again (its text changed); one that a killed run saved but never
    // assigned gets its story now.
    // The same URL twice in one batch is one article: assigned once, with its last content.
    const toAssign = new Map<number, { record: StoryRecord; firstTime: boolean }>();
    for (const [i, article] of saved.entries()) {
      if (article.status === 'unchanged' && !article.needsStory) continue;
      const firstTime = article.status === 'new' || (toAssign.get(article.id)?.firstTime ?? false);
      toAssign.set(article.id, { record: records[i]!, firstTime });
    }
    for (const [id, { record, firstTime }] of toAssign) await stories.assign(id, record, { firstTime });
    // Stored before returning: a fetch killed later must not leave saved articles without their story.
    await stories.write();
  };
  const ingestMany = async (records: readonly ArticleRecord[]) => {
    const saved = await saveArticles(db, entities, records);
    await assignSaved(records, saved);
    return saved;
  };
  return {
    wantsSearchStems: takesSearchStems(db),
    sqliteFile: sqliteFileOf(db),
    assignSaved,
    ingestMany,
    ingest: async (record) => (await ingestMany([record]))[0]!,
    finish: () => stories.finish(),
  };
}
