/**
 * Real databases for tests. SQLite: the migrations are applied once into a base file, which each test
 * copies (fast and real, as in the Epic Stack). PostgreSQL (when NEWSDESK_TEST_PG_URL is set): a fresh
 * schema per test database, dropped afterwards.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type Connection } from '../../src/store/client.ts';
import { listMigrations, migrateSqlite } from '../../src/store/migrate.ts';

export type Provider = 'sqlite' | 'postgresql';

export const pgUrl = process.env.NEWSDESK_TEST_PG_URL;

/** The providers to run a database test against: SQLite always, PostgreSQL when configured. */
export const providers: Provider[] = pgUrl ? ['sqlite', 'postgresql'] : ['sqlite'];

export interface TestDatabase extends Connection {
  url: string;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

function baseSqliteFile(): string {
  const digest = createHash('sha1')
    .update(listMigrations('sqlite').map((m) => m.name + m.sql).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const base = join(tmpdir(), `newsdesk-test-base-${digest}.db`);
  if (!existsSync(base)) {
    const building = `${base}.${process.pid}.${randomUUID()}`;
    migrateSqlite(building);
    renameSync(building, base);
  }
  return base;
}

export function freshSqliteUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
  const path = join(dir, 'test.db');
  copyFileSync(baseSqliteFile(), path);
  return `file:${path}`;
}

export function freshPostgresUrl(): string {
  if (!pgUrl) throw new Error('NEWSDESK_TEST_PG_URL is not set');
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const url = new URL(pgUrl);
  url.searchParams.set('schema', schema);
  return url.toString();
}

export async function dropPostgresSchema(url: string): Promise<void> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (!schema || schema === 'public') return;
  const client = new pg.Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(provider: Provider = 'sqlite'): Promise<TestDatabase> {
  const url = provider === 'sqlite' ? freshSqliteUrl() : freshPostgresUrl();
  const connection = await connect(url);
  return {
    ...connection,
    url,
    async drop() {
      await connection.close();
      if (provider === 'postgresql') await dropPostgresSchema(url);
    },
  };
}

const LEDGER = 'CREATE TABLE "_newsdesk_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)';

/** A SQLite file as an older release left it: only the named migrations applied, then `rows` inserted. */
export function olderSqliteDatabase(applied: string[], rows: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-')), 'old.db');
  const db = new Database(path);
  db.exec(LEDGER);
  for (const m of listMigrations('sqlite').filter((m) => applied.includes(m.name))) {
    db.exec(m.sql);
    db.prepare('INSERT INTO _newsdesk_migrations VALUES (?, ?)').run(m.name, '2020-01-01');
  }
  for (const sql of rows) db.exec(sql);
  db.close();
  return path;
}

export interface OlderPostgres {
  schema: string;
  /** A client on the schema, for reading what the migrations made of it. */
  client: pg.Client;
  drop(): Promise<void>;
}

/** The same on PostgreSQL (NEWSDESK_TEST_PG_URL): a fresh schema with only the named migrations and `rows`. */
export async function olderPostgresDatabase(applied: string[], rows: string[]): Promise<OlderPostgres> {
  const url = freshPostgresUrl();
  const schema = new URL(url).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(LEDGER);
  for (const m of listMigrations('postgresql').filter((m) => applied.includes(m.name))) {
    await client.query(m.sql);
    await client.query('INSERT INTO "_newsdesk_migrations" VALUES ($1, $2)', [m.name, '2020-01-01']);
  }
  for (const sql of rows) await client.query(sql);
  return {
    schema,
    client,
    async drop() {
      await client.end();
      await dropPostgresSchema(url);
    },
  };
}
