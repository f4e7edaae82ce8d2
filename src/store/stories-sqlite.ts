/**
 * The per-article story writes of stories.ts on SQLite through the driver (same rows, same steps), called
 * inside `writeInTransaction`. See docs/decisions/0102-sqlite-write-path.md.
 */
import { storedStoryState, type Membership, type NewStory, type StoryMerge, type StoryUpdate } from './stories.ts';
import { statement, sqliteTime, type SqliteDriver } from './sqlite-driver.ts';

const SQL = {
  createStory: `INSERT INTO "Story" (title, firstSeenAt, lastSeenAt, firstArticleId, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
  createReserved: `INSERT INTO "Story" (id, title, firstSeenAt, lastSeenAt, firstArticleId, createdAt, updatedAt)
                   VALUES (?, ?, ?, ?, ?, ?, ?)`,
  sequenceRow: `INSERT INTO sqlite_sequence (name, seq) SELECT 'Story', coalesce((SELECT max(id) FROM "Story"), 0)
                WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'Story')`,
  reserve: `UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT max(id) FROM "Story"), 0)) + ?
            WHERE name = 'Story' RETURNING seq`,
  release: `UPDATE sqlite_sequence SET seq = ? WHERE name = 'Story' AND seq = ?`,
  leaveOthers: `UPDATE "StoryMember" SET leftAt = ? WHERE articleId = ? AND leftAt IS NULL AND storyId <> ?`,
  current: `SELECT id FROM "StoryMember" WHERE articleId = ? AND storyId = ? AND leftAt IS NULL LIMIT 1`,
  join: `INSERT INTO "StoryMember" (storyId, articleId, joinedAt, score, reasons, pinned) VALUES (?, ?, ?, ?, ?, ?)`,
  saveClusterState: `INSERT INTO "ClusterState" (name, state, updatedAt) VALUES (?, ?, ?)
                     ON CONFLICT (name) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt`,
  moveMembers: `INSERT INTO "StoryMember" (storyId, articleId, joinedAt, score, reasons, pinned)
                SELECT ?, articleId, ?, score, reasons, pinned FROM "StoryMember" WHERE storyId = ? AND leftAt IS NULL ORDER BY id`,
  leaveStory: `UPDATE "StoryMember" SET leftAt = ? WHERE storyId = ? AND leftAt IS NULL`,
  mergedInto: `UPDATE "Story" SET mergedIntoId = ?, articleCount = 0, state = NULL, updatedAt = ? WHERE id = ?`,
  updateStory: `UPDATE "Story" SET title = ?, titles = ?, languages = ?, sources = ?, firstSeenAt = ?, lastSeenAt = ?,
                  firstArticleId = ?, articleCount = ?, sourceCount = ?, keyEntities = ?, reasons = ?, state = ?,
                  updatedAt = ?
                WHERE id = ?`,
};

export function createStoryRowSqlite(driver: SqliteDriver, founder: { articleId: number; title: string; when: Date }): number {
  const now = sqliteTime(new Date());
  const when = sqliteTime(founder.when);
  const row = statement(driver, SQL.createStory).get(founder.title, when, when, founder.articleId, now, now) as { id: number };
  return row.id;
}

/** The row of a story whose id was reserved (`reserveStoryIdsSqlite`). */
export function createReservedStorySqlite(driver: SqliteDriver, story: NewStory): void {
  const now = sqliteTime(new Date());
  const when = sqliteTime(story.when);
  statement(driver, SQL.createReserved).run(story.id, story.title, when, when, story.articleId, now, now);
}

/**
 * `count` story ids no other writer will take: Story's AUTOINCREMENT counter moves past them (and past any
 * row inserted with an explicit id), so an insert elsewhere gets the next one.
 */
export function reserveStoryIdsSqlite(driver: SqliteDriver, count: number): number[] {
  statement(driver, SQL.sequenceRow).run();
  const { seq } = statement(driver, SQL.reserve).get(count) as { seq: number };
  return Array.from({ length: count }, (_, i) => seq - count + 1 + i);
}

/** Gives back the unused tail of a reservation, if nobody reserved or inserted after it. */
export function releaseStoryIdsSqlite(driver: SqliteDriver, unused: readonly number[]): void {
  const first = unused[0];
  const last = unused.at(-1);
  if (first === undefined || last === undefined || last - first + 1 !== unused.length) return;
  statement(driver, SQL.release).run(first - 1, last);
}

export function joinStorySqlite(driver: SqliteDriver, { firstTime, ...m }: Membership): void {
  const joinedAt = sqliteTime(m.joinedAt);
  const join = () =>
    statement(driver, SQL.join).run(m.storyId, m.articleId, joinedAt, m.score, JSON.stringify(m.reasons), m.pinned ? 1 : 0);
  if (firstTime) return void join();
  statement(driver, SQL.leaveOthers).run(joinedAt, m.articleId, m.storyId);
  if (!statement(driver, SQL.current).get(m.articleId, m.storyId)) join();
}

export function saveClusterStateSqlite(driver: SqliteDriver, name: string, json: string): void {
  statement(driver, SQL.saveClusterState).run(name, json, sqliteTime(new Date()));
}

/** As mergeMembers in stories.ts: the current members of `from` move to `into` (history kept). */
export function mergeStorySqlite(driver: SqliteDriver, { into, from, at }: StoryMerge): void {
  const when = sqliteTime(at);
  statement(driver, SQL.moveMembers).run(into, when, from);
  statement(driver, SQL.leaveStory).run(when, from);
  statement(driver, SQL.mergedInto).run(into, sqliteTime(new Date()), from);
}

export function writeStorySqlite(driver: SqliteDriver, { summary, state, id }: StoryUpdate): void {
  statement(driver, SQL.updateStory).run(
    summary.title, JSON.stringify(summary.titles), JSON.stringify(summary.languages), JSON.stringify(summary.sources),
    sqliteTime(summary.firstSeenAt), sqliteTime(summary.lastSeenAt), summary.firstArticleId, summary.articleCount,
    summary.sourceCount, JSON.stringify(summary.keyEntities), JSON.stringify(summary.reasons),
    storedStoryState(state, id), sqliteTime(new Date()), id,
  );
}
