/** Longest gazetteer alias starting at a token; a German genitive "s" on the last word is allowed. */
import type { AliasEntry } from './gazetteer.ts';
import type { ScanContext, Span } from './span.ts';

export function matchAlias(ctx: ScanContext, index: number): Span | undefined {
  const first = ctx.tokens[index];
  if (first === undefined) return undefined;
  let best: Span | undefined;
  for (const table of ctx.aliasTables) {
    for (const key of keysFor(first.text)) {
      for (const entry of table.get(key) ?? []) {
        const last = matchEntry(ctx, index, entry);
        // Longest match wins; on equal length the earlier table (the corrections) wins.
        if (last !== undefined && (best === undefined || last > best.last)) {
          best = { first: index, last, type: entry.type, name: entry.name };
        }
      }
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

/** "Trumps" looks up "Trump"; "Twitter" looks up itself. */
function keysFor(text: string): string[] {
  return text.length > 3 && /[^s]s$/u.test(text) ? [text, text.slice(0, -1)] : [text];
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
    if (isLast && token.kind === 'word' && token.text === `${want}s` && /[^sxzß]$/u.test(want)) continue;
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
