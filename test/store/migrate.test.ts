import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/store/client.ts';
import { listMigrations, migrateSqlite } from '../../src/store/migrate.ts';
import { dropPostgresSchema, freshPostgresUrl, pgUrl } from '../helpers/db.ts';

describe('migrations', () => {
  it('create a SQLite database on first use, in a folder that does not exist yet', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-')), 'nested', 'new.db');
    expect(existsSync(path)).toBe(false);
    const connection = await connect(`file:${path}`);
    expect(await connection.db.feed.count()).toBe(0);
    await connection.close();
    const db = new Database(path);
    const applied = db.prepare('SELECT name FROM _newsdesk_migrations ORDER BY name').pluck().all();
    expect(applied).toEqual(listMigrations('sqlite').map((m) => m.name));
    db.close();
  });

  it('apply each migration once, however often they run', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-')), 'twice.db');
    expect(migrateSqlite(path).length).toBe(listMigrations('sqlite').length);
    expect(migrateSqlite(path)).toEqual([]);
  });

  it.runIf(pgUrl)('create the PostgreSQL tables in the schema named by ?schema=, once', async () => {
    const url = freshPostgresUrl();
    try {
      const first = await connect(url);
      await first.db.feed.create({ data: { name: 'a', url: 'https://a.example/feed' } });
      await first.close();
      const second = await connect(url);
      expect(await second.db.feed.count()).toBe(1);
      await second.close();
    } finally {
      await dropPostgresSchema(url);
    }
  });
});
