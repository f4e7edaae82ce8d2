/** Longest gazetteer alias starting at a token; a German genitive "s" on the last word is allowed. */
import type { AliasEntry } from './gazetteer.ts';
import type { ScanContext, Span } from './span.ts';
import { genitiveBase } from './word-class.ts';

export function matchAlias(ctx: ScanContext, index: number): Span | undefined {
  const first = ctx.tokens[index];
  if (first === undefined) return undefined;
  // "Trumps" looks up "Trump" too; "Twitter" looks up itself.
  const base = first.text.length > 3 ? genitiveBase(first.text) : undefined;
  let best: Span | undefined;
  for (const table of ctx.aliasTables) {
    best = longestEntry(ctx, index, table.get(first.text), best);
    if (base !== undefined) best = longestEntry(ctx, index, table.get(base), best);
  }
  return best;
}

/** Longest match wins; on equal length the one found first (corrections before the gazetteer). */
function longestEntry(ctx: ScanContext, index: number, entries: AliasEntry[] | undefined, best: Span | undefined): Span | undefined {
  for (const entry of entries ?? []) {
    const last = matchEntry(ctx, index, entry);
    if (last !== undefined && (best === undefined || last > best.last)) {
      best = { first: index, last, type: entry.type, name: entry.name };
    }
  }
  return best;
}

/** The canonical name of an exact alias ("Twitter" for "Twitter"), corrections first. */
export function lookupAlias(ctx: ScanContext, words: string[]): AliasEntry | undefined {
  for (const table of ctx.aliasTables) {
    const hit = table.get(words[0] ?? '')?.find((entry) => entry.tokens.join(' ') === words.join(' '));
    if (hit) return hit;
  }
  return undefined;
}

/** `text === want + 's'` without building the string for every comparison. */
function isGenitiveOf(text: string, want: string): boolean {
  return text.length === want.length + 1 && text.endsWith('s') && text.startsWith(want);
}

function matchEntry(ctx: ScanContext, index: number, entry: AliasEntry): number | undefined {
  const { tokens } = ctx;
  for (let k = 0; k < entry.tokens.length; k += 1) {
    const token = tokens[index + k];
    const want = entry.tokens[k];
    if (token === undefined || want === undefined) return undefined;
    if (k > 0 && token.start - (tokens[index + k - 1]?.end ?? 0) > 1) return undefined;
    const isLast = k === entry.tokens.length - 1;
    if (token.text === want) continue;
    // Genitive: German "Trumps", "Merkels" (not after an "s": "Jesus" stays itself).
    if (isLast && token.kind === 'word' && isGenitiveOf(token.text, want) && /[^sxzß]$/u.test(want)) continue;
    return undefined;
  }
  const next = tokens[index + entry.tokens.length];
  const lastToken = tokens[index + entry.tokens.length - 1];
  // "Apple" must not match inside "Apple-Chef" (tokens are whole compounds already) or "Apple.com".
  if (next && lastToken && next.start === lastToken.end && next.text === '.' && tokens[index + entry.tokens.length + 1]?.start === next.end) {
    return undefined;
  }
  return index + entry.tokens.length - 1;
}
