/**
 * The better-sqlite3 connection under a SQLite Prisma client, for the ingest hot path. Prisma's client
 * costs about a millisecond per query (and more per parameter) while the driver costs microseconds, so
 * writing an article and its story assignment through the driver is what lets ingestion keep up with a
 * newsroom's backfill. See docs/decisions/0102-sqlite-write-path.md. PostgreSQL has no such path.
 */
import type Database from 'better-sqlite3';

export type SqliteDriver = Database.Database;

const drivers = new WeakMap<object, SqliteDriver>();
const statements = new WeakMap<SqliteDriver, Map<string, Database.Statement>>();

/** Called once by `connect()` for a SQLite client. */
export function registerSqliteDriver(client: object, driver: SqliteDriver): void {
  drivers.set(client, driver);
}

/** The driver under a client opened by `connect()` on SQLite; undefined on PostgreSQL or inside a transaction client. */
export function sqliteDriver(client: object): SqliteDriver | undefined {
  return drivers.get(client);
}

/** A prepared statement, cached per connection; plain numbers, not the BigInts Prisma's adapter asks for. */
export function statement(driver: SqliteDriver, sql: string): Database.Statement {
  let cache = statements.get(driver);
  if (!cache) statements.set(driver, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = driver.prepare(sql).safeIntegers(false);
    cache.set(sql, prepared);
  }
  return prepared;
}

/**
 * Runs `work` synchronously in one immediate transaction. Prisma's interactive transactions share this
 * connection, so this first waits until none is open: work done inside one would commit or roll back
 * with it. Being synchronous, nothing else on the connection can interleave once it starts.
 */
export async function writeInTransaction<T>(driver: SqliteDriver, work: () => T): Promise<T> {
  while (driver.inTransaction) await new Promise((resolve) => setTimeout(resolve, 1));
  return driver.transaction(work).immediate();
}

/** A date as Prisma's SQLite adapter stores it: ISO text with a +00:00 offset. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}
