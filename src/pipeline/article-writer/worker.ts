/** The article writer thread: batches of records in, their saved ids and statuses out, on its own connection. */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { saveArticlesSqlite } from '../../store/articles-sqlite.ts';
import { EntityIds } from '../../store/entities.ts';
import type { WriteRequest, WriteResponse, WriterOptions } from './writer.ts';

const { file } = workerData as WriterOptions;
const entities = new EntityIds();
let db: Database.Database | undefined;

/** Opened on the first batch, so a file that is no database fails that save with its reason. */
function open(): Database.Database {
  const opened = new Database(file, { timeout: 15_000, fileMustExist: true });
  opened.pragma('foreign_keys = ON');
  opened.pragma('synchronous = NORMAL');
  return opened;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

parentPort?.on('message', ({ id, records }: WriteRequest) => {
  const respond = (response: WriteResponse) => parentPort?.postMessage(response);
  try {
    db ??= open();
  } catch (error) {
    respond({ id, error: `cannot open ${file}: ${reason(error)}` });
    return;
  }
  saveArticlesSqlite(db, entities, records).then(
    (saved) => respond({ id, saved }),
    (error: unknown) => respond({ id, error: reason(error) }),
  );
});
