import type { TermCounts } from './features.ts';
import type { Vector } from './vector.ts';

/**
 * Features an outlet repeats across its articles (press-release headers such as "POL-AA:" or
 * "DGAP-Adhoc:", cookie and donation notices, the outlet's name) say who wrote an article, not
 * what happened. Each feature is discounted by the share of the outlet's earlier articles that
 * carried it, 1 − c/(n+2), so two template articles from one outlet do not look like one story.
 * The share counts one earlier article more than the outlet has (`PRIOR_DOCUMENTS`): one earlier
 * article is thin evidence, and when it reported the same incident its words are the story's, not
 * the outlet's (an outlet's follow-up lost half the weight of every word it shared with its first
 * report). Counts are halved once an outlet passes `maxDocuments`, which bounds the table.
 */
export interface SourceVocabularyState {
  [source: string]: { documents: number; counts: Record<string, number> };
}

export interface SourceVocabulary {
  discount(source: string, vector: Vector): Vector;
  /** `discount` on [key, weight] pairs, in place. */
  discountEntries(source: string, entries: Array<[string, number]>): void;
  observe(source: string, terms: TermCounts): void;
  state(): SourceVocabularyState;
}

/** Added to the outlet's article count in the discount's share: its estimate starts out mild. */
const PRIOR_DOCUMENTS = 1;

export function createSourceVocabulary(
  initial: SourceVocabularyState | undefined,
  maxDocuments = 200,
): SourceVocabulary {
  const sources = new Map<string, { documents: number; counts: Map<string, number> }>();
  for (const [source, s] of Object.entries(initial ?? {})) {
    sources.set(source, { documents: s.documents, counts: new Map(Object.entries(s.counts)) });
  }
  return {
    discount(source, vector) {
      const profile = sources.get(source);
      if (!source || !profile) return vector;
      const out: Vector = {};
      for (const [key, weight] of Object.entries(vector)) {
        out[key] = weight * keep(profile, key);
      }
      return out;
    },
    discountEntries(source, entries) {
      const profile = sources.get(source);
      if (!source || !profile) return;
      for (const entry of entries) {
        entry[1] = entry[1] * keep(profile, entry[0]);
      }
    },
    observe(source, terms) {
      if (!source) return;
      let profile = sources.get(source);
      if (!profile) sources.set(source, (profile = { documents: 0, counts: new Map() }));
      profile.documents += 1;
      for (const key of terms.keys()) profile.counts.set(key, (profile.counts.get(key) ?? 0) + 1);
      if (profile.documents > maxDocuments) {
        profile.documents /= 2;
        for (const [key, count] of profile.counts) {
          if (count < 2) profile.counts.delete(key);
          else profile.counts.set(key, count / 2);
        }
      }
    },
    state() {
      const out: SourceVocabularyState = {};
      for (const [source, p] of sources)
        out[source] = { documents: p.documents, counts: Object.fromEntries(p.counts) };
      return out;
    },
  };
}

/** The share of a feature's weight left after the outlet's discount. */
function keep(profile: { documents: number; counts: Map<string, number> }, key: string): number {
  return 1 - (profile.counts.get(key) ?? 0) / (profile.documents + 1 + PRIOR_DOCUMENTS);
}

/** The outlet: the given source name, else the URL's host without "www.". */
export function sourceOf(article: { source: string; url: string }): string {
  if (article.source) return article.source;
  try {
    return new URL(article.url).hostname.replace(/^www\./u, '');
  } catch {
    return '';
  }
}
