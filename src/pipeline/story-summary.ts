/**
 * What a researcher sees of a story, derived from the clusterer's state: a title per language from its
 * most central article, first seen (who reported first), sources, key entities, why it was grouped.
 */
import type { StoryState } from '../cluster/index.ts';

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
  const members = story.members;
  const byCentrality = [...members].sort((a, b) => b.centrality - a.centrality || a.published.localeCompare(b.published));
  const titles: Record<string, string> = {};
  for (const member of byCentrality) titles[member.language] ??= member.title;
  const first = [...members].sort((a, b) => a.published.localeCompare(b.published) || a.id - b.id)[0];
  const sources = [...new Set(members.map((m) => m.source))];
  const languages = [...new Set(members.map((m) => m.language))].sort();
  const keyEntities = Object.entries(story.entities)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([name, count]) => ({ name, type: entityTypes.get(name) ?? 'unknown', count }));
  const entityReasons = new Map<string, number>();
  const termReasons = new Map<string, number>();
  for (const member of members) {
    for (const name of member.reasons.entities) entityReasons.set(name, (entityReasons.get(name) ?? 0) + 1);
    for (const term of member.reasons.terms) termReasons.set(term, (termReasons.get(term) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>) =>
    [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name]) => name);
  return {
    title: byCentrality[0]?.title ?? '',
    titles,
    languages,
    sources,
    firstSeenAt: new Date(story.firstSeen),
    lastSeenAt: new Date(story.lastSeen),
    firstArticleId: first?.id ?? null,
    articleCount: members.length,
    sourceCount: sources.length,
    keyEntities,
    reasons: { entities: top(entityReasons), terms: top(termReasons) },
  };
}
