/**
 * Analysis (language and entities) of import lines on worker threads, so the main thread only stores
 * and clusters. Requests are answered in any order; callers keep their own order.
 *
 * Given a port per worker to the import's writer thread, a worker posts each full record there and
 * answers the main thread with only what story assignment reads, plus the key the writer finds the
 * record under: mentions, search stems and the rest never pass through the main thread.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ArticleRecord, StoryRecord } from '../../store/articles.ts';
import type { AnalyzeOptions } from '../analyze.ts';
import { threadEntry } from '../../runtime/thread-bundle.ts';
import { startWorkerThreads } from '../worker-threads.ts';

export interface AnalysisRequest {
  id: number;
  lines: string[];
  fetchedAt: number;
}

/** A record a worker posted to the writer thread, as the main thread keeps it. */
export interface HandedRecord extends StoryRecord {
  /** The record's key at the writer thread. */
  handed: string;
}

/** A line's result: its record (full, or handed to the writer) or the reason it was refused. */
export type Analysed = ArticleRecord | HandedRecord | string;

export interface AnalysisResponse {
  id: number;
  records: Analysed[];
}

/** Full records a worker posts to the writer thread, each under its key. */
export type HandedBatch = { key: string; record: ArticleRecord }[];

export interface WorkerOptions {
  analysis: AnalyzeOptions;
  /** Also stem each record's text for SQLite's full-text row (work taken off the storing thread). */
  withSearchStems: boolean;
}

export interface WorkerData extends WorkerOptions {
  /** Set when records go to the writer thread: the worker's number (keys are unique per worker) and its port. */
  writer?: { worker: number; port: MessagePort };
}

export interface AnalysisPool {
  /** Results for the lines, in their order. */
  analyze(lines: string[], fetchedAt: Date): Promise<Analysed[]>;
  /**
   * Whether requests should go to the workers now: every one has loaded its models (until then a caller may
   * as well analyse itself), or one failed (requests then fail with its reason).
   */
  ready(): boolean;
  close(): Promise<void>;
}

/** `writerPorts`: one per worker, to hand full records to the writer thread (see above). */
export function createAnalysisPool(size: number, options: WorkerOptions, writerPorts?: MessagePort[]): AnalysisPool {
  if (writerPorts && writerPorts.length !== size) throw new Error('one writer port per analysis worker');
  const threads = startWorkerThreads<Omit<AnalysisRequest, 'id'>, AnalysisResponse>(
    threadEntry(new URL('./worker.ts', import.meta.url)), size,
    (worker) => {
      const port = writerPorts?.[worker];
      const workerData: WorkerData = { ...options, writer: port && { worker, port } };
      return { workerData, transferList: port ? [port] : [] };
    },
    'an analysis worker',
  );
  return {
    analyze: async (lines, fetchedAt) => (await threads.request({ lines, fetchedAt: fetchedAt.getTime() })).records,
    ready: () => threads.ready(),
    close: () => threads.close(),
  };
}
