/**
 * Saving imported articles on a thread of its own, with its own SQLite connection, while the main thread
 * assigns the previous batch to stories. Batches are saved in the order given.
 *
 * A batch names each record in full, or by the key under which an analysis worker posted it straight to
 * this thread (`handedFrom`, see analysis-worker/pool.ts). Such a record may arrive after the batch that
 * names it (the two come over different ports): the batch then waits for it.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ArticleRecord, SavedArticle } from '../../store/articles.ts';
import { threadEntry } from '../../runtime/thread-bundle.ts';
import { startWorkerThreads } from '../worker-threads.ts';

export interface WriterOptions {
  /** The SQLite database file. */
  file: string;
  /** Ports the analysis workers post full records to (`HandedBatch`). */
  handedFrom?: MessagePort[];
}

/** A record in full, or the key of one an analysis worker handed to the writer. */
export type WriteItem = ArticleRecord | string;

export interface WriteRequest {
  id: number;
  records: readonly WriteItem[];
}

export type WriteResponse = { id: number; saved: SavedArticle[] } | { id: number; error: string };

export interface ArticleWriter {
  save(records: readonly WriteItem[]): Promise<SavedArticle[]>;
  close(): Promise<void>;
}

export function createArticleWriter(options: WriterOptions): ArticleWriter {
  const thread = startWorkerThreads<Omit<WriteRequest, 'id'>, WriteResponse>(
    threadEntry(new URL('./worker.ts', import.meta.url)), 1,
    () => ({ workerData: options, transferList: options.handedFrom ?? [] }),
    'the article writer',
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
