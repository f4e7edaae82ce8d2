/**
 * `newsdesk recluster [--since]`: rebuild stories for the articles at or after `since` (all when absent), in
 * time order, with a fresh clusterer. Corrections are kept: pinned articles return to their story (its id
 * survives), and an article split out of a story never rejoins it. Stories that began before `since` keep
 * their older members.
 */
import type { Db } from '../store/client.ts';
import { articlesSince, clusterArticlesSince } from '../store/cluster-articles.ts';
import { StoryAssigner } from './assign-stories.ts';

export interface ReclusterReport {
  articles: number;
  stories: number;
  pinned: number;
}

export async function recluster(db: Db, options: { since?: Date; windowHours: number; now: () => Date }): Promise<ReclusterReport> {
  const inRange = articlesSince(options.since);
  const pinnedRows = await db.storyMember.findMany({
    where: { leftAt: null, pinned: true, article: inRange },
    select: { articleId: true, storyId: true },
  });
  const pinned = new Map(pinnedRows.map((row) => [row.articleId, String(row.storyId)]));
  const splits = await db.storyCorrection.findMany({ where: { kind: 'split' }, select: { articleId: true, storyId: true } });
  const forbidden = new Map<number, string[]>();
  for (const { articleId, storyId } of splits) {
    if (articleId === null || storyId === null) continue;
    forbidden.set(articleId, [...(forbidden.get(articleId) ?? []), String(storyId)]);
  }

  const now = options.now();
  const before = await db.storyMember.findMany({ where: { leftAt: null, pinned: false, article: inRange }, select: { articleId: true, storyId: true } });
  const previous = new Map(before.map((row) => [row.articleId, row.storyId]));
  await db.storyMember.updateMany({ where: { leftAt: null, pinned: false, article: inRange }, data: { leftAt: now } });
  await db.story.updateMany({
    where: { mergedIntoId: null, members: { none: { leftAt: null } } },
    data: { articleCount: 0, state: null },
  });

  // A story founded again by the same article keeps its id, so ids stay stable across reclustering.
  const assigner = new StoryAssigner(db, {
    windowHours: options.windowHours, now: options.now, fresh: true, previousStory: (id) => previous.get(id),
  });
  let articles = 0;
  for await (const article of clusterArticlesSince(db, options.since)) {
    const pinnedStoryKey = pinned.get(article.id);
    await assigner.assign(
      article.id,
      { ...article, bodyText: article.text, publishedAt: article.published, fetchedAt: article.published },
      pinnedStoryKey
        ? { pinnedStoryKey, pinned: true }
        : { forbiddenStoryKeys: forbidden.get(article.id) ?? [] },
    );
    articles += 1;
  }
  const { storiesTouched } = await assigner.finish();
  return { articles, stories: storiesTouched, pinned: pinned.size };
}
