/**
 * A short passage of an article around the searched words, with the ranges that matched. Pure; the same
 * for both providers (FTS5's snippet() needs stored content and PostgreSQL's ts_headline is slow on long
 * bodies, so both indexes stay lean and snippets are cut here for the few hits shown).
 */
import type { TextNode } from './ast.ts';
import { stem } from './text-tokens.ts';

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight. */
  highlights: [number, number][];
}

const WORD = /[\p{L}\p{N}]+/gu;

interface Word {
  start: number;
  end: number;
  folded: string;
}

/** Case and diacritics folded, as the full-text indexes compare. */
function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) }));
}

function stemsOf(word: string): string[] {
  return [fold(stem(word, 'de')), fold(stem(word, 'en'))];
}

/** Word index ranges [from, to) that match one of the terms. */
function matches(words: Word[], terms: TextNode[]): [number, number][] {
  const found: [number, number][] = [];
  const stemCache = new Map<string, string[]>();
  const stems = (w: string) => stemCache.get(w) ?? (stemCache.set(w, stemsOf(w)), stemCache.get(w)!);
  for (const term of terms) {
    const tokens = term.tokens.map(fold);
    for (let i = 0; i + tokens.length <= words.length; i += 1) {
      const hit = tokens.every((token, k) => {
        const word = words[i + k]!.folded;
        if (word === token) return true;
        if (term.kind === 'term' && term.prefix && k === tokens.length - 1) return word.startsWith(token);
        if (term.kind !== 'term' || term.prefix) return false;
        const wanted = stems(token);
        return stems(word).some((s) => wanted.includes(s));
      });
      if (hit) found.push([i, i + tokens.length]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** Cuts about `width` characters around the first match (the start of the text when nothing matches). */
export function makeSnippet(source: string, terms: TextNode[], width = 220): Snippet {
  const text = source.replace(/\s+/g, ' ').trim();
  const words = wordsOf(text);
  const found = matches(words, terms);
  const first = found[0];
  let from = 0;
  if (first) {
    const anchor = words[first[0]]!.start;
    // Keep the opening of the text when the match is near it; otherwise lead in with a little context.
    from = anchor < width * 0.6 ? 0 : wordStartAfter(text, anchor - Math.floor(width / 4));
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) to = wordEndBefore(text, to, from);
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const highlights: [number, number][] = [];
  for (const [a, b] of found) {
    const start = words[a]!.start;
    const end = words[b - 1]!.end;
    if (start >= from && end <= to) highlights.push([start - from + prefix.length, end - from + prefix.length]);
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
