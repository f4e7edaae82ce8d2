import type { DetectedLanguage } from '../domain/types.ts';
import type { MemberSummary, StoryState } from './types.ts';
import { cosine } from './vector.ts';

/** What a researcher sees of a story: titles, who was first, key entities, why grouped. */
export interface StorySummary {
  key: string;
  /** Title of the most central article overall. */
  title: string;
  /** Title of the most central article per language. */
  titles: Partial<Record<DetectedLanguage, string>>;
  languages: DetectedLanguage[];
  sources: string[];
  articleCount: number;
  /** ISO 8601 of the earliest and latest article. */
  firstSeen: string;
  lastSeen: string;
  /** The article published first ("who reported first"). */
  first: Pick<MemberSummary, 'id' | 'url' | 'source' | 'published'> | null;
  /** Canonical entities by number of articles naming them; names from the text when none are known. */
  entities: string[];
  /** The heaviest shared terms of the story (what its articles have in common). */
  terms: string[];
}

export function summarizeStory(story: StoryState, limit = 8): StorySummary {
  const members = story.members;
  const titles: Partial<Record<DetectedLanguage, string>> = {};
  const closer = closerToCentre(story);
  const centralOf = new Map<DetectedLanguage, MemberSummary>();
  for (const m of members) {
    const best = centralOf.get(m.language);
    if (!best || closer(m, best)) centralOf.set(m.language, m);
  }
  for (const [language, m] of centralOf) titles[language] = m.title;
  let central: MemberSummary | undefined;
  for (const m of centralOf.values()) if (!central || closer(m, central)) central = m;
  // published dates are ISO 8601 strings of one format: they order as strings; the earliest listed first wins
  let first: MemberSummary | undefined;
  for (const m of members) if (!first || m.published < first.published) first = m;
  return {
    key: story.key,
    title: central?.title ?? '',
    titles,
    languages: [...centralOf.keys()].sort(),
    sources: [...new Set(members.map((m) => m.source).filter(Boolean))],
    articleCount: members.length,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    first: first ? { id: first.id, url: first.url, source: first.source, published: first.published } : null,
    entities: keyEntities(story, limit),
    terms: keyTerms(story, limit),
  };
}

/**
 * Which of two members is closer to the story's centre. The core members keep their vectors: their cosine
 * to the centroid as it is now decides, and any of them is closer than a member outside the core. Others
 * compare by their cosine when they joined, in which the founder counts 1: without the core, the title
 * would stay the founder's, even when the story grew around a later article (a vague headline that the
 * story's first match chained from, "3 Predictions for the New Week" for a story of 55 Prince Harry reports).
 */
function closerToCentre(story: StoryState): (a: MemberSummary, b: MemberSummary) => boolean {
  const core = new Map(story.core.map((member) => [member.id, cosine(member.vector, story.centroid)]));
  return (a, b) => {
    const [x, y] = [core.get(a.id), core.get(b.id)];
    if (x !== undefined || y !== undefined) return (x ?? -1) > (y ?? -1);
    return a.centrality > b.centrality;
  };
}

function keyEntities(story: StoryState, limit: number): string[] {
  const known = Object.entries(story.entities).sort((a, b) => b[1] - a[1]);
  if (known.length > 0) return known.slice(0, limit).map(([name]) => name);
  return labels(story, limit, (key) => key.startsWith('n:'));
}

function keyTerms(story: StoryState, limit: number): string[] {
  return labels(story, limit, (key) => key.startsWith('w:') || key.startsWith('x:'));
}

/** Readable labels of the heaviest centroid features passing the filter. */
function labels(story: StoryState, limit: number, keep: (key: string) => boolean): string[] {
  const entries = story.centroid
    .entries()
    .filter(([key]) => keep(key))
    .sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  for (const [key] of entries) {
    const label = featureLabel(key);
    if (!out.includes(label)) out.push(label);
    if (out.length >= limit) break;
  }
  return out;
}

/** "w:de:regier" → "regier", "n:duysak" → "duysak", "x:employee" → "employee". */
export function featureLabel(key: string): string {
  return key.startsWith('w:') ? key.slice(key.indexOf(':', 2) + 1) : key.slice(2);
}
