/**
 * Saving imported articles on a thread of its own, with its own SQLite connection, while the main thread
 * assigns the previous batch to stories. Batches are saved in the order given.
 */
import type { ArticleRecord, SavedArticle } from '../../store/articles.ts';
import { startWorkerThreads } from '../worker-threads.ts';

export interface WriterOptions {
  /** The SQLite database file. */
  file: string;
}

export interface WriteRequest {
  id: number;
  records: readonly ArticleRecord[];
}

export type WriteResponse = { id: number; saved: SavedArticle[] } | { id: number; error: string };

export interface ArticleWriter {
  save(records: readonly ArticleRecord[]): Promise<SavedArticle[]>;
  close(): Promise<void>;
}

export function createArticleWriter(options: WriterOptions): ArticleWriter {
  const thread = startWorkerThreads<Omit<WriteRequest, 'id'>, WriteResponse>(
    new URL('./entry.mjs', import.meta.url), 1, options, 'the article writer',
  );
  return {
    async save(records) {
      const response = await thread.request({ records });
      if ('error' in response) throw new Error(response.error);
      return response.saved;
    },
    close: () => thread.close(),
  };
}
