/** Which SQL dialect a Prisma client (or an interactive transaction of one) speaks. */
import type { Db } from './client.ts';

export type SqlProvider = 'sqlite' | 'postgresql';

/** Both generated clients and their transaction clients carry the schema's provider. */
export function providerOf(db: unknown): SqlProvider {
  const provider = (db as { _activeProvider?: string })._activeProvider;
  if (provider === 'sqlite' || provider === 'postgresql') return provider;
  throw new Error(`unknown database provider "${String(provider)}"`);
}

/** A date as SQL wants it: SQLite stores Prisma DateTimes as ISO text with a +00:00 offset. */
export function sqlDate(provider: SqlProvider, date: Date): string | Date {
  return provider === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date;
}

/** Dates read with raw SQL: text on SQLite, Date on PostgreSQL. */
export function readDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export type RawClient = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>;
