/**
 * The columns of a story row, from the clusterer's state: the cluster stage's summary (titles per
 * language from the most central articles, who was first, sources) plus what the store keeps beside it —
 * entity types and counts, and the reasons articles were grouped.
 */
import { summarizeStory, type MemberSummary, type StoryState } from '../cluster/index.ts';

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
  return [...reasonCounts(story.members)[kind]].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name]) => name);
}

interface ReasonCounts {
  /** The members counted: a prefix of every later member list of the story while it only grows. */
  length: number;
  last: MemberSummary | undefined;
  entities: Map<string, number>;
  terms: Map<string, number>;
}

/**
 * Counts of the reasons members joined for, kept per story (by its first member) from one summary to
 * the next: a story is summarised after every batch it grew in, and its members only grow at the end
 * (joins and merges append), so only the new members are counted. Any other change counts them afresh.
 */
const counted = new WeakMap<MemberSummary, ReasonCounts>();

function reasonCounts(members: readonly MemberSummary[]): ReasonCounts {
  const first = members[0];
  if (!first) return { length: 0, last: undefined, entities: new Map(), terms: new Map() };
  let counts = counted.get(first);
  if (!counts || counts.length > members.length || members[counts.length - 1] !== counts.last) {
    counts = { length: 0, last: undefined, entities: new Map(), terms: new Map() };
    counted.set(first, counts);
  }
  for (let i = counts.length; i < members.length; i++) {
    const member = members[i]!;
    for (const name of member.reasons.entities) counts.entities.set(name, (counts.entities.get(name) ?? 0) + 1);
    for (const name of member.reasons.terms) counts.terms.set(name, (counts.terms.get(name) ?? 0) + 1);
  }
  counts.length = members.length;
  counts.last = members[members.length - 1];
  return counts;
}
