/** An analysis worker thread: import lines in, records (or the reason a line was refused) out. */
import { parentPort, workerData } from 'node:worker_threads';
import { indexedText, storyFields } from '../../store/articles.ts';
import { searchStems } from '../../store/search-index.ts';
import { toRecord } from '../import-line.ts';
import { READY } from '../worker-threads.ts';
import type { Analysed, AnalysisRequest, AnalysisResponse, HandedBatch, WorkerData } from './pool.ts';

const { analysis, withSearchStems, writer } = workerData as WorkerData;
let handedCount = 0;

parentPort?.on('message', ({ id, lines, fetchedAt }: AnalysisRequest) => {
  const handed: HandedBatch = [];
  const records = lines.map((line): Analysed => {
    const record = toRecord(line, new Date(fetchedAt), analysis);
    if (typeof record === 'string') return record;
    if (withSearchStems) record.searchStems = searchStems(indexedText(record));
    if (!writer) return record;
    const key = `${writer.worker}.${handedCount++}`;
    handed.push({ key, record });
    return { ...storyFields(record), handed: key };
  });
  // to the writer first: the main thread names these keys only after this answer
  if (writer && handed.length > 0) writer.port.postMessage(handed);
  parentPort?.postMessage({ id, records } satisfies AnalysisResponse);
});

/**
 * The models (language, gazetteer, word lists) load on first use: load them now, then say so, so the
 * import goes on analysing on the main thread until this thread can take over.
 */
const WARM_UP = [
  { title: 'Der Twitter-Mitarbeiter, der Trump offline stellte, gibt ein Interview', text: 'Bahtiyar Duysak sagte der Deutschen Presse-Agentur in Berlin, er habe den Account @realDonaldTrump am Donnerstag gelöscht.' },
  { title: 'Twitter employee who deactivated Trump account speaks out', text: 'The former support worker told TechCrunch on Friday that he did not hack anything: Microsoft and Apple were not involved.' },
];
for (const [i, article] of WARM_UP.entries()) {
  const record = toRecord(JSON.stringify({ url: `https://example.org/warm-up/${i}`, ...article }), new Date());
  if (typeof record !== 'string' && withSearchStems) searchStems(indexedText(record));
}
parentPort?.postMessage(READY);
