/**
 * A short passage of an article around the searched words, with the ranges that matched. Pure; the same
 * for both providers (FTS5's snippet() needs stored content and PostgreSQL's ts_headline is slow on long
 * bodies, so both indexes stay lean and snippets are cut here for the few hits shown).
 *
 * Words are read lazily: only up to the first match and then to the end of the passage, because folding
 * and stemming every word of twenty long bodies was most of a search's time (issue 4).
 */
import type { TextNode } from './ast.ts';
import { stem } from '../language/stemmers.ts';

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  highlights: [number, number][];
}

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

interface Word {
  start: number;
  end: number;
  folded: string;
}

/** Case and diacritics folded, as the full-text indexes compare. */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** News vocabulary repeats: both stems of a folded word are remembered (bounded, like text-tokens' cache). */
const stemCache = new Map<string, string[]>();
const STEM_CACHE_LIMIT = 100_000;

function stemsOf(word: string): string[] {
  let stems = stemCache.get(word);
  if (!stems) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stems = [fold(stem(word, 'de')), fold(stem(word, 'en'))];
    stemCache.set(word, stems);
  }
  return stems;
}

/** The words of a text, cut only as far as they are asked for. */
class Words {
  private readonly list: Word[] = [];
  private readonly pattern = new RegExp(WORD.source, WORD.flags);
  private done = false;

  constructor(private readonly text: string) {}

  at(index: number): Word | undefined {
    while (!this.done && this.list.length <= index) {
      const m = this.pattern.exec(this.text);
      if (m) this.list.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
      else this.done = true;
    }
    return this.list[index];
  }
}

interface Wanted {
  term: TextNode;
  tokens: string[];
}

/** Whether `wanted` matches the words starting at `index`. */
function matchesAt(words: Words, index: number, { term, tokens }: Wanted): boolean {
  return tokens.every((token, k) => {
    const word = words.at(index + k)?.folded;
    if (word === undefined) return false;
    if (word === token) return true;
    if (term.kind === 'term' && term.prefix && k === tokens.length - 1) return word.startsWith(token);
    if (term.kind !== 'term' || term.prefix) return false;
    const want = stemsOf(token);
    return stemsOf(word).some((s) => want.includes(s));
  });
}

/**
 * False when a phrase or prefix cannot match anywhere in the text (its first word is not in it), so a hit
 * that matched only in its title does not cost a scan of the whole body. Stemmed words are always tried.
 */
function mayOccur(text: string, { term, tokens }: Wanted): boolean {
  if (term.kind === 'term' && !term.prefix) return true;
  return fold(text).includes(tokens[0]!);
}

/** Cuts about `width` characters around the first match (the start of the text when nothing matches). */
export function makeSnippet(source: string, terms: TextNode[], width = 220): Snippet {
  const text = source.replace(/\s+/g, ' ').trim();
  const words = new Words(text);
  const wanted = terms.map((term) => ({ term, tokens: term.tokens.map(fold) })).filter((w) => mayOccur(text, w));
  let first = 0;
  while (wanted.length && words.at(first) && !wanted.some((w) => matchesAt(words, first, w))) first += 1;
  const anchor = wanted.length ? words.at(first) : undefined;
  let from = 0;
  if (anchor) {
    // Keep the opening of the text when the match is near it; otherwise lead in with a little context.
    from = anchor.start < width * 0.6 ? 0 : wordStartAfter(text, anchor.start - Math.floor(width / 4));
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) to = wordEndBefore(text, to, from);
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const highlights: [number, number][] = [];
  // No word before the first match matches; a match starting at or after `to` cannot fit the passage.
  for (let i = first; anchor && (words.at(i)?.start ?? to) < to; i += 1) {
    for (const w of wanted) {
      if (!matchesAt(words, i, w)) continue;
      const start = words.at(i)!.start;
      const end = words.at(i + w.tokens.length - 1)!.end;
      if (start >= from && end <= to) highlights.push([start - from + prefix.length, end - from + prefix.length]);
    }
  }
  return { text: prefix + text.slice(from, to) + suffix, highlights };
}

function wordStartAfter(text: string, index: number): number {
  const space = text.indexOf(' ', index);
  return space < 0 ? index : space + 1;
}

function wordEndBefore(text: string, index: number, floor: number): number {
  const space = text.lastIndexOf(' ', index);
  return space <= floor ? index : space;
}

/** Applies `paint` to the highlighted ranges (the terminal's colour). */
export function paintSnippet(snippet: Snippet, paint: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at) continue;
    out += snippet.text.slice(at, start) + paint(snippet.text.slice(start, end));
    at = end;
  }
  return out + snippet.text.slice(at);
}
