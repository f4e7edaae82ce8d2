import type { TermCounts } from './features.ts';
import type { Vector } from './vector.ts';
import { normalise } from './vector.ts';

/**
 * Document frequencies maintained incrementally as articles arrive. The counts are decayed
 * (halved once the table holds more than `maxDocuments` documents' worth) so that the table
 * follows the current news and stays bounded; features whose count falls below one are dropped.
 */
export interface DocumentFrequencyState {
  documents: number;
  counts: Record<string, number>;
}

export interface DocumentFrequency {
  observe(terms: TermCounts): void;
  idf(key: string): number;
  /** Sublinear TF × IDF, L2-normalised. */
  weigh(terms: TermCounts): Vector;
  /** `weigh` as [key, weight] pairs in the same order (no record built). */
  weighEntries(terms: TermCounts): Array<[string, number]>;
  /** Share of documents holding the feature (0 for unseen). */
  share(key: string): number;
  state(): DocumentFrequencyState;
}

/**
 * Before many documents are seen every feature looks rare; `prior` pretends a number of
 * documents without the feature so early IDFs are not extreme.
 */
export function createDocumentFrequency(
  initial: DocumentFrequencyState | undefined,
  maxDocuments: number,
  prior = 20,
): DocumentFrequency {
  let documents = initial?.documents ?? 0;
  const counts = new Map<string, number>(Object.entries(initial?.counts ?? {}));

  function decay(): void {
    documents /= 2;
    for (const [key, count] of counts) {
      if (count < 2) counts.delete(key);
      else counts.set(key, count / 2);
    }
  }

  const idf = (key: string) => Math.log((documents + prior + 1) / ((counts.get(key) ?? 0) + 1));

  return {
    observe(terms) {
      documents += 1;
      for (const key of terms.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
      if (documents > maxDocuments) decay();
    },
    idf,
    weigh(terms) {
      const vector: Vector = {};
      for (const [key, tf] of terms) {
        const weight = (tf >= 1 ? 1 + Math.log(tf) : tf) * idf(key);
        if (weight > 0) vector[key] = weight;
      }
      return normalise(vector);
    },
    weighEntries(terms) {
      const entries: Array<[string, number]> = [];
      let sum = 0;
      for (const [key, tf] of terms) {
        const weight = (tf >= 1 ? 1 + Math.log(tf) : tf) * idf(key);
        if (weight > 0) {
          entries.push([key, weight]);
          sum += weight ** 2;
        }
      }
      const n = Math.sqrt(sum);
      if (n === 0) return [];
      for (const entry of entries) entry[1] = entry[1] / n;
      return entries;
    },
    share: (key) => (documents > 0 ? (counts.get(key) ?? 0) / documents : 0),
    state: () => ({ documents, counts: Object.fromEntries(counts) }),
  };
}
