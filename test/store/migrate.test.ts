import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/store/client.ts';
import { listMigrations, migratePostgres, migrateSqlite } from '../../src/store/migrate.ts';
import { dropPostgresSchema, freshPostgresUrl, olderPostgresDatabase, olderSqliteDatabase, pgUrl } from '../helpers/db.ts';

const BEFORE_0004 = ['0001_init', '0002_fulltext', '0003_cluster_state'];
/** An article naming entity 1 three times (first in its title) and entity 2 once, as rows before 0004. */
const OLD_ROWS = [
  `INSERT INTO "Article" ("id", "url", "source", "title", "fetchedAt", "updatedAt", "contentHash") VALUES (1, 'https://a.example/1', 'a', 'Alpha', '2020-01-01', '2020-01-01', 'h')`,
  `INSERT INTO "Entity" ("id", "key", "name", "type") VALUES (1, 'person:alpha', 'Alpha', 'person'), (2, 'organization:beta', 'Beta', 'organization')`,
  `INSERT INTO "Mention" ("id", "articleId", "entityId", "field", "start", "end", "surface", "createdAt") VALUES
     (1, 1, 1, 'title', 0, 5, 'Alpha', '2020-01-01'), (2, 1, 2, 'text', 10, 14, 'Beta', '2020-01-01'),
     (3, 1, 1, 'text', 20, 25, 'alpha', '2020-01-01'), (4, 1, 1, 'text', 30, 35, 'ALPHA', '2020-01-01')`,
];
const AFTER_0004 = [
  { entityId: 1, count: 3, field: 'title', start: 0, end: 5, surface: 'Alpha' },
  { entityId: 2, count: 1, field: 'text', start: 10, end: 14, surface: 'Beta' },
];
const MENTIONS = 'SELECT "entityId", "count", "field", "start", "end", "surface" FROM "Mention" ORDER BY "entityId"';

describe('migrations', () => {
  it('0004 keeps one Mention row per article and entity on SQLite: the first mention, and how many', () => {
    const path = olderSqliteDatabase(BEFORE_0004, OLD_ROWS);
    expect(migrateSqlite(path)).toContain('0004_mention_per_entity');
    const after = new Database(path);
    expect(after.prepare(MENTIONS).all()).toEqual(AFTER_0004);
    expect(() => after.exec(`INSERT INTO "Mention" ("articleId", "entityId", "field", "start", "end", "surface", "createdAt") VALUES (1, 2, 'text', 0, 1, 'B', '2020-01-01')`))
      .toThrow(/UNIQUE/);
    after.close();
  });

  it.runIf(pgUrl)('0004 keeps one Mention row per article and entity on PostgreSQL', async () => {
    const older = await olderPostgresDatabase(BEFORE_0004, OLD_ROWS);
    try {
      expect(await migratePostgres(pgUrl!, older.schema)).toContain('0004_mention_per_entity');
      expect((await older.client.query(MENTIONS)).rows).toEqual(AFTER_0004);
    } finally {
      await older.drop();
    }
  });

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
