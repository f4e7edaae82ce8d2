import type { ClusterArticle } from '../domain/types.ts';
import type {
  AssignConstraints,
  Assignment,
  ClusterOptions,
  ClusterSnapshot,
  MergeCandidate,
  StoryState,
} from './types.ts';

/** Calibrated on the DEV similarity data; see docs/decisions/0060-story-clustering.md. */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  windowHours: 72,
  threshold: 0.25,
  crossThreshold: 0.12,
  shortThreshold: 0.12,
  shortTerms: 20,
  coreRatio: 0.6,
  mergeRatio: 1,
  autoMerge: true,
  centroidTerms: 120,
  coreMembers: 6,
  queryTerms: 20,
  maxPostings: 400,
  maxCandidates: 15,
  maxDocuments: 50_000,
};

export interface Clusterer {
  /** Put one article into a story (existing or new), honouring the constraints. */
  assign(article: ClusterArticle, constraints?: AssignConstraints): Assignment;
  /** Current state of a story held in memory. */
  getStory(key: string): StoryState | undefined;
  /** Load or replace a story (e.g. one the store reloads, or one a researcher corrected). */
  addStory(story: StoryState): void;
  removeStory(key: string): void;
  /** A researcher split an article out: the story loses it and becomes curated. */
  removeArticle(key: string, articleId: number): StoryState | undefined;
  /** Pairs of stories (touched since the last call, or the given ones) that have converged. */
  mergeCandidates(keys?: readonly string[]): MergeCandidate[];
  /** Perform the merges of converged stories (touched since the last call, or the given ones). */
  mergeConverged(keys?: readonly string[]): MergeCandidate[];
  /** Fold `from` into `into`; returns the merged state. */
  mergeStories(into: string, from: string): StoryState | undefined;
  /** Drop stories whose last article is older than `before`; returns their keys. */
  evict(before: Date): string[];
  stories(): StoryState[];
  snapshot(): ClusterSnapshot;
}
