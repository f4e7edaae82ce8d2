import type { EntityRef } from '../domain/types.ts';

/**
 * The people an article or a story names, as facts of one incident (like ages, see packed-vector.ts): reports
 * of one incident name the same people, reports of different incidents of one topic name different ones (two
 * TV-ratings reports of different Fridays, two squads' transfer news of one club). Two texts that each name at
 * least `MIN_PEOPLE` people and share no word of any of their names are not one story. Words, not whole names:
 * "Zac Efron" and "Zach Efron", "Amir Sheikh Tamim" and "Amir Sheikh Sabah", or a recogniser's "Dave Franco
 * Brought" still meet. On the DEV pairs whose texts both name two or more people, 2 of 37 same-story pairs and 32
 * of 51 different-story pairs share no such word (docs/decisions/0060-story-clustering.md).
 */
export interface People {
  /** How many people (entities of type person) were named, summed over a story's articles. */
  count: number;
  /** The words of their names, lower case, without accents, sorted. */
  words: string[];
}

const MIN_PEOPLE = 2;
/**
 * A story whose people's names hold more words than this stops keeping them (`undefined`: never in conflict):
 * it is long established by then, and the state stays bounded.
 */
const MAX_WORDS = 64;

export function peopleOf(entities: readonly EntityRef[]): People {
  const words = new Set<string>();
  let count = 0;
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    count += 1;
    for (const word of nameWords(entity.name)) words.add(word);
  }
  return { count, words: [...words].sort() };
}

/** Both name at least two people and no word of their names is shared. */
export function peopleConflict(a: People | undefined, b: People | undefined): boolean {
  if (!a || !b || a.count < MIN_PEOPLE || b.count < MIN_PEOPLE) return false;
  const other = new Set(b.words);
  return !a.words.some((word) => other.has(word));
}

/** The people of two texts or stories together; `undefined` once too many to keep. */
export function joinPeople(a: People | undefined, b: People | undefined): People | undefined {
  if (!a || !b) return undefined;
  const words = [...new Set([...a.words, ...b.words])].sort();
  return words.length > MAX_WORDS ? undefined : { count: a.count + b.count, words };
}

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}
