/** Story clustering: pure, incremental, cross-lingual. See docs/decisions/0060-story-clustering.md. */
export { createClusterer } from './clusterer.ts';
export { DEFAULT_CLUSTER_OPTIONS } from './clusterer-api.ts';
export type { Clusterer } from './clusterer-api.ts';
export { PackedVector } from './packed-vector.ts';
export { fromJson as storyFromJson } from './story.ts';
export { labelReader } from './label-reader.ts';
export type { LabelEntity, LabelSource } from './label-reader.ts';
export { summarizeStory } from './summary.ts';
export type { StorySummary } from './summary.ts';
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
