/**
 * `saveArticle` on SQLite through the driver: the same steps as the Prisma path in articles.ts (find by
 * canonical URL, insert or update, feed link, entities, aliases, mentions, full-text row), in one
 * synchronous immediate transaction (several articles may share one). See docs/decisions/0102-sqlite-write-path.md.
 */
import { articleColumns, indexedText, type ArticleRecord, type SavedArticle } from './articles.ts';
import { aliasKey, entitiesOf, entityKey, mentionsPerEntity, OWNER_TYPES, type EntityIds } from './entities.ts';
import { sqliteIndexRow } from './search-index.ts';
import { statement, sqliteTime, writeInTransaction, type SqliteDriver } from './sqlite-driver.ts';

const COLUMNS = [
  'url', 'originalUrl', 'guid', 'source', 'title', 'summary', 'bodyText', 'author', 'siteName', 'language',
  'languageConfidence', 'languageEvidence', 'declaredLanguage', 'publishedAt', 'fetchedAt', 'contentHash',
  'extractStatus', 'extractError', 'analyzedAt', 'updatedAt',
] as const;

const SQL = {
  find: `SELECT a.id, a.contentHash,
           EXISTS (SELECT 1 FROM "StoryMember" m WHERE m.articleId = a.id AND m.leftAt IS NULL) AS member
         FROM "Article" a WHERE a.url = ?`,
  // the id from `run().lastInsertRowid`: with `RETURNING id` the insert cost about 2.5 times as much CPU
  insert: `INSERT INTO "Article" (${COLUMNS.map((c) => `"${c}"`).join(', ')})
           VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  update: `UPDATE "Article" SET ${COLUMNS.map((c) => `"${c}" = @${c}`).join(', ')} WHERE id = @id`,
  deleteMentions: 'DELETE FROM "Mention" WHERE articleId = ?',
  linkFeed: `INSERT INTO "FeedArticle" (feedId, articleId, guid, firstSeenAt) VALUES (?, ?, ?, ?)
             ON CONFLICT (feedId, articleId) DO NOTHING`,
  entityId: 'SELECT id FROM "Entity" WHERE key = ?',
  insertEntity: 'INSERT INTO "Entity" (key, name, type, createdAt) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
  setOwner: 'UPDATE "Entity" SET ownerId = ? WHERE id = ?',
  insertAlias: 'INSERT INTO "EntityAlias" (entityId, alias) VALUES (?, ?) ON CONFLICT (entityId, alias) DO NOTHING',
  insertMention: `INSERT INTO "Mention" (articleId, entityId, count, field, start, "end", surface, createdAt)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  deleteIndex: 'DELETE FROM "ArticleSearch" WHERE rowid = ?',
  insertIndex: 'INSERT INTO "ArticleSearch" (rowid, title, body, stems) VALUES (?, ?, ?, ?)',
};

export async function saveArticlesSqlite(
  driver: SqliteDriver,
  entities: EntityIds,
  records: readonly ArticleRecord[],
): Promise<SavedArticle[]> {
  const fork = entities.fork();
  const saved = await writeInTransaction(driver, () => records.map((record) => save(driver, fork, record)));
  entities.adopt(fork);
  return saved;
}

function save(driver: SqliteDriver, entities: EntityIds, record: ArticleRecord): SavedArticle {
  const run = (sql: string, ...params: unknown[]) => statement(driver, sql).run(...params);
  const existing = statement(driver, SQL.find).get(record.url) as { id: number; contentHash: string; member: number } | undefined;
  let saved: SavedArticle;
  if (!existing) {
    const id = Number(statement(driver, SQL.insert).run(columns(record)).lastInsertRowid);
    saved = { id, status: 'new', needsStory: true };
  } else if (existing.contentHash !== record.contentHash) {
    run(SQL.update, { ...columns(record), id: existing.id });
    run(SQL.deleteMentions, existing.id);
    saved = { id: existing.id, status: 'updated', needsStory: !existing.member };
  } else {
    saved = { id: existing.id, status: 'unchanged', needsStory: !existing.member };
  }
  if (record.feed) run(SQL.linkFeed, record.feed.feedId, saved.id, record.feed.guid, sqliteTime(record.fetchedAt));
  if (saved.status !== 'unchanged') {
    saveMentions(driver, entities, saved.id, record);
    const index = sqliteIndexRow({ id: saved.id, ...indexedText(record) }, record.searchStems);
    run(SQL.deleteIndex, saved.id);
    run(SQL.insertIndex, ...index);
  }
  return saved;
}

function columns(record: ArticleRecord): Record<(typeof COLUMNS)[number], unknown> {
  const row: Record<string, unknown> = { ...articleColumns(record), updatedAt: new Date() };
  for (const [key, value] of Object.entries(row)) if (value instanceof Date) row[key] = sqliteTime(value);
  return row;
}

function saveMentions(driver: SqliteDriver, entities: EntityIds, articleId: number, record: ArticleRecord): void {
  if (record.mentions.length === 0 && record.entities.length === 0) return;
  const all = entitiesOf(record.entities, record.mentions);
  const ids = new Map<string, number>();
  const now = sqliteTime(new Date());
  for (const [key, ref] of all) ids.set(key, entityId(driver, entities, key, ref.name, ref.type, now));
  for (const ref of all.values()) {
    if (!ref.owner) continue;
    const owner = findOwner(driver, entities, ref.owner);
    const id = ids.get(entityKey(ref))!;
    if (owner === undefined || entities.hasOwner(id, owner)) continue;
    statement(driver, SQL.setOwner).run(owner, id);
    entities.rememberOwner(id, owner);
  }
  const createdAt = sqliteTime(record.publishedAt ?? record.fetchedAt);
  for (const m of record.mentions) {
    const id = ids.get(entityKey(m))!;
    const alias = aliasKey(id, m.text);
    if (!entities.hasAlias(alias)) {
      statement(driver, SQL.insertAlias).run(id, m.text);
      entities.rememberAlias(alias);
    }
  }
  for (const { key, first, count } of mentionsPerEntity(record.mentions)) {
    statement(driver, SQL.insertMention).run(articleId, ids.get(key)!, count, first.field, first.start, first.end, first.text, createdAt);
  }
}

function entityId(driver: SqliteDriver, entities: EntityIds, key: string, name: string, type: string, now: string): number {
  const cached = entities.cachedId(key);
  if (cached !== undefined) return cached;
  statement(driver, SQL.insertEntity).run(key, name, type, now);
  const { id } = statement(driver, SQL.entityId).get(key) as { id: number };
  entities.remember(key, id);
  return id;
}

function findOwner(driver: SqliteDriver, entities: EntityIds, name: string): number | undefined {
  for (const type of OWNER_TYPES) {
    const key = entityKey({ name, type });
    const id = entities.cachedId(key) ?? (statement(driver, SQL.entityId).get(key) as { id: number } | undefined)?.id;
    if (id !== undefined) return id;
  }
  return undefined;
}
