import type { EntityRef } from '../domain/types.ts';
import { fold } from './features.ts';
import { KeyCounts } from './key-counts.ts';

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
const WORD = /[\p{L}\p{N}]+/gu;

interface Token {
  word: string;
  start: number;
  end: number;
}

export function createSourceTemplates(
  initial: SourceTemplatesState | undefined,
  recentArticles = 20,
): SourceTemplates {
  const sources = new Map<string, SourceTemplatesState[string]>(
    Object.entries(initial ?? {}).filter(([, recent]) => Array.isArray(recent)),
  );
  /** Per outlet: in how many of its remembered articles each shingle (as a number) occurs. */
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
  function known(source: string, article: string): (key: number) => boolean {
    const recent = sources.get(source) ?? [];
    if (!recent.some((entry) => entry.article === article)) {
      const tallied = countsOf(source);
      return (key) => tallied.has(key);
    }
    const out = new Set<number>();
    for (const entry of recent) if (entry.article !== article) for (const key of numeric(entry)) out.add(key);
    return (key) => out.has(key);
  }

  function remember(source: string, article: string, shingles: string[], keys: number[]): void {
    const tallied = countsOf(source);
    const recent: SourceTemplatesState[string] = [];
    for (const entry of sources.get(source) ?? []) {
      if (entry.article === article) tally(tallied, entry, -1);
      else recent.push(entry);
    }
    const entry = { article, shingles: [...new Set(shingles)] };
    numericKeys.set(entry, [...new Set(keys)]);
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
      const title = cut(article.title, tokens(article.title), seen, () => true);
      const textTokens = tokens(article.text);
      const words = textTokens.length;
      const edge = (i: number) => i < EDGE || i >= words - EDGE;
      const text = cut(article.text, textTokens, seen, edge);
      remember(source, id, [...title.keys, ...text.keys], [...title.numbers, ...text.numbers]);
      if (title.text === article.title && text.text === article.text) return article;
      return {
        url: article.url,
        title: title.text,
        text: text.text,
        entities: keptEntities(article.entities, title.text, text.text),
      };
    },
    state: () => Object.fromEntries(sources),
  };
}

/** Shingle keys as numbers, per remembered entry (a key that is no hash of ours matches nothing). */
const numericKeys = new WeakMap<{ shingles: string[] }, number[]>();

function numeric(entry: { shingles: string[] }): number[] {
  let out = numericKeys.get(entry);
  if (!out) {
    out = entry.shingles.map((key) => {
      const n = parseInt(key, 36);
      return Number.isSafeInteger(n) && n.toString(36) === key ? n : -1;
    });
    numericKeys.set(entry, out);
  }
  return out;
}

function tally(counts: KeyCounts, entry: { shingles: string[] }, delta: number): void {
  for (const key of numeric(entry)) if (key >= 0) counts.add(key, delta);
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The field with every known shingle blanked out, and the shingles worth remembering. */
function cut(
  field: string,
  list: Token[],
  seen: (key: number) => boolean,
  remember: (index: number) => boolean,
): { text: string; keys: string[]; numbers: number[] } {
  const drop = new Array<boolean>(list.length).fill(false);
  const keys: string[] = [];
  const numbers: number[] = [];
  for (let i = 0; i + SHINGLE <= list.length; i++) {
    const key = shingleHash(list, i);
    if (seen(key)) drop.fill(true, i, i + SHINGLE);
    if (remember(i)) {
      keys.push(key.toString(36));
      numbers.push(key);
    }
  }
  if (!drop.includes(true)) return { text: field, keys, numbers };
  let text = '';
  let at = 0;
  list.forEach((t, i) => {
    if (!drop[i]) return;
    text += `${field.slice(at, t.start)} `;
    at = t.end;
  });
  return { text: text + field.slice(at), keys, numbers };
}

/** Entities named only inside a cut passage go with it. */
function keptEntities(entities: EntityRef[], title: string, text: string): EntityRef[] {
  const words = new Set(tokens(`${title} ${text}`).map((t) => t.word));
  return entities.filter((e) => tokens(e.name).some((t) => words.has(t.word)));
}

/** FNV-1a, base 36: short keys keep the persisted state small. */
function hash(text: string): string {
  return fnv(0x811c9dc5, text).toString(36);
}

/** `hash` of the shingle's words joined by spaces, as a number, without building the string. */
function shingleHash(list: Token[], from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + SHINGLE; i++) {
    if (i > from) h = Math.imul(h ^ 32, 0x01000193);
    h = fnv(h, list[i]?.word ?? '');
  }
  return h >>> 0;
}

function fnv(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
