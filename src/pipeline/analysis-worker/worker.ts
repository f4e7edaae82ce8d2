/** An analysis worker thread: import lines in, records (or the reason a line was refused) out. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexedText } from '../../store/articles.ts';
import { searchStems } from '../../store/search-index.ts';
import { toRecord } from '../import-articles.ts';
import type { AnalysisRequest, AnalysisResponse, WorkerOptions } from './pool.ts';

const { analysis, withSearchStems } = workerData as WorkerOptions;
parentPort?.on('message', ({ id, lines, fetchedAt }: AnalysisRequest) => {
  const records = lines.map((line) => {
    const record = toRecord(line, new Date(fetchedAt), analysis);
    if (withSearchStems && typeof record !== 'string') {
      record.searchStems = searchStems(indexedText(record));
    }
    return record;
  });
  parentPort?.postMessage({ id, records } satisfies AnalysisResponse);
});
