/**
 * The common tail of every path that brings articles in (fetch, import): save idempotently, then assign
 * new articles to stories in arrival order.
 */
import type { Db } from '../store/client.ts';
import { saveArticle, type ArticleRecord, type SavedArticle } from '../store/articles.ts';
import { EntityIds } from '../store/entities.ts';
import { StoryAssigner } from './assign-stories.ts';

export interface Ingestor {
  ingest(record: ArticleRecord): Promise<SavedArticle>;
  /** Flush story state; returns how many stories were touched. */
  finish(): Promise<{ storiesTouched: number }>;
}

export interface IngestOptions {
  clusterWindowHours: number;
}

export function createIngestor(db: Db, options: IngestOptions): Ingestor {
  const entities = new EntityIds();
  const stories = new StoryAssigner(db, { windowHours: options.clusterWindowHours });
  return {
    async ingest(record) {
      const saved = await saveArticle(db, entities, record);
      // An updated article is assigned again (its text changed); one that a killed run saved but never
      // assigned gets its story now.
      if (saved.status !== 'unchanged' || saved.needsStory) {
        await stories.assign(saved.id, record, { firstTime: saved.status === 'new' });
      }
      return saved;
    },
    finish: () => stories.finish(),
  };
}
