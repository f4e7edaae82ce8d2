/**
 * Saving imported articles on a thread of its own, with its own SQLite connection, while the main thread
 * assigns the previous batch to stories. Batches are saved in the order given.
 */
import { Worker } from 'node:worker_threads';
import { WORKER_HEAP } from '../../runtime/heap.ts';
import type { ArticleRecord, SavedArticle } from '../../store/articles.ts';

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
  const waiting = new Map<number, { resolve: (saved: SavedArticle[]) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error) => {
    if (closing) return;
    failure ??= new Error(`the article writer failed: ${error.message}`, { cause: error });
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  const worker = new Worker(new URL('./entry.mjs', import.meta.url), { workerData: options, resourceLimits: WORKER_HEAP });
  worker.on('message', (response: WriteResponse) => {
    const pending = waiting.get(response.id);
    waiting.delete(response.id);
    if ('saved' in response) pending?.resolve(response.saved);
    else pending?.reject(new Error(response.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`exit code ${code}`));
  });
  let next = 0;
  return {
    save(records) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, records } satisfies WriteRequest);
      });
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
