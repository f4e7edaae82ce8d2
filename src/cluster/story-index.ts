import type { StoryState } from './types.ts';
import type { Vector } from './vector.ts';
import { topKeysOf } from './packed-top-k.ts';
import { WORDS } from './packed-vector.ts';

/**
 * Inverted index from features to the stories whose centroid carries them, over the stories
 * currently held in memory (the time window). Only each story's heaviest features are indexed,
 * and very common features are skipped at lookup, so candidate retrieval costs the same
 * whatever the archive size.
 */
export interface StoryIndex {
  put(story: StoryState): void;
  remove(key: string): void;
  /** Stories sharing the query's features, best-scoring first (sum of query weights hit). */
  candidates(query: Vector, limit: number): string[];
}

export function createStoryIndex(indexTerms: number, maxPostings: number): StoryIndex {
  const postings = new Map<string, Set<string>>();
  const indexed = new Map<string, string[]>();

  function remove(key: string): void {
    for (const term of indexed.get(key) ?? []) {
      const set = postings.get(term);
      set?.delete(key);
      if (set?.size === 0) postings.delete(term);
    }
    indexed.delete(key);
  }

  return {
    put(story) {
      remove(story.key);
      // character grams are poor lookup keys: names and words select the candidates
      const terms = topKeysOf(story.centroid, WORDS, indexTerms);
      for (const term of terms) {
        let set = postings.get(term);
        if (!set) postings.set(term, (set = new Set()));
        set.add(story.key);
      }
      indexed.set(story.key, terms);
    },
    remove,
    candidates(query, limit) {
      const hits = new Map<string, number>();
      for (const [term, weight] of Object.entries(query)) {
        const set = postings.get(term);
        if (!set || set.size > maxPostings) continue;
        for (const key of set) hits.set(key, (hits.get(key) ?? 0) + weight);
      }
      return [...hits.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([key]) => key);
    },
  };
}
