/**
 * Entity keys without accents (src/store/entities.ts and migration 0005): an outlet's "Pedro Sanchez" is the
 * "Pedro Sánchez" of another, and a database written before 0005 has its entities merged when it migrates.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityIds, entityKey, FOLD } from '../../src/store/entities.ts';
import { findEntity } from '../../src/store/entity-queries.ts';
import { migratePostgres, migrateSqlite } from '../../src/store/migrate.ts';
import { createTestDatabase, olderPostgresDatabase, olderSqliteDatabase, pgUrl, providers, type TestDatabase } from '../helpers/db.ts';

const BEFORE_0005 = ['0001_init', '0002_fulltext', '0003_cluster_state', '0004_mention_per_entity'];
/** Every character the fold table knows, in one name. */
const ALL_FOLDED = `x${Object.keys(FOLD).join('')}y`;

/**
 * Rows as a database before 0005 holds them (keys lower-cased only). Entities 1 and 2 are one person in two
 * spellings; article 1 names both, article 2 only the second; account 4 belongs to the second spelling.
 */
const OLD_ROWS = [
  `INSERT INTO "Article" ("id", "url", "source", "title", "fetchedAt", "updatedAt", "contentHash") VALUES
     (1, 'https://a.example/1', 'a', 'One', '2020-01-01', '2020-01-01', 'h1'),
     (2, 'https://a.example/2', 'a', 'Two', '2020-01-01', '2020-01-01', 'h2')`,
  `INSERT INTO "Entity" ("id", "key", "name", "type", "ownerId") VALUES
     (1, 'person:pedro sánchez', 'Pedro Sánchez', 'person', NULL),
     (2, 'person:pedro sanchez', 'Pedro Sanchez', 'person', NULL),
     (3, 'organization:société générale', 'Société Générale', 'organization', NULL),
     (4, 'account:@sanchezcastejon', '@sanchezcastejon', 'account', 2),
     (5, 'person:${ALL_FOLDED.toLowerCase()}', '${ALL_FOLDED}', 'person', NULL)`,
  // no ids: PostgreSQL's sequence must hand out the ones the migration inserts
  `INSERT INTO "EntityAlias" ("entityId", "alias") VALUES (1, 'Sánchez'), (2, 'Sanchez'), (2, 'Pedro Sanchez')`,
  `INSERT INTO "Mention" ("id", "articleId", "entityId", "count", "field", "start", "end", "surface", "createdAt") VALUES
     (1, 1, 1, 2, 'title', 0, 13, 'Pedro Sánchez', '2020-01-01'),
     (2, 1, 2, 1, 'text', 40, 47, 'Sanchez', '2020-01-01'),
     (3, 2, 2, 3, 'text', 5, 18, 'Pedro Sanchez', '2020-01-01')`,
];
const ENTITIES = 'SELECT "id", "key", "name", "ownerId" FROM "Entity" ORDER BY "id"';
const MENTIONS = 'SELECT "articleId", "entityId", "count", "surface" FROM "Mention" ORDER BY "articleId", "entityId"';
const ALIASES = 'SELECT "alias" FROM "EntityAlias" WHERE "entityId" = 1 ORDER BY "alias"';

const AFTER = {
  entities: [
    { id: 1, key: entityKey({ name: 'Pedro Sánchez', type: 'person' }), name: 'Pedro Sánchez', ownerId: null },
    { id: 3, key: entityKey({ name: 'Société Générale', type: 'organization' }), name: 'Société Générale', ownerId: null },
    { id: 4, key: 'account:@sanchezcastejon', name: '@sanchezcastejon', ownerId: 1 },
    { id: 5, key: entityKey({ name: ALL_FOLDED, type: 'person' }), name: ALL_FOLDED, ownerId: null },
  ],
  mentions: [
    { articleId: 1, entityId: 1, count: 3, surface: 'Pedro Sánchez' },
    { articleId: 2, entityId: 1, count: 3, surface: 'Pedro Sanchez' },
  ],
  aliases: [{ alias: 'Pedro Sanchez' }, { alias: 'Sanchez' }, { alias: 'Sánchez' }],
};

describe('entity keys', () => {
  it('fold accents, so two spellings of one name are one key', () => {
    expect(entityKey({ name: 'Pedro Sánchez', type: 'person' })).toBe('person:pedro sanchez');
    expect(entityKey({ name: 'Société Générale', type: 'organization' })).toBe(entityKey({ name: 'Societe Generale', type: 'organization' }));
    expect(entityKey({ name: 'Recep Tayyip Erdoğan', type: 'person' })).toBe('person:recep tayyip erdogan');
    expect(entityKey({ name: 'Strauß', type: 'person' })).toBe('person:strauss');
    expect(entityKey({ name: ALL_FOLDED, type: 'person' })).toMatch(/^person:[a-z]+$/u);
  });

  it('0005 merges the spellings of a database written before it, on SQLite', () => {
    const path = olderSqliteDatabase(BEFORE_0005, OLD_ROWS);
    expect(migrateSqlite(path)).toContain('0005_entity_keys_without_accents');
    const after = new Database(path);
    expect(after.prepare(ENTITIES).all()).toEqual(AFTER.entities);
    expect(after.prepare(MENTIONS).all()).toEqual(AFTER.mentions);
    expect(after.prepare(ALIASES).all()).toEqual(AFTER.aliases);
    after.close();
  });

  it.runIf(pgUrl)('0005 merges the spellings of a database written before it, on PostgreSQL', async () => {
    const older = await olderPostgresDatabase(BEFORE_0005, OLD_ROWS);
    try {
      expect(await migratePostgres(pgUrl!, older.schema)).toContain('0005_entity_keys_without_accents');
      expect((await older.client.query(ENTITIES)).rows).toEqual(AFTER.entities);
      expect((await older.client.query(MENTIONS)).rows).toEqual(AFTER.mentions);
      expect((await older.client.query(ALIASES)).rows).toEqual(AFTER.aliases);
    } finally {
      await older.drop();
    }
  });
});

describe.each(providers)('entities saved on %s', (provider) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });
  afterEach(() => db.drop());

  it('are one row for two spellings, named as first seen', async () => {
    const ids = new EntityIds();
    const first = await ids.resolve(db.db, [{ name: 'Pedro Sánchez', type: 'person' }], []);
    const second = await new EntityIds().resolve(db.db, [{ name: 'Pedro Sanchez', type: 'person' }], []);
    expect([...second.values()]).toEqual([...first.values()]);
    expect(await db.db.entity.findMany({ select: { name: true } })).toEqual([{ name: 'Pedro Sánchez' }]);
  });

  it('are found by a spelling no article used', async () => {
    await new EntityIds().resolve(db.db, [{ name: 'Pedro Sánchez', type: 'person' }], []);
    expect(await findEntity(db.db, 'pedro sanchez')).toMatchObject({ name: 'Pedro Sánchez', type: 'person' });
  });
});
