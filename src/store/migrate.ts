/**
 * Applies the SQL migrations in prisma/<provider>/migrations in order, once each, recorded in
 * `_newsdesk_migrations`. The same mechanism for both providers (Prisma's JS schema engine cannot run
 * `migrate deploy` on PostgreSQL here), and it gives "database created on first use".
 * See docs/decisions/0002-two-prisma-schemas.md.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './database-url.ts';

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma');

interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(provider: DatabaseTarget['provider']): Migration[] {
  const dir = join(prismaDir, provider, 'migrations');
  return readdirSync(dir)
    .filter((name) => /^\d{4}_/.test(name) && existsSync(join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, 'migration.sql'), 'utf8') }));
}

const ledger = `CREATE TABLE IF NOT EXISTS "_newsdesk_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;

export function migrateSqlite(path: string): string[] {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.exec(ledger);
    const applied: string[] = [];
    const done = new Set(db.prepare('SELECT name FROM _newsdesk_migrations').pluck().all() as string[]);
    for (const migration of listMigrations('sqlite')) {
      if (done.has(migration.name)) continue;
      // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
      db.transaction(() => {
        const again = db.prepare('SELECT 1 FROM _newsdesk_migrations WHERE name = ?').get(migration.name);
        if (again) return;
        db.exec(migration.sql);
        db.prepare('INSERT INTO _newsdesk_migrations (name, appliedAt) VALUES (?, ?)').run(
          migration.name,
          new Date().toISOString(),
        );
        applied.push(migration.name);
      }).immediate();
    }
    return applied;
  } finally {
    db.close();
  }
}

/** Several workers may start at once: an advisory lock serialises them. */
export async function migratePostgres(connectionString: string, schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7263541)');
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(ledger);
    const { rows } = await client.query<{ name: string }>('SELECT name FROM "_newsdesk_migrations"');
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of listMigrations('postgresql')) {
      if (done.has(migration.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO "_newsdesk_migrations" (name, "appliedAt") VALUES ($1, $2)', [
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7263541)').catch(() => undefined);
    await client.end();
  }
}

export async function migrate(target: DatabaseTarget): Promise<string[]> {
  return target.provider === 'sqlite'
    ? migrateSqlite(target.path)
    : migratePostgres(target.connectionString, target.schema);
}
