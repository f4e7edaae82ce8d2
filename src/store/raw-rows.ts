/**
 * Raw reads (search, export, entity profiles): through the better-sqlite3 driver on SQLite, where a query
 * costs microseconds instead of Prisma's ~1 ms (docs/decisions/0102-sqlite-write-path.md), and through
 * Prisma's raw query on PostgreSQL or inside a transaction client. Same SQL, `?` placeholders.
 */
import type { RawClient } from './search-provider.ts';
import { providerOf } from './search-provider.ts';
import { toProviderSql, type Sql } from './search-sql.ts';
import { sqliteDriver, statement } from './sqlite-driver.ts';

export async function rawRows<T>(db: RawClient, fragment: Sql): Promise<T[]> {
  const driver = sqliteDriver(db);
  if (driver) return statement(driver, fragment.sql).all(...fragment.params) as T[];
  const sql = toProviderSql(providerOf(db), fragment);
  return db.$queryRawUnsafe<T[]>(sql.sql, ...sql.params);
}
