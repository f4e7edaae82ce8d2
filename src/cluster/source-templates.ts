import type { EntityRef } from '../domain/types.ts';
import { KeyCounts } from './key-counts.ts';
import { FNV_OFFSET, FNV_PRIME, NAME_WORDS, TEXT_WORDS, TITLE_WORDS, fnv, words, type Words } from './template-words.ts';

/**
 * Passages an outlet repeats verbatim across its articles (a cookie or subscription notice, a
 * press-release header such as "POL-AA: Ostalbkreis: … Polizeipräsidium Aalen", a blog's
 * self-promotion) are the outlet's template, not news. Every run of `SHINGLE` words that already
 * occurred in an earlier article of the same outlet is cut out before the article is turned
 * into features, so two unrelated articles of one outlet no longer meet on their template.
 * Wire copy shared by *different* outlets is left alone: there it is evidence of one story.
 *
 * On the DEV pairs (SemEval-2022 Task 8 de/en) about one pair in six comes from a single outlet,
 * and most of those are different stories; the per-feature discount of `source-vocabulary.ts`
 * needs many articles of an outlet before it bites, this needs one.
 *
 * Only the title and the first and last `EDGE` words of the text are remembered (templates sit
 * at the edges of extracted text), for the outlet's latest `recentArticles` articles: a template
 * recurs, so it is always among them, and the state stays bounded. An article never counts as
 * its own template (re-clustering the same article finds its own passages).
 */
export interface SourceTemplatesState {
  /** Per outlet, its latest articles (URL hash) with the shingles of their title and edges. */
  [source: string]: Array<{ article: string; shingles: string[] }>;
}

export interface SourceTemplates {
  /** The article without the passages its outlet used in another recent article; records the article. */
  strip(source: string, article: TemplateInput): TemplateInput;
  state(): SourceTemplatesState;
}

export interface TemplateInput {
  url: string;
  title: string;
  text: string;
  entities: EntityRef[];
}

const SHINGLE = 5;
const EDGE = 60;

/** An outlet's remembered article: its URL hash and the keys of its title's and edges' shingles (each once). */
interface Remembered {
  article: string;
  keys: Uint32Array;
}

export function createSourceTemplates(
  initial: SourceTemplatesState | undefined,
  recentArticles = 20,
): SourceTemplates {
  const sources = new Map<string, Remembered[]>();
  for (const [source, recent] of Object.entries(initial ?? {})) {
    if (!Array.isArray(recent)) continue;
    sources.set(source, recent.map(({ article, shingles }) => ({ article, keys: Uint32Array.from(numeric(shingles)) })));
  }
  /** Per outlet: in how many of its remembered articles each shingle occurs. */
  const counts = new Map<string, KeyCounts>();

  function countsOf(source: string): KeyCounts {
    let out = counts.get(source);
    if (!out) {
      out = new KeyCounts();
      for (const entry of sources.get(source) ?? []) tally(out, entry, 1);
      counts.set(source, out);
    }
    return out;
  }

  /** Shingles of the outlet's other recent articles (an article re-clustered is not its own template). */
  function known(source: string, article: string): KeyCounts {
    const recent = sources.get(source) ?? [];
    if (!recent.some((entry) => entry.article === article)) return countsOf(source);
    const out = new KeyCounts();
    for (const entry of recent) if (entry.article !== article) tally(out, entry, 1);
    return out;
  }

  function remember(source: string, article: string, keys: Uint32Array): void {
    const tallied = countsOf(source);
    const recent: Remembered[] = [];
    for (const entry of sources.get(source) ?? []) {
      if (entry.article === article) tally(tallied, entry, -1);
      else recent.push(entry);
    }
    const entry = { article, keys };
    recent.push(entry);
    tally(tallied, entry, 1);
    for (const gone of recent.slice(0, -recentArticles)) tally(tallied, gone, -1);
    sources.set(source, recent.slice(-recentArticles));
  }

  return {
    strip(source, article) {
      // a headline-only item (text = title) has no template to cut: a headline repeated in
      // part by its outlet is a follow-up of the same story
      if (!source || article.text === article.title) return article;
      const id = hash(article.url);
      const seen = known(source, id);
      const titleWords = words(article.title, TITLE_WORDS);
      const textWords = words(article.text, TEXT_WORDS);
      const title = cut(titleWords, seen, Infinity);
      const text = cut(textWords, seen, EDGE);
      remember(source, id, distinct(title.keys, text.keys));
      if (!title.dropped && !text.dropped) return article;
      return {
        url: article.url,
        title: title.text,
        text: text.text,
        entities: keptEntities(article.entities, [[titleWords, title.dropped], [textWords, text.dropped]]),
      };
    },
    state() {
      const out: SourceTemplatesState = {};
      for (const [source, recent] of sources) {
        out[source] = recent.map(({ article, keys }) => ({ article, shingles: Array.from(keys, (key) => key.toString(36)) }));
      }
      return out;
    },
  };
}

/** Persisted keys (base 36) as numbers; one that is no hash of ours is left out. */
function numeric(shingles: unknown): number[] {
  if (!Array.isArray(shingles)) return [];
  const out: number[] = [];
  for (const key of shingles) {
    const n = typeof key === 'string' ? parseInt(key, 36) : NaN;
    if (Number.isSafeInteger(n) && n >= 0 && n.toString(36) === key) out.push(n);
  }
  return out;
}

function tally(counts: KeyCounts, entry: Remembered, delta: number): void {
  for (const key of entry.keys) counts.add(key, delta);
}

/**
 * The field with every known shingle blanked out, the keys of the shingles worth remembering (those
 * starting among the first or last `edge` words), and which words went (1 in `dropped`).
 */
function cut(list: Words, seen: KeyCounts, edge: number): { text: string; keys: Uint32Array; dropped: Uint8Array | undefined } {
  const n = list.count;
  const shingles = Math.max(0, n - SHINGLE + 1);
  const keys = new Uint32Array(Math.min(shingles, 2 * edge));
  let kept = 0;
  let drop: Uint8Array | undefined;
  for (let i = 0; i < shingles; i++) {
    const key = shingleHash(list.hashes, i);
    if (seen.has(key)) (drop ??= new Uint8Array(n)).fill(1, i, i + SHINGLE);
    if (i < edge || i >= n - edge) keys[kept++] = key;
  }
  return { text: drop ? blank(list, drop) : list.field, keys: keys.subarray(0, kept), dropped: drop };
}

/** The keys of the lists, each once, in order of first occurrence. */
function distinct(...lists: Uint32Array[]): Uint32Array {
  const seen = new KeyCounts();
  const out = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
  let n = 0;
  for (const list of lists) {
    for (const key of list) {
      if (seen.has(key)) continue;
      seen.add(key, 1);
      out[n++] = key;
    }
  }
  return out.slice(0, n);
}

/** The field with the dropped words blanked (each replaced by one space). */
function blank({ field, starts, ends }: Words, drop: Uint8Array): string {
  let text = '';
  let at = 0;
  for (let i = 0; i < drop.length; i++) {
    if (!drop[i]) continue;
    text += `${field.slice(at, starts[i])} `;
    at = ends[i]!;
  }
  return text + field.slice(at);
}

/**
 * Entities named only inside a cut passage go with it: an entity stays when a word of its name (folded)
 * is among the words the cut left, compared by their 32-bit hashes (a collision would keep an entity).
 */
function keptEntities(entities: EntityRef[], fields: [Words, Uint8Array | undefined][]): EntityRef[] {
  return entities.filter((entity) => {
    const name = words(entity.name, NAME_WORDS);
    for (let w = 0; w < name.count; w++) {
      const hash = name.hashes[w];
      for (const [list, dropped] of fields) {
        for (let i = 0; i < list.count; i++) if (list.hashes[i] === hash && !dropped?.[i]) return true;
      }
    }
    return false;
  });
}

/** FNV-1a, base 36: short keys keep the persisted state small. */
function hash(text: string): string {
  return fnv(FNV_OFFSET, text).toString(36);
}

/**
 * A shingle's key from its words' hashes, finished with murmur3's mixer so that every bit of every
 * word reaches every bit of the key. (Keys persisted before b68ea84, 2026-12-04, hashed the joined words: an
 * outlet's first article after the change is cut against nothing, as after a fresh start.)
 */
function shingleHash(hashes: Uint32Array, from: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < from + SHINGLE; i++) h = Math.imul(h ^ hashes[i]!, FNV_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
