/** Story clustering: pure, incremental, cross-lingual. See docs/decisions/0060-story-clustering.md. */
export { createClusterer } from './clusterer.ts';
export { DEFAULT_CLUSTER_OPTIONS } from './clusterer-api.ts';
export type { Clusterer } from './clusterer-api.ts';
export { PackedVector } from './packed-vector.ts';
export { fromJson as storyFromJson } from './story.ts';
export { labelReader, summarizeStory } from './summary.ts';
export type { LabelSource, StorySummary } from './summary.ts';
export type {
  AssignConstraints,
  Assignment,
  AssignmentReasons,
  ClusterOptions,
  ClusterSnapshot,
  CoreMember,
  MemberSummary,
  MergeCandidate,
  StoryState,
  StoryStateJson,
} from './types.ts';
