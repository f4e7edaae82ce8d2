/**
 * The columns of a story row, from the clusterer's state: the cluster stage's summary (titles per
 * language from the most central articles, who was first, sources) plus what the store keeps beside it —
 * entity types and counts, and the reasons articles were grouped.
 */
import { summarizeStory, type StoryState } from '../cluster/index.ts';

export interface StorySummaryFields {
  title: string;
  titles: Record<string, string>;
  languages: string[];
  sources: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  firstArticleId: number | null;
  articleCount: number;
  sourceCount: number;
  keyEntities: { name: string; type: string; count: number }[];
  reasons: { entities: string[]; terms: string[] };
}

export function summariseStory(story: StoryState, entityTypes: ReadonlyMap<string, string>): StorySummaryFields {
  const summary = summarizeStory(story, 10);
  const keyEntities = Object.entries(story.entities)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([name, count]) => ({ name, type: entityTypes.get(name) ?? 'unknown', count }));
  return {
    title: summary.title,
    titles: summary.titles,
    languages: summary.languages,
    sources: summary.sources,
    firstSeenAt: new Date(summary.firstSeen),
    lastSeenAt: new Date(summary.lastSeen),
    firstArticleId: summary.first?.id ?? null,
    articleCount: summary.articleCount,
    sourceCount: summary.sources.length,
    keyEntities,
    reasons: { entities: topReasons(story, 'entities'), terms: topReasons(story, 'terms') },
  };
}

/** The shared entities or terms named most often when members joined. */
function topReasons(story: StoryState, kind: 'entities' | 'terms'): string[] {
  const counts = new Map<string, number>();
  for (const member of story.members) for (const name of member.reasons[kind]) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name]) => name);
}
