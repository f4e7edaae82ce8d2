import type { StoryState } from './types.ts';
import { heaviest, topKeysOf } from './packed-top-k.ts';
import { WORDS, widened } from './packed-vector.ts';

/**
 * Inverted index from features to the stories whose centroid carries them, over the stories
 * currently held in memory (the time window). Only each story's heaviest features are indexed,
 * and very common features are skipped at lookup, so candidate retrieval costs the same
 * whatever the archive size.
 */
export interface StoryIndex {
  put(story: StoryState): void;
  remove(key: string): void;
  /**
   * Stories sharing the query's features ([feature, weight], each feature once), best-scoring first (sum of
   * query weights hit); on a tie, the story hit first (query terms in order; within a term, the story put
   * longest ago first).
   */
  candidates(query: ReadonlyArray<readonly [string, number]>, limit: number): string[];
}

export function createStoryIndex(indexTerms: number, maxPostings: number): StoryIndex {
  // Stories are numbered slots while indexed: postings hold numbers, and a lookup sums into an array.
  const postings = new Map<string, Set<number>>();
  const slotOf = new Map<string, number>();
  const keyOf: string[] = [];
  const termsOf: string[][] = [];
  const free: number[] = [];
  let score = new Float64Array(256);
  /** The lookup that last hit each slot (scores are summed in place, then cleared). */
  let hitBy = new Int32Array(256);
  let lookup = 0;

  function remove(key: string): void {
    const slot = slotOf.get(key);
    if (slot === undefined) return;
    for (const term of termsOf[slot] ?? []) {
      const set = postings.get(term);
      set?.delete(slot);
      if (set?.size === 0) postings.delete(term);
    }
    slotOf.delete(key);
    termsOf[slot] = [];
    free.push(slot);
  }

  function newSlot(key: string): number {
    const slot = free.pop() ?? keyOf.length;
    if (slot >= score.length) {
      score = widened(score, score.length * 2);
      hitBy = widened(hitBy, hitBy.length * 2);
    }
    slotOf.set(key, slot);
    keyOf[slot] = key;
    return slot;
  }

  return {
    put(story) {
      remove(story.key);
      const slot = newSlot(story.key);
      // character grams are poor lookup keys: names and words select the candidates
      const terms = topKeysOf(story.centroid, WORDS, indexTerms);
      for (const term of terms) {
        let set = postings.get(term);
        if (!set) postings.set(term, (set = new Set()));
        set.add(slot);
      }
      termsOf[slot] = terms;
    },
    remove,
    candidates(query, limit) {
      const hit: number[] = [];
      lookup++;
      for (const [term, weight] of query) {
        const set = postings.get(term);
        if (!set || set.size > maxPostings) continue;
        for (const slot of set) {
          if (hitBy[slot] !== lookup) {
            hitBy[slot] = lookup;
            score[slot] = 0;
            hit.push(slot);
          }
          score[slot] = (score[slot] ?? 0) + weight;
        }
      }
      return heaviest(hit, score, limit).map((slot) => keyOf[slot] ?? '');
    },
  };
}
