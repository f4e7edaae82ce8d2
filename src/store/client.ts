/**
 * Opens the database named by DATABASE_URL with the Prisma client generated for its provider and the
 * matching driver adapter, after applying any pending migration. The two generated clients have the same
 * model API (the schemas are kept identical), so the rest of store/ is typed against the SQLite one.
 */
import type { PrismaClient } from '../../generated/sqlite/index.js';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.ts';
import { migrate } from './migrate.ts';
import { registerSqliteDriver, type SqliteDriver } from './sqlite-driver.ts';

export type Db = PrismaClient;

export interface Connection {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export async function connect(url?: string): Promise<Connection> {
  const target = parseDatabaseUrl(url);
  await migrate(target);
  const db = target.provider === 'sqlite' ? await sqliteClient(target.url) : await postgresClient(target);
  return { db, target, close: () => db.$disconnect() };
}

async function sqliteClient(url: string): Promise<Db> {
  const [{ PrismaClient }, { PrismaBetterSQLite3 }] = await Promise.all([
    import('../../generated/sqlite/index.js'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  // The adapter opens its better-sqlite3 connection when Prisma first connects; keep a hold of it for the
  // ingest write path (sqlite-driver.ts).
  const factory = new PrismaBetterSQLite3({ url, timeout: 15_000 });
  let driver: SqliteDriver | undefined;
  const adapter: typeof factory = Object.assign(Object.create(factory) as typeof factory, {
    connect: async () => {
      const connected = await factory.connect();
      driver = (connected as unknown as { client: SqliteDriver }).client;
      return connected;
    },
  });
  const db = new PrismaClient({ adapter, errorFormat: 'minimal' });
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 15000');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  if (!driver) throw new Error('the SQLite adapter did not expose its connection');
  registerSqliteDriver(db, driver);
  return db;
}

async function postgresClient(target: Extract<DatabaseTarget, { provider: 'postgresql' }>): Promise<Db> {
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    import('../../generated/postgresql/index.js'),
    import('@prisma/adapter-pg'),
  ]);
  // search_path too, so raw SQL in store/ finds the tables of a non-public schema.
  const adapter = new PrismaPg(
    { connectionString: target.connectionString, options: `-c search_path=${target.schema}`, max: 5 },
    { schema: target.schema },
  );
  return new PrismaClient({ adapter, errorFormat: 'minimal' }) as unknown as Db;
}
