import type { DetectedLanguage } from '../domain/types.ts';
import { isGramFeature, isNeutralFeature } from './features.ts';
import { featureLabel } from './summary.ts';
import type { AssignmentReasons, ClusterOptions, StoryState } from './types.ts';
import type { Vector } from './vector.ts';
import { cosine, project } from './vector.ts';
import { cosineWithoutGrams, shared } from './packed-products.ts';
import { ANY, NAME, agesConflict, keyOf, wordFeatures, type AnyVector } from './packed-vector.ts';
import { peopleConflict, type People } from './people.ts';

/**
 * Similarity of an article to a story: cosine of the TF-IDF vectors. Across languages only the
 * language-neutral features (names, numbers, handles, entities, lexicon concepts) can match, but
 * the cosine keeps the full norms: measured on the DEV pairs this separates same-story pairs
 * better than a cosine over the neutral parts alone, which overrates two thin overlaps. Those
 * cosines run on a lower scale, so they have their own threshold. Scores are returned relative
 * to the applicable threshold (≥ 1 means "same story").
 */
export interface StoryMatch {
  /** Cosine to the story centroid. */
  score: number;
  /** score ÷ applicable threshold. */
  relative: number;
  /** Best relative similarity to a single core member (the drift bound). */
  coreRelative: number;
}

export function pairSimilarity(
  a: AnyVector,
  aLanguages: (language: DetectedLanguage) => boolean,
  b: AnyVector,
  bLanguage: DetectedLanguage,
  options: Pick<ClusterOptions, 'threshold' | 'crossThreshold'>,
): { score: number; relative: number } {
  // people named by age, none of the same age: different incidents (two accidents of one district)
  if (agesConflict(a, b)) return { score: 0, relative: 0 };
  if (aLanguages(bLanguage)) {
    const score = cosine(a, b);
    return { score, relative: score / options.threshold };
  }
  // story merges and the drift bound apply the same name evidence as an article joining
  const score = crossCosine(a, b);
  return { score, relative: named(a, b) ? score / options.crossThreshold : 0 };
}

/** Across languages the German character grams cannot match: the cosine leaves them out. */
function crossCosine(a: AnyVector, b: AnyVector): number {
  return cosineWithoutGrams(a, b);
}

/** The thresholds that apply to an article: headline-only articles get the lower one. */
export function thresholdsFor(vector: AnyVector, options: ClusterOptions): ClusterOptions {
  if (wordCount(vector) >= options.shortTerms) return options;
  const scale = options.shortThreshold / options.threshold;
  return { ...options, threshold: options.shortThreshold, crossThreshold: options.crossThreshold * scale };
}

export function storySimilarity(
  vector: AnyVector,
  language: DetectedLanguage,
  people: People,
  story: StoryState,
  options: ClusterOptions,
): StoryMatch {
  const sameLanguage = story.members.some((m) => m.language === language);
  // The article's vector is the one held scattered (packed-vector.ts): it is the second argument of every
  // product here, so it is scattered once for all the candidate stories and their core members.
  const score = sameLanguage ? cosine(story.centroid, vector) : crossCosine(story.centroid, vector);
  // people of different ages, or different people: different incidents (people.ts)
  const relative = agesConflict(vector, story.centroid) || peopleConflict(people, story.people)
    ? 0
    : sameLanguage || named(story.centroid, vector)
      ? score / (sameLanguage ? options.threshold : options.crossThreshold)
      : 0;
  let coreRelative = 0;
  // the core check only matters for a story the article could join
  if (relative < 1) return { score, relative, coreRelative };
  for (const member of story.core) {
    const match = pairSimilarity(member.vector, (l) => l === member.language, vector, language, options);
    if (match.relative > coreRelative) coreRelative = match.relative;
  }
  return { score, relative, coreRelative };
}

/**
 * Across languages lexicon words alone ("company", "users") plus one common name are too weak:
 * two reports of one incident share at least two names, numbers, ages or handles of their text.
 * Canonical entities (`e:`) do not count: they repeat those names, and for countries and capitals
 * ("Türkei", "Athen") they are the topic, which reports of different incidents share (on DEV,
 * counting them let "Turkey blames the EU" meet "Germany waits for the EU on Turkey travel").
 */
const CROSS_LANGUAGE_NAMES = 2;

function named(a: AnyVector, b: AnyVector): boolean {
  let count = 0;
  for (const id of shared(a, b, NAME).ids) {
    if (!keyOf(id).startsWith('e:') && ++count >= CROSS_LANGUAGE_NAMES) return true;
  }
  return false;
}

function wordCount(v: AnyVector): number {
  return wordFeatures(v);
}

/** Neutral part of a vector (names, numbers, entities, concepts): what can match across languages. */
export function neutral(v: Vector): Vector {
  return project(v, isNeutralFeature);
}

/** A story of headline-only articles merges on the headline scale. */
export function storyThresholds(story: StoryState, options: ClusterOptions): ClusterOptions {
  const sizes = story.core.map((m) => wordCount(m.vector));
  const mean = sizes.reduce((a, b) => a + b, 0) / (sizes.length || 1);
  return mean < options.shortTerms ? thresholdsFor({}, options) : options;
}

/** Why an article joined: the heaviest shared neutral names/entities and shared terms. */
export function explain(vector: AnyVector, story: StoryState, limit = 5): AssignmentReasons {
  const entities: string[] = [];
  const terms: string[] = [];
  for (const key of sharedKeys(vector, story.centroid, limit * 4)) {
    if (isGramFeature(key)) continue;
    const label = featureLabel(key);
    const list = key.startsWith('e:') || key.startsWith('n:') ? entities : terms;
    if (list.length < limit && !list.includes(label)) list.push(label);
  }
  return { entities, terms };
}

/** `sharedKeys` of vector.ts: keys of both, heaviest product first (ties in `a`'s order). */
function sharedKeys(a: AnyVector, b: AnyVector, limit: number): string[] {
  const { ids, products } = shared(a, b, ANY);
  return ids
    .map((_, i) => i)
    .sort((x, y) => (products[y] ?? 0) - (products[x] ?? 0) || x - y)
    .slice(0, limit)
    .map((i) => keyOf(ids[i] ?? 0));
}
