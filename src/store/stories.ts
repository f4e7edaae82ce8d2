/** Persisting stories: rows, membership history, the clusterer's state, merges. */
import { storyFromJson, type ClusterSnapshot, type CoreMember, type MemberSummary, type StoryState, type StoryStateJson } from '../cluster/index.ts';
import type { DetectedLanguage } from '../domain/types.ts';
import type { StorySummaryFields } from '../pipeline/story-summary.ts';
import type { Db } from './client.ts';
import { writeInTransaction, sqliteDriver } from './sqlite-driver.ts';
import {
  createReservedStorySqlite, createStoryRowSqlite, joinStorySqlite, mergeStorySqlite, releaseStoryIdsSqlite,
  reserveStoryIdsSqlite, saveClusterStateSqlite, writeStorySqlite,
} from './stories-sqlite.ts';

/** The clusterer's state shared by all stories (document frequencies and the like); stories are rows. */
export type SharedClusterState = Omit<ClusterSnapshot, 'stories'>;

const SHARED_STATE = 'shared';

export async function loadSharedClusterState(db: Db): Promise<SharedClusterState | undefined> {
  const row = await db.clusterState.findUnique({ where: { name: SHARED_STATE } });
  return row ? (JSON.parse(row.state) as SharedClusterState) : undefined;
}

export async function saveSharedClusterState(db: Db, state: SharedClusterState): Promise<void> {
  const json = JSON.stringify(state);
  const driver = sqliteDriver(db);
  if (driver) return writeInTransaction(driver, () => saveClusterStateSqlite(driver, SHARED_STATE, json));
  await db.clusterState.upsert({
    where: { name: SHARED_STATE }, create: { name: SHARED_STATE, state: json }, update: { state: json },
  });
}

/** Stories active around [from, to] that the clusterer has not loaded yet. */
export async function loadStoryStates(db: Db, from: Date, to: Date, loaded: ReadonlySet<string>): Promise<StoryState[]> {
  const rows = await db.story.findMany({
    where: { mergedIntoId: null, articleCount: { gt: 0 }, lastSeenAt: { gte: from }, firstSeenAt: { lte: to } },
    select: { id: true, state: true },
  });
  return withMembers(db, rows.filter((row) => row.state && !loaded.has(String(row.id))) as { id: number; state: string }[]);
}

/** One story's clusterer state, or undefined when it has none (no articles, or merged away). */
export async function loadStoryState(db: Db, id: number): Promise<StoryState | undefined> {
  const row = await db.story.findUnique({ where: { id }, select: { id: true, state: true } });
  return row?.state ? (await withMembers(db, [{ id, state: row.state }]))[0] : undefined;
}

/**
 * A story's clusterer state as stored: its members by id and centrality only. The rest of a member
 * (title, outlet, language, time, join reasons) is in its Article and StoryMember rows; storing it
 * again with every change of a story made each write grow with the story (on the benchmark archive
 * 120 MB of JSON for 10,000 articles, 90 % of it member summaries).
 */
export function storedStoryState(state: StoryState, id: number): string {
  const { core, ...rest } = state;
  const members = state.members.map(({ id: member, centrality }) => ({ id: member, centrality }));
  const head = JSON.stringify({ ...rest, key: String(id), members });
  return `${head.slice(0, -1)},"core":[${core.map(coreJson).join(',')}]}`;
}

/**
 * A core member's JSON, made once per member: the core (up to six article vectors, most of a stored
 * state) mostly outlives the story's changes, and a busy story was written again after each batch.
 */
const coreJsonCache = new WeakMap<CoreMember, string>();

function coreJson(member: CoreMember): string {
  let json = coreJsonCache.get(member);
  if (json === undefined) {
    json = JSON.stringify(member);
    coreJsonCache.set(member, json);
  }
  return json;
}

type StoredMember = Pick<MemberSummary, 'id' | 'centrality'> & Partial<MemberSummary>;
/** A story state as stored: compact members (see storedStoryState), vectors as records. */
type StoredState = Omit<StoryStateJson, 'members'> & { members: StoredMember[] };

/** Stories per members query (their current members are read with their articles). */
const STORIES_PER_QUERY = 100;

/**
 * Stored states back to the clusterer's, each member completed from its article and its current
 * membership; a member whose article is gone is left out. States stored whole (by earlier versions)
 * are taken as they are.
 */
async function withMembers(db: Db, rows: readonly { id: number; state: string }[]): Promise<StoryState[]> {
  const states = rows.map((row) => ({ ...(JSON.parse(row.state) as StoredState), key: String(row.id) }));
  const compact = states.filter((state) => state.members.some((m) => m.url === undefined)).map((state) => Number(state.key));
  const found = new Map<string, Omit<MemberSummary, 'centrality'>>();
  for (let i = 0; i < compact.length; i += STORIES_PER_QUERY) {
    const members = await db.storyMember.findMany({
      where: { storyId: { in: compact.slice(i, i + STORIES_PER_QUERY) }, leftAt: null },
      select: {
        storyId: true, articleId: true, reasons: true,
        article: { select: { url: true, source: true, language: true, title: true, publishedAt: true, fetchedAt: true } },
      },
    });
    for (const { storyId, articleId, reasons, article } of members) {
      found.set(`${storyId}:${articleId}`, {
        id: articleId, url: article.url, source: article.source, language: article.language as DetectedLanguage,
        title: article.title, published: (article.publishedAt ?? article.fetchedAt).toISOString(),
        reasons: JSON.parse(reasons) as MemberSummary['reasons'],
      });
    }
  }
  return states.map((state) =>
    storyFromJson({
      ...state,
      members: state.members.flatMap((member): MemberSummary[] => {
        if (member.url !== undefined) return [member as MemberSummary];
        const full = found.get(`${state.key}:${member.id}`);
        return full ? [{ ...full, centrality: member.centrality }] : [];
      }),
    }),
  );
}

export async function createStoryRow(db: Db, founder: { articleId: number; title: string; when: Date }): Promise<number> {
  const driver = sqliteDriver(db);
  if (driver) return writeInTransaction(driver, () => createStoryRowSqlite(driver, founder));
  const row = await db.story.create({
    data: { title: founder.title, firstSeenAt: founder.when, lastSeenAt: founder.when, firstArticleId: founder.articleId },
    select: { id: true },
  });
  return row.id;
}

export interface Membership {
  storyId: number;
  articleId: number;
  joinedAt: Date;
  score: number;
  reasons: { entities: string[]; terms: string[] };
  pinned?: boolean;
  /** A newly stored article has no membership to close: one insert. */
  firstTime?: boolean;
}

export interface StoryUpdate {
  id: number;
  summary: StorySummaryFields;
  state: StoryState;
}

/** `from` folds into `into` at `at`: its current members move there (history kept) and it points at `into`. */
export interface StoryMerge {
  into: number;
  from: number;
  at: Date;
}

/** A story founded with an id taken ahead (`reserveStoryIds`): its row is written with its first membership. */
export interface NewStory {
  id: number;
  articleId: number;
  title: string;
  when: Date;
}

/** One change to stories and their membership, in the order the clusterer made them. */
export type StoryWrite = { create: NewStory } | { join: Membership } | { merge: StoryMerge };

/**
 * Story ids taken ahead, so founding a story during assignment needs no write of its own (on SQLite such a
 * write waits for the lock whenever an import's writer thread is saving a batch); undefined on PostgreSQL,
 * where `createStoryRow` writes the row at once.
 */
export async function reserveStoryIds(db: Db, count: number): Promise<number[] | undefined> {
  const driver = sqliteDriver(db);
  if (!driver) return undefined;
  return writeInTransaction(driver, () => reserveStoryIdsSqlite(driver, count));
}

/** Gives back reserved ids never used (when they are still the latest taken), so ids stay dense. */
export async function releaseStoryIds(db: Db, unused: readonly number[]): Promise<void> {
  const driver = sqliteDriver(db);
  if (driver && unused.length > 0) await writeInTransaction(driver, () => releaseStoryIdsSqlite(driver, unused));
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Articles join stories and stories merge, in order, and the stories' rows (summary and clusterer state)
 * are updated in the same transaction: a process killed at any point leaves memberships and story rows
 * that agree.
 */
export async function recordAssignments(db: Db, writes: readonly StoryWrite[], stories: readonly StoryUpdate[]): Promise<void> {
  const driver = sqliteDriver(db);
  if (driver) {
    return writeInTransaction(driver, () => {
      for (const write of writes) {
        if ('create' in write) createReservedStorySqlite(driver, write.create);
        else if ('join' in write) joinStorySqlite(driver, write.join);
        else mergeStorySqlite(driver, write.merge);
      }
      for (const story of stories) writeStorySqlite(driver, story);
    });
  }
  await db.$transaction(async (tx) => {
    for (const write of writes) {
      if ('create' in write) await createReservedStory(tx, write.create);
      else if ('join' in write) await joinStory(tx, write.join);
      else await mergeMembers(tx, write.merge);
    }
    for (const story of stories) await writeStory(tx, story);
  }, { timeout: 60_000 });
}

async function createReservedStory(tx: Tx, { id, articleId, title, when }: NewStory): Promise<void> {
  await tx.story.create({ data: { id, title, firstSeenAt: when, lastSeenAt: when, firstArticleId: articleId } });
}

/** For corrections: a membership without a story update (the caller saves the story right after). */
export async function addMembership(db: Db, membership: Membership): Promise<void> {
  await db.$transaction((tx) => joinStory(tx, membership));
}

async function joinStory(tx: Tx, { firstTime, ...row }: Membership): Promise<void> {
  const data = { ...row, reasons: JSON.stringify(row.reasons), pinned: row.pinned ?? false };
  if (firstTime) {
    await tx.storyMember.create({ data });
    return;
  }
  await tx.storyMember.updateMany({
    where: { articleId: row.articleId, leftAt: null, storyId: { not: row.storyId } },
    data: { leftAt: row.joinedAt },
  });
  const current = await tx.storyMember.findFirst({
    where: { articleId: row.articleId, storyId: row.storyId, leftAt: null },
    select: { id: true },
  });
  if (!current) await tx.storyMember.create({ data });
}

export async function saveStory(db: Db, storyId: number, summary: StorySummaryFields, state: StoryState): Promise<void> {
  await writeStory(db, { id: storyId, summary, state });
}

async function writeStory(tx: Tx | Db, { id, summary, state }: StoryUpdate): Promise<void> {
  await tx.story.update({
    where: { id },
    data: {
      title: summary.title,
      titles: JSON.stringify(summary.titles),
      languages: JSON.stringify(summary.languages),
      sources: JSON.stringify(summary.sources),
      firstSeenAt: summary.firstSeenAt,
      lastSeenAt: summary.lastSeenAt,
      firstArticleId: summary.firstArticleId,
      articleCount: summary.articleCount,
      sourceCount: summary.sourceCount,
      keyEntities: JSON.stringify(summary.keyEntities),
      reasons: JSON.stringify(summary.reasons),
      state: storedStoryState(state, id),
    },
  });
}

/** A researcher's merge: `from` folds into `into` (members move, history kept); the caller saves `into`'s row. */
export async function mergeStoryRows(db: Db, into: number, from: number, at: Date): Promise<void> {
  await recordAssignments(db, [{ merge: { into, from, at } }], []);
}

async function mergeMembers(tx: Tx, { into, from, at }: StoryMerge): Promise<void> {
  const members = await tx.storyMember.findMany({ where: { storyId: from, leftAt: null } });
  await tx.storyMember.updateMany({ where: { storyId: from, leftAt: null }, data: { leftAt: at } });
  if (members.length > 0) {
    await tx.storyMember.createMany({
      data: members.map((m) => ({
        storyId: into, articleId: m.articleId, joinedAt: at, score: m.score, reasons: m.reasons, pinned: m.pinned,
      })),
    });
  }
  await tx.story.update({ where: { id: from }, data: { mergedIntoId: into, articleCount: 0, state: null } });
}
