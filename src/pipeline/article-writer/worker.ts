/** The article writer thread: batches of records in, their saved ids and statuses out, on its own connection. */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ArticleRecord } from '../../store/articles.ts';
import { saveArticlesSqlite } from '../../store/articles-sqlite.ts';
import { EntityIds } from '../../store/entities.ts';
import type { HandedBatch } from '../analysis-worker/pool.ts';
import type { WriteRequest, WriteResponse, WriterOptions } from './writer.ts';

const { file, handedFrom } = workerData as WriterOptions;
const entities = new EntityIds();
let db: Database.Database | undefined;
/** Records the analysis workers handed over, until a batch names them. */
const handed = new Map<string, ArticleRecord>();
/** Batches in order of arrival; the first waits until every record it names by key is here. */
const queue: WriteRequest[] = [];
let saving = false;

/** Opened on the first batch, so a file that is no database fails that save with its reason. */
function open(): Database.Database {
  const opened = new Database(file, { timeout: 15_000, fileMustExist: true });
  opened.pragma('foreign_keys = ON');
  opened.pragma('synchronous = NORMAL');
  return opened;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const respond = (response: WriteResponse) => parentPort?.postMessage(response);
const ready = (request: WriteRequest) => request.records.every((item) => typeof item !== 'string' || handed.has(item));

function take(item: ArticleRecord | string): ArticleRecord {
  if (typeof item !== 'string') return item;
  const record = handed.get(item)!;
  handed.delete(item);
  return record;
}

/** Saves the waiting batches in order, one at a time, as far as their records are here. */
async function pump(): Promise<void> {
  if (saving) return;
  saving = true;
  try {
    while (queue.length > 0 && ready(queue[0]!)) {
      const { id, records } = queue.shift()!;
      const batch = records.map(take);
      try {
        db ??= open();
      } catch (error) {
        respond({ id, error: `cannot open ${file}: ${reason(error)}` });
        continue;
      }
      try {
        respond({ id, saved: await saveArticlesSqlite(db, entities, batch) });
      } catch (error) {
        respond({ id, error: reason(error) });
      }
    }
  } finally {
    saving = false;
  }
}

for (const port of handedFrom ?? []) {
  port.on('message', (batch: HandedBatch) => {
    for (const { key, record } of batch) handed.set(key, record);
    void pump();
  });
}

parentPort?.on('message', (request: WriteRequest) => {
  queue.push(request);
  void pump();
});
