/**
 * The common tail of every path that brings articles in (fetch, import): save idempotently, then assign
 * new articles to stories in arrival order.
 */
import type { Db } from '../store/client.ts';
import { saveArticles, takesSearchStems, type ArticleRecord, type SavedArticle } from '../store/articles.ts';
import { EntityIds } from '../store/entities.ts';
import { StoryAssigner } from './assign-stories.ts';

export interface Ingestor {
  ingest(record: ArticleRecord): Promise<SavedArticle>;
  /** Several records in arrival order, saved together (one transaction where the store allows). */
  ingestMany(records: readonly ArticleRecord[]): Promise<SavedArticle[]>;
  /** The store takes `ArticleRecord.searchStems` computed ahead (`takesSearchStems`): analysis workers fill them in. */
  readonly wantsSearchStems: boolean;
  /** Flush story state; returns how many stories were touched. */
  finish(): Promise<{ storiesTouched: number }>;
}

export interface IngestOptions {
  clusterWindowHours: number;
}

export function createIngestor(db: Db, options: IngestOptions): Ingestor {
  const entities = new EntityIds();
  const stories = new StoryAssigner(db, { windowHours: options.clusterWindowHours });
  const ingestMany = async (records: readonly ArticleRecord[]) => {
    const saved = await saveArticles(db, entities, records);
    // An updated article is assigned again (its text changed); one that a killed run saved but never
    // assigned gets its story now.
    // The same URL twice in one batch is one article: assigned once, with its last content.
    const toAssign = new Map<number, { record: ArticleRecord; firstTime: boolean }>();
    for (const [i, article] of saved.entries()) {
      if (article.status === 'unchanged' && !article.needsStory) continue;
      const firstTime = article.status === 'new' || (toAssign.get(article.id)?.firstTime ?? false);
      toAssign.set(article.id, { record: records[i]!, firstTime });
    }
    for (const [id, { record, firstTime }] of toAssign) await stories.assign(id, record, { firstTime });
    // Stored before returning: a fetch killed later must not leave saved articles without their story.
    await stories.write();
    return saved;
  };
  return {
    wantsSearchStems: takesSearchStems(db),
    ingestMany,
    ingest: async (record) => (await ingestMany([record]))[0]!,
    finish: () => stories.finish(),
  };
}
