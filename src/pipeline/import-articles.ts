/**
 * `newsdesk import`: JSON Lines of articles through the same analysis, deduplication and story
 * clustering as fetched articles, in the order given. Re-importing the same file changes nothing.
 */
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import type { ArticleRecord, SavedArticle } from '../store/articles.ts';
import { createArticleWriter, type ArticleWriter } from './article-writer/writer.ts';
import type { AnalyzeOptions } from './analyze.ts';
import { toRecord } from './import-line.ts';
import { createAnalysisPool, type AnalysisPool, type Analysed, type HandedRecord } from './analysis-worker/pool.ts';
import type { Ingestor } from './ingest.ts';

/** Articles saved per transaction: bounded by count and by size, so memory stays flat on huge bodies. */
const BATCH_ARTICLES = 200;
const BATCH_CHARS = 8_000_000;
/** Lines analysed together (one message to a worker). */
const CHUNK_LINES = 25;
const CHUNK_CHARS = 1_000_000;
/**
 * Chunks each worker may hold ahead of storing: two batches' worth. While the main thread stores and
 * clusters a batch it hands out no work, so with less the workers ran dry (with 4 chunks the main thread
 * waited 9.8 s for analysis in a 39 s import of 10,000 articles; with 16, 2.1 s in 29 s; three alternating
 * runs each: 296 against 328 articles/s on average, peak RSS +10 MB).
 */
const AHEAD_CHUNKS = (2 * BATCH_ARTICLES) / CHUNK_LINES;

export interface ImportReport {
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
  stories: number;
  errors: { line: number; error: string }[];
}

export interface ImportParallelism {
  /** Worker threads for analysis; 0 analyses on the main thread. */
  workers: number;
  /** Start the workers only once the input is longer than this (small imports do not pay their start-up). */
  afterLines?: number;
  /**
   * Go on analysing on the main thread until every worker has loaded its models, about a second in which
   * the main thread would otherwise wait (default true). False sends each line past `afterLines` to them.
   */
  meanwhile?: boolean;
  /**
   * With the workers, save on a writer thread with its own SQLite connection while the main thread assigns
   * the previous batch to stories (default; SQLite files only). The workers then post each full record to
   * the writer and the main thread gets only what stories need. See docs/decisions/0102-sqlite-write-path.md.
   */
  writer?: boolean;
}

/**
 * Analysis threads for a large import: one per core beside the main thread (which stores and clusters),
 * at least one, at most four.
 */
export function analysisWorkers(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/**
 * The threads of `newsdesk import` (and of the benchmark, which measures it): the analysis workers and the
 * writer start once the input has passed `THREADS_AFTER_LINES` lines. Below about a thousand lines they cost
 * more than they save, since the writer thread takes its first batch only once it has started, about a
 * second in: 300 synthetic articles took 2.6 – 2.9 s on the main thread alone and 3.2 – 4.2 s with the
 * threads. On a 10,000-article file, starting them with the first line was no faster (six pairs in ABBA
 * order, mean 14.3 s either way) and took about 1 CPU-second more. See docs/benchmarks.md.
 */
const THREADS_AFTER_LINES = 1000;

export function importParallelism(): ImportParallelism {
  return { workers: analysisWorkers(), afterLines: THREADS_AFTER_LINES };
}

export async function importArticles(
  input: Readable,
  ingestor: Ingestor,
  now: () => Date,
  analysis: AnalyzeOptions = {},
  parallel: ImportParallelism = { workers: 0 },
): Promise<ImportReport> {
  const report: ImportReport = { read: 0, new: 0, updated: 0, unchanged: 0, invalid: 0, stories: 0, errors: [] };
  // Once the workers run, a writer thread saves where the store can be opened twice.
  const file = ingestor.sqliteFile;
  const canThread = parallel.writer !== false && file !== undefined && ingestor.assignSaved !== undefined;
  let pool: AnalysisPool | undefined;
  let threaded: BatchSaver | undefined;
  const startWorkers = () => {
    const options = { analysis, withSearchStems: ingestor.wantsSearchStems };
    if (!canThread) return createAnalysisPool(parallel.workers, options);
    // the workers hand full records to the writer thread; the main thread gets what stories need
    const channels = Array.from({ length: parallel.workers }, () => new MessageChannel());
    const writer = createArticleWriter({ file, handedFrom: channels.map((c) => c.port2) });
    threaded = threadedSaver(ingestor, report, writer);
    return createAnalysisPool(parallel.workers, options, channels.map((c) => c.port1));
  };
  const inline = (lines: string[]) => lines.map((line) => toRecord(line, now(), analysis));
  const analyze = (lines: string[]): Promise<Analysed[]> => {
    if (!pool && parallel.workers > 0 && report.read > (parallel.afterLines ?? 0)) pool = startWorkers();
    if (!pool) return Promise.resolve(inline(lines));
    if (pool.ready() || parallel.meanwhile === false) return pool.analyze(lines, now());
    // after a turn of the event loop, in which the workers may say they are ready
    const workers = pool;
    return new Promise(setImmediate).then(() => (workers.ready() ? workers.analyze(lines, now()) : inline(lines)));
  };
  // Chunks of lines in analysis, oldest first: results are stored in input order.
  const inFlight: { numbers: number[]; records: Promise<Analysed[]> }[] = [];
  let batch: (ArticleRecord | HandedRecord)[] = [];
  let batchChars = 0;
  const mainSaver = inlineSaver(ingestor, report);
  const store = async () => {
    await (threaded ?? mainSaver).save(batch);
    batch = [];
    batchChars = 0;
  };
  const takeOldest = async () => {
    const { numbers, records } = inFlight.shift()!;
    for (const [i, record] of (await records).entries()) {
      if (typeof record === 'string') {
        report.invalid += 1;
        if (report.errors.length < 100) report.errors.push({ line: numbers[i]!, error: record });
        continue;
      }
      batch.push(record);
      batchChars += (record.bodyText?.length ?? 0) + record.title.length;
      if (batch.length >= BATCH_ARTICLES || batchChars >= BATCH_CHARS) await store();
    }
  };
  let chunk: { lines: string[]; numbers: number[] } = { lines: [], numbers: [] };
  let chunkChars = 0;
  const submit = async () => {
    inFlight.push({ numbers: chunk.numbers, records: analyze(chunk.lines) });
    chunk = { lines: [], numbers: [] };
    chunkChars = 0;
    if (inFlight.length > Math.max(1, AHEAD_CHUNKS * parallel.workers)) await takeOldest();
  };
  try {
    let lineNumber = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      report.read += 1;
      chunk.lines.push(line);
      chunk.numbers.push(lineNumber);
      chunkChars += line.length;
      if (chunk.lines.length >= CHUNK_LINES || chunkChars >= CHUNK_CHARS) await submit();
    }
    if (chunk.lines.length > 0) await submit();
    while (inFlight.length > 0) await takeOldest();
    if (batch.length > 0) await store();
    await threaded?.drain();
  } finally {
    await Promise.all([pool?.close(), threaded?.close()]);
  }
  report.stories = (await ingestor.finish()).storiesTouched;
  return report;
}

/** Saves batches of records in input order and has them assigned to stories. */
interface BatchSaver {
  save(records: (ArticleRecord | HandedRecord)[]): Promise<void>;
  /** Waits until every batch given is saved and assigned. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Saved and assigned on the main thread, batch by batch. */
function inlineSaver(ingestor: Ingestor, report: ImportReport): BatchSaver {
  return {
    async save(records) {
      // records go to the writer thread only when it saves (see startWorkers)
      const full = records.map((r) => {
        if ('handed' in r) throw new Error('a record handed to the writer thread reached the main-thread saver');
        return r;
      });
      for (const saved of await ingestor.ingestMany(full)) report[saved.status] += 1;
    },
    drain: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * Saved on a writer thread with its own SQLite connection while the main thread assigns the batch before
 * (the main thread then only clusters); for an ingestor with `sqliteFile` and `assignSaved`. A killed import
 * may leave a saved batch without stories: the next run finds its articles unassigned and assigns them.
 */
function threadedSaver(ingestor: Ingestor, report: ImportReport, writer: ArticleWriter): BatchSaver {
  const { assignSaved } = ingestor;
  if (!assignSaved) throw new Error('a writer thread needs an ingestor with assignSaved');
  let unassigned: { records: (ArticleRecord | HandedRecord)[]; saved: Promise<SavedArticle[]> } | undefined;
  const drain = async () => {
    if (!unassigned) return;
    const { records, saved } = unassigned;
    unassigned = undefined;
    const statuses = await saved;
    for (const article of statuses) report[article.status] += 1;
    await assignSaved(records, statuses);
  };
  return {
    async save(records) {
      const saved = writer.save(records.map((r) => ('handed' in r ? r.handed : r)));
      saved.catch(() => undefined); // a failure is thrown where it is awaited, not as an unhandled rejection
      await drain();
      unassigned = { records, saved };
    },
    drain,
    close: () => writer.close(),
  };
}
