/** Persisting stories: rows, membership history, the clusterer's state, merges. */
import type { ClusterSnapshot, StoryState } from '../cluster/index.ts';
import type { StorySummaryFields } from '../pipeline/story-summary.ts';
import type { Db } from './client.ts';

/** The clusterer's state shared by all stories (document frequencies and the like); stories are rows. */
export type SharedClusterState = Omit<ClusterSnapshot, 'stories'>;

const SHARED_STATE = 'shared';

export async function loadSharedClusterState(db: Db): Promise<SharedClusterState | undefined> {
  const row = await db.clusterState.findUnique({ where: { name: SHARED_STATE } });
  return row ? (JSON.parse(row.state) as SharedClusterState) : undefined;
}

export async function saveSharedClusterState(db: Db, state: SharedClusterState): Promise<void> {
  const json = JSON.stringify(state);
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
  return rows
    .filter((row) => row.state && !loaded.has(String(row.id)))
    .map((row) => ({ ...(JSON.parse(row.state!) as StoryState), key: String(row.id) }));
}

export async function createStoryRow(db: Db, founder: { articleId: number; title: string; when: Date }): Promise<number> {
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
}

export async function addMembership(db: Db, membership: Membership & { firstTime?: boolean }): Promise<void> {
  const { firstTime, ...row } = membership;
  if (firstTime) {
    // A newly stored article has no membership yet: one insert, no transaction.
    await db.storyMember.create({ data: { ...row, reasons: JSON.stringify(row.reasons), pinned: row.pinned ?? false } });
    return;
  }
  await db.$transaction(async (tx) => {
    await tx.storyMember.updateMany({
      where: { articleId: membership.articleId, leftAt: null, storyId: { not: membership.storyId } },
      data: { leftAt: membership.joinedAt },
    });
    const current = await tx.storyMember.findFirst({
      where: { articleId: membership.articleId, storyId: membership.storyId, leftAt: null },
      select: { id: true },
    });
    if (current) return;
    await tx.storyMember.create({
      data: { ...row, reasons: JSON.stringify(row.reasons), pinned: row.pinned ?? false },
    });
  });
}

export async function saveStory(db: Db, storyId: number, summary: StorySummaryFields, state: StoryState): Promise<void> {
  await db.story.update({
    where: { id: storyId },
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
      state: JSON.stringify({ ...state, key: String(storyId) }),
    },
  });
}

/** `from` folds into `into`: its current members move (history kept), and it points at `into`. */
export async function mergeStoryRows(db: Db, into: number, from: number, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
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
  });
}
