import type { ClusterArticle, DetectedLanguage } from '../domain/types.ts';
import type { DocumentFrequencyState } from './document-frequency.ts';
import type { SourceTemplatesState } from './source-templates.ts';
import type { SourceVocabularyState } from './source-vocabulary.ts';
import type { AnyVector, PackedVector } from './packed-vector.ts';
import type { People } from './people.ts';

export interface ClusterOptions {
  /** Stories are candidates while the article lies within this many hours of their first/last article. */
  windowHours: number;
  /** Minimum cosine to the story centroid for an article in a language the story already has. */
  threshold: number;
  /**
   * Threshold for headline-only articles (fewer than `shortTerms` features): a headline shares
   * few words even with headlines of the same story.
   */
  shortThreshold: number;
  shortTerms: number;
  /** Minimum cosine over language-neutral features (names, numbers, entities, lexicon) across languages. */
  crossThreshold: number;
  /** Drift bound: the best core member must reach this share of the threshold as well. */
  coreRatio: number;
  /** Two stories merge when their centroids reach this multiple of the threshold. */
  mergeRatio: number;
  /** After each assignment, merge the grown story with stories it converged with. */
  autoMerge: boolean;
  /** Terms kept in a story centroid. */
  centroidTerms: number;
  /** Most central members whose vectors a story keeps. */
  coreMembers: number;
  /** Heaviest article features looked up in the story index. */
  queryTerms: number;
  /** Posting lists longer than this are too common to select candidates. */
  maxPostings: number;
  /** Candidate stories scored in full per article. */
  maxCandidates: number;
  /** Document-frequency table size before it decays. */
  maxDocuments: number;
  /** Key of a story founded by this article (default: the article id, made unique). */
  newStoryKey?: (article: ClusterArticle) => string;
}

/** Corrections the store passes in; later clustering must honour them. */
export interface AssignConstraints {
  /** Must-link: the article belongs to this story whatever its similarity. */
  pinnedStoryKey?: string;
  /** Cannot-link: the article was split out of these stories and must not rejoin them. */
  forbiddenStoryKeys?: readonly string[];
}

export interface AssignmentReasons {
  /** Shared canonical entities and names (language-neutral). */
  entities: string[];
  /** Shared content terms (stems, lexicon concepts). */
  terms: string[];
}

export interface Assignment {
  storyKey: string;
  isNew: boolean;
  /** Similarity to the story centroid (0 for a new story, 1 for a pinned article). */
  score: number;
  reasons: AssignmentReasons;
  /**
   * Stories folded together after this assignment (autoMerge): the store moves the articles of
   * each `from` to its `into`. `storyKey` is already the surviving story.
   */
  merged: MergeCandidate[];
}

export interface MemberSummary {
  id: number;
  url: string;
  source: string;
  language: DetectedLanguage;
  title: string;
  /** ISO 8601. */
  published: string;
  /** Similarity to the story centroid when the article joined (1 for the founder). */
  centrality: number;
  reasons: AssignmentReasons;
}

export interface CoreMember {
  id: number;
  language: DetectedLanguage;
  /** The article's vector (held packed; JSON: a record). */
  vector: PackedVector;
}

/** Everything the clusterer knows about one story; JSON-serialisable for the store. */
export interface StoryState {
  key: string;
  /** ISO 8601 of the earliest and latest member. */
  firstSeen: string;
  lastSeen: string;
  /** A researcher corrected this story: never merged automatically. */
  curated: boolean;
  /** Stories this one must never merge with (an article of it was split out of them). */
  apart: string[];
  members: MemberSummary[];
  core: CoreMember[];
  /** Sum of member vectors, capped to the heaviest `centroidTerms` features (held packed; JSON: a record). */
  centroid: PackedVector;
  /** Canonical entity or name → number of members mentioning it. */
  entities: Record<string, number>;
  /** The people its articles name (people.ts); absent in states saved before, and once too many to keep. */
  people?: People;
}

/**
 * A story state as JSON gives it back (a stored row, a parsed snapshot): its vectors as records. `fromJson`
 * of story.ts makes it a `StoryState`.
 */
export type StoryStateJson = Omit<StoryState, 'centroid' | 'core' | 'apart'> & {
  centroid: AnyVector;
  core: Array<Omit<CoreMember, 'vector'> & { vector: AnyVector }>;
  /** Absent in states saved before cannot-links existed. */
  apart?: string[];
};

export interface ClusterSnapshot {
  version: 1;
  /** ISO 8601 of the latest article seen (drives eviction), or null. */
  highWater: string | null;
  documentFrequency: DocumentFrequencyState;
  sourceVocabulary: SourceVocabularyState;
  /** Passages each outlet repeats (absent in snapshots saved before it existed). */
  sourceTemplates?: SourceTemplatesState;
  stories: StoryState[];
}

export interface MergeCandidate {
  into: string;
  from: string;
  score: number;
}
