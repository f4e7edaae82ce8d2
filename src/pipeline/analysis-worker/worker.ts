/** An analysis worker thread: import lines in, records (or the reason a line was refused) out. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzeOptions } from '../analyze.ts';
import { toRecord } from '../import-articles.ts';
import type { AnalysisRequest, AnalysisResponse } from './pool.ts';

const options = workerData as AnalyzeOptions;
parentPort?.on('message', ({ id, lines, fetchedAt }: AnalysisRequest) => {
  const response: AnalysisResponse = { id, records: lines.map((line) => toRecord(line, new Date(fetchedAt), options)) };
  parentPort?.postMessage(response);
});
