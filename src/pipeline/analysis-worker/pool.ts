/**
 * Analysis (language and entities) of import lines on worker threads, so the main thread only stores
 * and clusters. Requests are answered in any order; callers keep their own order.
 */
import type { ArticleRecord } from '../../store/articles.ts';
import type { AnalyzeOptions } from '../analyze.ts';
import { startWorkerThreads } from '../worker-threads.ts';

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
  const threads = startWorkerThreads<Omit<AnalysisRequest, 'id'>, AnalysisResponse>(
    new URL('./entry.mjs', import.meta.url), size, options, 'an analysis worker',
  );
  return {
    analyze: async (lines, fetchedAt) => (await threads.request({ lines, fetchedAt: fetchedAt.getTime() })).records,
    close: () => threads.close(),
  };
}
