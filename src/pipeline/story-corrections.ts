/**
 * A researcher's corrections: merge two stories, split an article out, move an article to another story.
 * Each is recorded (StoryCorrection) and marks the stories curated and the articles pinned, so neither
 * later assignment nor automatic merging nor `recluster` undoes it.
 */
import { createClusterer, type StoryState } from '../cluster/index.ts';
import { UserError } from '../domain/errors.ts';
import type { Db } from '../store/client.ts';
import { addMembership, createStoryRow, loadStoryState, mergeStoryRows, saveStory } from '../store/stories.ts';
import { clusterArticle, storyEntityTypes } from '../store/cluster-articles.ts';
import { summariseStory } from './story-summary.ts';

async function loadState(db: Db, storyId: number): Promise<StoryState> {
  const row = await db.story.findUnique({ where: { id: storyId }, select: { mergedIntoId: true } });
  if (!row) throw new UserError(`no story ${storyId}`);
  if (row.mergedIntoId) throw new UserError(`story ${storyId} was merged into story ${row.mergedIntoId}`);
  const state = await loadStoryState(db, storyId);
  if (!state) throw new UserError(`story ${storyId} has no articles`);
  return state;
}

async function save(db: Db, state: StoryState): Promise<void> {
  const curated = { ...state, curated: true };
  await saveStory(db, Number(state.key), summariseStory(curated, await storyEntityTypes(db, curated)), curated);
}

export async function mergeStories(db: Db, into: number, from: number, now: Date): Promise<void> {
  if (into === from) throw new UserError('cannot merge a story with itself');
  const clusterer = createClusterer();
  clusterer.addStory(await loadState(db, into));
  clusterer.addStory(await loadState(db, from));
  const merged = clusterer.mergeStories(String(into), String(from))!;
  await mergeStoryRows(db, into, from, now);
  await db.storyMember.updateMany({ where: { storyId: into, leftAt: null }, data: { pinned: true } });
  await save(db, merged);
  await db.storyCorrection.create({ data: { kind: 'merge', storyId: into, otherStoryId: from, createdAt: now } });
}

/** Finds the article by id or URL. */
export async function findArticleId(db: Db, reference: string): Promise<number> {
  const byId = /^\d+$/.test(reference) ? await db.article.findUnique({ where: { id: Number(reference) }, select: { id: true } }) : null;
  const found = byId ?? (await db.article.findUnique({ where: { url: reference }, select: { id: true } }));
  if (!found) throw new UserError(`no article ${reference}`);
  return found.id;
}

async function currentStory(db: Db, articleId: number): Promise<number | null> {
  const member = await db.storyMember.findFirst({ where: { articleId, leftAt: null }, select: { storyId: true } });
  return member?.storyId ?? null;
}

/** The article leaves story `storyId` and becomes a story of its own; it will not rejoin `storyId`. */
export async function splitArticle(db: Db, storyId: number, articleId: number, now: Date): Promise<number> {
  if ((await currentStory(db, articleId)) !== storyId) throw new UserError(`article ${articleId} is not in story ${storyId}`);
  const target = await placeAlone(db, storyId, articleId, now);
  await db.storyCorrection.create({ data: { kind: 'split', storyId, otherStoryId: target, articleId, createdAt: now } });
  return target;
}

/** The article leaves its story and joins `to`, pinned there. */
export async function moveArticle(db: Db, articleId: number, to: number, now: Date): Promise<void> {
  const from = await currentStory(db, articleId);
  if (from === to) return;
  const clusterer = createClusterer();
  const target = await loadState(db, to);
  clusterer.addStory(target);
  if (from !== null) await removeFrom(db, clusterer, from, articleId);
  const article = await clusterArticle(db, articleId);
  clusterer.assign(article, { pinnedStoryKey: String(to) });
  await addMembership(db, { storyId: to, articleId, joinedAt: now, score: 1, reasons: { entities: [], terms: [] }, pinned: true });
  await save(db, clusterer.getStory(String(to))!);
  await db.storyCorrection.create({ data: { kind: 'move', storyId: from, otherStoryId: to, articleId, createdAt: now } });
}

async function removeFrom(db: Db, clusterer: ReturnType<typeof createClusterer>, storyId: number, articleId: number) {
  clusterer.addStory(await loadState(db, storyId));
  const left = clusterer.removeArticle(String(storyId), articleId);
  if (left && left.members.length > 0) await save(db, left);
  else await db.story.update({ where: { id: storyId }, data: { articleCount: 0, state: null } });
}

async function placeAlone(db: Db, from: number, articleId: number, now: Date): Promise<number> {
  const clusterer = createClusterer();
  await removeFrom(db, clusterer, from, articleId);
  const article = await clusterArticle(db, articleId);
  const id = await createStoryRow(db, { articleId, title: article.title, when: article.published });
  clusterer.assign(article, { pinnedStoryKey: String(id) });
  await addMembership(db, { storyId: id, articleId, joinedAt: now, score: 1, reasons: { entities: [], terms: [] }, pinned: true });
  await save(db, clusterer.getStory(String(id))!);
  return id;
}
