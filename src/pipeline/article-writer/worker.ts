/** The article writer thread: batches of records in, their saved ids and statuses out, on its own connection. */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { saveArticlesSqlite } from '../../store/articles-sqlite.ts';
import { EntityIds } from '../../store/entities.ts';
import type { WriteRequest, WriteResponse, WriterOptions } from './writer.ts';

const { file } = workerData as WriterOptions;
const db = new Database(file, { timeout: 15_000 });
db.pragma('foreign_keys = ON');
db.pragma('synchronous = NORMAL');
const entities = new EntityIds();
parentPort?.on('message', ({ id, records }: WriteRequest) => {
  saveArticlesSqlite(db, entities, records).then(
    (saved) => parentPort?.postMessage({ id, saved } satisfies WriteResponse),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WriteResponse),
  );
});
