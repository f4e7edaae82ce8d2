import type { ClusterArticle } from '../domain/types.ts';
import type { AssignmentReasons, ClusterOptions, MemberSummary, StoryState, StoryStateJson } from './types.ts';
import type { Vector } from './vector.ts';
import { isGramFeature } from './features.ts';
import { addInto, cosine, topKParts } from './vector.ts';
import { PackedVector, sumCapped, type AnyVector } from './packed-vector.ts';
import { joinPeople, peopleOf } from './people.ts';

/** Pure operations on one story's state. Each returns a new state; inputs are not mutated. */

/**
 * A state as JSON gives it back (stored, or a snapshot parsed again): its vectors packed, and no
 * cannot-links when it was saved before they existed. A state already packed is returned as it is.
 */
export function fromJson(state: StoryStateJson): StoryState {
  if (isComplete(state)) return state;
  return {
    ...state,
    apart: Array.isArray(state.apart) ? state.apart : [],
    centroid: PackedVector.from(state.centroid),
    core: state.core.map((m) => ({ ...m, vector: PackedVector.from(m.vector) })),
  };
}

function isComplete(state: StoryStateJson): state is StoryState {
  return (
    Array.isArray(state.apart) &&
    state.centroid instanceof PackedVector &&
    state.core.every((m) => m.vector instanceof PackedVector)
  );
}

/** A story's first and last article time in ms, parsed once per state (states are replaced, never changed). */
const spans = new WeakMap<StoryState, readonly [number, number]>();

export function span(story: StoryState): readonly [number, number] {
  let out = spans.get(story);
  if (out === undefined) {
    out = [Date.parse(story.firstSeen), Date.parse(story.lastSeen)];
    spans.set(story, out);
  }
  return out;
}

export function createStory(
  key: string,
  article: ClusterArticle,
  vector: PackedVector,
  options: ClusterOptions,
): StoryState {
  const empty: StoryState = {
    key,
    firstSeen: article.published.toISOString(),
    lastSeen: article.published.toISOString(),
    curated: false,
    apart: [],
    members: [],
    core: [],
    centroid: PackedVector.from({}),
    entities: {},
    people: { count: 0, words: [] },
  };
  return addMember(empty, article, vector, { entities: [], terms: [] }, options);
}

export function addMember(
  story: StoryState,
  article: ClusterArticle,
  vector: PackedVector,
  reasons: AssignmentReasons,
  options: ClusterOptions,
): StoryState {
  const published = article.published.toISOString();
  // capped to its heaviest terms so a story cannot keep absorbing vocabulary
  const capped = sumCapped(story.centroid, vector, options.centroidTerms, true);
  const member: MemberSummary = {
    id: article.id,
    url: article.url,
    source: article.source,
    language: article.language,
    title: article.title,
    published,
    centrality: story.members.length === 0 ? 1 : cosine(vector, capped),
    reasons,
  };
  const entities = { ...story.entities };
  for (const name of new Set(article.entities.map((e) => e.name))) {
    entities[name] = (entities[name] ?? 0) + 1;
  }
  return {
    ...story,
    firstSeen: published < story.firstSeen ? published : story.firstSeen,
    lastSeen: published > story.lastSeen ? published : story.lastSeen,
    members: [...story.members, member],
    centroid: capped,
    core: chooseCore(
      [...story.core, { id: article.id, language: article.language, vector }],
      capped,
      options,
    ),
    entities,
    people: joinPeople(story.people, peopleOf(article.entities)),
  };
}

/** Keep the members closest to the centroid: the drift bound compares against these. */
function chooseCore(core: StoryState['core'], centroid: AnyVector, options: ClusterOptions): StoryState['core'] {
  if (core.length <= options.coreMembers) return core;
  return core
    .map((member) => ({ member, score: cosine(member.vector, centroid) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, options.coreMembers)
    .map(({ member }) => member);
}


/** `from` folded into `into`; the key of `into` survives. */
export function mergeStates(into: StoryState, from: StoryState, options: ClusterOptions): StoryState {
  const capped = sumCapped(into.centroid, from.centroid, options.centroidTerms, false);
  const entities = { ...into.entities };
  for (const [name, count] of Object.entries(from.entities)) entities[name] = (entities[name] ?? 0) + count;
  return {
    key: into.key,
    firstSeen: from.firstSeen < into.firstSeen ? from.firstSeen : into.firstSeen,
    lastSeen: from.lastSeen > into.lastSeen ? from.lastSeen : into.lastSeen,
    curated: into.curated || from.curated,
    apart: [...new Set([...into.apart, ...from.apart])],
    members: [...into.members, ...from.members],
    centroid: capped,
    core: chooseCore([...into.core, ...from.core], capped, options),
    entities,
    people: joinPeople(into.people, from.people),
  };
}

/** Story without one member (a researcher's split); the centroid is rebuilt from the core left. */
export function removeMember(story: StoryState, articleId: number, options: ClusterOptions): StoryState {
  const core = story.core.filter((m) => m.id !== articleId);
  const centroid: Vector = {};
  for (const member of core) addInto(centroid, member.vector.toJSON());
  const members = story.members.filter((m) => m.id !== articleId);
  const times = members.map((m) => m.published).sort();
  return {
    ...story,
    curated: true,
    members,
    core,
    centroid: PackedVector.from(topKParts(centroid, options.centroidTerms, isGramFeature)),
    firstSeen: times[0] ?? story.firstSeen,
    lastSeen: times[times.length - 1] ?? story.lastSeen,
  };
}
