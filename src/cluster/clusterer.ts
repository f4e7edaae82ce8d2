import type { ClusterArticle, DetectedLanguage } from '../domain/types.ts';
import { createDocumentFrequency } from './document-frequency.ts';
import { featureCounts, isGramFeature } from './features.ts';
import {
  explain,
  pairSimilarity,
  storySimilarity,
  storyThresholds,
  thresholdsFor,
} from './similarity.ts';
import { addMember, createStory, fromJson, mergeStates, removeMember, span } from './story.ts';
import { createStoryIndex } from './story-index.ts';
import { peopleConflict, peopleOf } from './people.ts';
import { createSourceTemplates } from './source-templates.ts';
import { createSourceVocabulary, sourceOf } from './source-vocabulary.ts';
import type {
  AssignConstraints,
  Assignment,
  ClusterOptions,
  ClusterSnapshot,
  MergeCandidate,
  StoryState,
} from './types.ts';
import type { Clusterer } from './clusterer-api.ts';
import { DEFAULT_CLUSTER_OPTIONS } from './clusterer-api.ts';
import { composeEntries } from './vector.ts';
import { topEntriesOf } from './packed-top-k.ts';
import { NEUTRAL, WORDS, compactKeys, type PackedVector } from './packed-vector.ts';

const ARTICLE_TERMS = 200;
/**
 * Weight of the German character 4-grams beside the words in a German article's vector: the
 * German–German cosine is then 0.8 × the gram cosine + 0.2 × the word cosine. On DEV, weights
 * 2–4 give the same result (de-de pair F1 0.73 → 0.78); across languages grams are left out.
 */
const GRAM_WEIGHT = 2;
const INDEX_TERMS = 40;
/** Converged stories rank high in the index; a few candidates suffice. */
const MERGE_CANDIDATES = 5;
const HOUR_MS = 3_600_000;


export function createClusterer(
  options: Partial<ClusterOptions> = {},
  snapshot?: ClusterSnapshot,
): Clusterer {
  const opts: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const windowMs = opts.windowHours * HOUR_MS;
  const df = createDocumentFrequency(snapshot?.documentFrequency, opts.maxDocuments);
  const sourceVocabulary = createSourceVocabulary(snapshot?.sourceVocabulary);
  const sourceTemplates = createSourceTemplates(snapshot?.sourceTemplates);
  const index = createStoryIndex(INDEX_TERMS, opts.maxPostings);
  const stories = new Map<string, StoryState>();
  const storyOf = new Map<number, string>();
  const touched = new Set<string>();
  let highWater = snapshot?.highWater ? Date.parse(snapshot.highWater) : -Infinity;

  /** `newMembers`: only these changed hands (saves a walk over a large story's members). */
  function put(story: StoryState, newMembers: readonly { id: number }[] = story.members): void {
    stories.set(story.key, story);
    for (const member of newMembers) storyOf.set(member.id, story.key);
    index.put(story);
    touched.add(story.key);
  }

  function drop(key: string): void {
    const story = stories.get(key);
    if (!story) return;
    for (const member of story.members) if (storyOf.get(member.id) === key) storyOf.delete(member.id);
    stories.delete(key);
    index.remove(key);
    touched.delete(key);
  }

  function evict(before: Date): string[] {
    const cutoff = before.toISOString();
    const gone = [...stories.values()].filter((s) => s.lastSeen < cutoff).map((s) => s.key);
    gone.forEach(drop);
    return gone;
  }

  function advance(published: Date): void {
    const t = published.getTime();
    // evict lazily (once the clock moved a window on) so the scan stays rare
    if (t > highWater + windowMs / 4 || highWater === -Infinity) {
      highWater = Math.max(highWater, t);
      evict(new Date(highWater - 2 * windowMs));
    }
  }

  function inWindow(story: StoryState, t: number): boolean {
    const [first, last] = span(story);
    return t >= first - windowMs && t <= last + windowMs;
  }

  function newKey(article: ClusterArticle): string {
    const base = opts.newStoryKey ? opts.newStoryKey(article) : String(article.id);
    let key = base;
    for (let n = 2; stories.has(key); n++) key = `${base}-${n}`;
    return key;
  }

  function vectorise(article: ClusterArticle): PackedVector {
    const source = sourceOf(article);
    const terms = featureCounts({ ...sourceTemplates.strip(source, article), language: article.language });
    df.observe(terms);
    const weighed = df.weighEntries(terms);
    sourceVocabulary.discountEntries(source, weighed);
    const vector = composeEntries(weighed, ARTICLE_TERMS, isGramFeature, GRAM_WEIGHT);
    sourceVocabulary.observe(source, terms);
    return vector;
  }

  function bestStory(article: ClusterArticle, vector: PackedVector, forbidden: ReadonlySet<string>) {
    // the heaviest features, then the heaviest names and concepts not among them already
    const query = topEntriesOf(vector, WORDS, opts.queryTerms);
    const words = new Set(query.map(([key]) => key));
    for (const entry of topEntriesOf(vector, NEUTRAL, opts.queryTerms / 2)) if (!words.has(entry[0])) query.push(entry);
    const t = article.published.getTime();
    const thresholds = thresholdsFor(vector, opts);
    const people = peopleOf(article.entities);
    let best: { story: StoryState; score: number; relative: number } | undefined;
    for (const key of index.candidates(query, opts.maxCandidates)) {
      const story = stories.get(key);
      if (!story || forbidden.has(key) || !inWindow(story, t)) continue;
      const match = storySimilarity(vector, article.language, people, story, thresholds);
      if (match.relative < 1 || match.coreRelative < opts.coreRatio) continue;
      if (!best || match.relative > best.relative) best = { story, ...match };
    }
    return best;
  }

  function join(story: StoryState, article: ClusterArticle, vector: PackedVector, score: number): Assignment {
    const reasons = explain(vector, story);
    put(addMember(story, article, vector, reasons, opts), [article]);
    return { storyKey: story.key, isNew: false, score, reasons, merged: [] };
  }

  function found(key: string, article: ClusterArticle, vector: PackedVector): Assignment {
    put(createStory(key, article, vector, opts));
    return { storyKey: key, isNew: true, score: 0, reasons: { entities: [], terms: [] }, merged: [] };
  }

  function assign(article: ClusterArticle, constraints: AssignConstraints = {}): Assignment {
    const known = storyOf.get(article.id);
    const knownStory = known === undefined ? undefined : stories.get(known);
    if (knownStory && (!constraints.pinnedStoryKey || constraints.pinnedStoryKey === known)) {
      return {
        storyKey: knownStory.key,
        isNew: false,
        score: 1,
        reasons: { entities: [], terms: [] },
        merged: [],
      };
    }
    compactKeys();
    const vector = vectorise(article);
    advance(article.published);
    const assignment = place(article, vector, constraints);
    if (!opts.autoMerge) return assignment;
    // the story just grew: it may have converged with another one
    const merged = mergeConverged([assignment.storyKey]);
    touched.delete(assignment.storyKey);
    return { ...assignment, storyKey: storyOf.get(article.id) ?? assignment.storyKey, merged };
  }

  function place(article: ClusterArticle, vector: PackedVector, constraints: AssignConstraints): Assignment {
    const pinned = constraints.pinnedStoryKey;
    const forbidden = constraints.forbiddenStoryKeys ?? [];
    let assignment: Assignment;
    if (pinned !== undefined) {
      const story = stories.get(pinned);
      assignment = story ? join(story, article, vector, 1) : found(pinned, article, vector);
      // A researcher placed this article: its story is curated, so automatic merging leaves it alone.
      const placed = stories.get(pinned);
      if (placed && !placed.curated) put({ ...placed, curated: true }, []);
    } else {
      const best = bestStory(article, vector, new Set(forbidden));
      assignment = best
        ? join(best.story, article, vector, best.score)
        : found(newKey(article), article, vector);
    }
    if (forbidden.length > 0) keepApart(assignment.storyKey, forbidden);
    return assignment;
  }

  /** A cannot-link outlives the assignment: the story never merges with the forbidden ones. */
  function keepApart(key: string, forbidden: readonly string[]): void {
    const story = stories.get(key);
    if (story) put({ ...story, apart: [...new Set([...story.apart, ...forbidden])] }, []);
  }

  function mergeCandidates(keys?: readonly string[]): MergeCandidate[] {
    const from = keys ?? [...touched];
    if (!keys) touched.clear();
    const out: MergeCandidate[] = [];
    for (const key of from) {
      const story = stories.get(key);
      if (!story || story.curated) continue;
      out.push(...convergedWith(story));
    }
    return out.sort((a, b) => b.score - a.score);
  }

  function convergedWith(story: StoryState): MergeCandidate[] {
    const out: MergeCandidate[] = [];
    const languages = new Set(story.members.map((m) => m.language));
    const shares = (l: DetectedLanguage) => languages.has(l);
    const [first, last] = span(story);
    for (const key of index.candidates(topEntriesOf(story.centroid, WORDS, opts.queryTerms), MERGE_CANDIDATES)) {
      const other = stories.get(key);
      if (!other || key === story.key || other.curated) continue;
      if (story.apart.includes(key) || other.apart.includes(story.key)) continue;
      if (peopleConflict(story.people, other.people)) continue;
      if (!inWindow(other, first) && !inWindow(other, last)) continue;
      const otherLanguage =
        other.members.find((m) => shares(m.language))?.language ?? other.members[0]?.language ?? 'und';
      const match = pairSimilarity(
        story.centroid,
        shares,
        other.centroid,
        otherLanguage,
        storyThresholds(story, opts),
      );
      if (match.relative >= opts.mergeRatio) {
        const [into, from] =
          story.members.length >= other.members.length ? [story.key, key] : [key, story.key];
        out.push({ into, from, score: match.score });
      }
    }
    return out;
  }

  /**
   * Merge every touched story (or the given ones) with the stories it converged with, checking
   * each pair against the current state so merges never chain on stale similarities. Returns
   * the merges performed, in order, so the store can move the articles of `from` to `into`.
   */
  function mergeConverged(keys?: readonly string[]): MergeCandidate[] {
    const queue = [...(keys ?? touched)];
    if (!keys) touched.clear();
    const done: MergeCandidate[] = [];
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const story = stories.get(key);
      if (!story || story.curated) continue;
      const best = convergedWith(story).sort((a, b) => b.score - a.score)[0];
      if (!best || !mergeStories(best.into, best.from)) continue;
      done.push(best);
      queue.push(best.into);
      touched.delete(best.into);
    }
    return done;
  }

  function mergeStories(into: string, from: string): StoryState | undefined {
    const a = stories.get(into);
    const b = stories.get(from);
    if (!a || !b || into === from) return undefined;
    drop(from);
    const merged = mergeStates(a, b, opts);
    put(merged);
    return merged;
  }

  for (const story of snapshot?.stories ?? []) put(fromJson(story));
  touched.clear();

  return {
    assign,
    getStory: (key) => stories.get(key),
    // A story handed in (loaded, or renamed to its id) was checked for merges when it last grew: not touched.
    addStory: (story) => {
      drop(story.key);
      put(fromJson(story));
      touched.delete(story.key);
    },
    removeStory: drop,
    removeArticle(key, articleId) {
      const story = stories.get(key);
      if (!story) return undefined;
      const updated = removeMember(story, articleId, opts);
      drop(key);
      put(updated);
      return updated;
    },
    mergeCandidates,
    mergeConverged,
    mergeStories,
    evict,
    stories: () => [...stories.values()],
    snapshot: () => ({
      version: 1,
      highWater: Number.isFinite(highWater) ? new Date(highWater).toISOString() : null,
      documentFrequency: df.state(),
      sourceVocabulary: sourceVocabulary.state(),
      sourceTemplates: sourceTemplates.state(),
      stories: [...stories.values()],
    }),
  };
}
