/**
 * Analysis (language and entities) of import lines on worker threads, so the main thread only stores
 * and clusters. Requests are answered in any order; callers keep their own order.
 */
import { Worker } from 'node:worker_threads';
import { WORKER_HEAP } from '../../runtime/heap.ts';
import type { ArticleRecord } from '../../store/articles.ts';
import type { AnalyzeOptions } from '../analyze.ts';

export interface AnalysisRequest {
  id: number;
  lines: string[];
  fetchedAt: number;
}

export interface AnalysisResponse {
  id: number;
  records: (ArticleRecord | string)[];
}

export interface WorkerOptions {
  analysis: AnalyzeOptions;
  /** Also stem each record's text for SQLite's full-text row (work taken off the storing thread). */
  withSearchStems: boolean;
}

export interface AnalysisPool {
  /** Records for the lines, in their order (a string is the reason a line was refused). */
  analyze(lines: string[], fetchedAt: Date): Promise<(ArticleRecord | string)[]>;
  close(): Promise<void>;
}

export function createAnalysisPool(size: number, options: WorkerOptions): AnalysisPool {
  const waiting = new Map<number, { resolve: (records: (ArticleRecord | string)[]) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error) => {
    if (closing) return;
    failure ??= new Error(`an analysis worker failed: ${error.message}`, { cause: error });
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./entry.mjs', import.meta.url), { workerData: options, resourceLimits: WORKER_HEAP });
    worker.on('message', ({ id, records }: AnalysisResponse) => {
      waiting.get(id)?.resolve(records);
      waiting.delete(id);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`exit code ${code}`));
    });
    return worker;
  });
  let next = 0;
  return {
    analyze(lines, fetchedAt) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      const request: AnalysisRequest = { id, lines, fetchedAt: fetchedAt.getTime() };
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage(request);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
