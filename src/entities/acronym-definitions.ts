/**
 * "Bundesverband deutscher Banken ( BdB )", "International Council on Security and Development
 * (ICOS)": an acronym in brackets defines the words before it as an organisation's name. The long
 * form is found with the Schwartz & Hearst algorithm (PSB 2003): the acronym's letters, right to
 * left, inside the preceding words, the first letter at a word start.
 */
import type { FieldScan } from './recognize.ts';
import type { Span } from './span.ts';
import { isStopword } from './word-class.ts';

export function addAcronymDefinitions(scan: FieldScan): void {
  const { tokens } = scan.ctx;
  for (let i = 2; i + 2 < tokens.length; i += 1) {
    const acronym = tokens[i];
    if (tokens[i - 1]?.text !== '(' || tokens[i + 1]?.text !== ')' || !acronym || !/^\p{Lu}[\p{L}&]{1,7}$/u.test(acronym.text)) continue;
    if ((acronym.text.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
    if (scan.ctx.g.notOrgAcronyms.has(acronym.text) || isKnownNonOrganization(scan, acronym.text)) continue;
    if (definesCommonNoun(scan, i - 2, acronym.text)) {
      // "Fluorchlorkohlenwasserstoffe ( FCKW )": the acronym abbreviates a noun, not a name.
      scan.spans = scan.spans.filter((s) => !(s.first === i && s.last === i && s.rule === 'acronym'));
      continue;
    }
    const first = longFormStart(scan, i - 2, acronym.text);
    if (first === undefined || scan.spans.some((s) => s.type === 'person' && s.last >= first && s.first <= i)) continue;
    const span: Span = { first, last: i - 2, type: 'organization', rule: 'acronym-definition' };
    const acronymSpan: Span = { first: i, last: i, type: 'organization', rule: 'acronym-definition' };
    scan.spans = [...scan.spans.filter((s) => s.last < first || s.first > i), span, acronymSpan].sort((a, b) => a.first - b.first);
  }
}

/** One word before the bracket holds the acronym's letters in order, starting with its first. */
function definesCommonNoun(scan: FieldScan, index: number, acronym: string): boolean {
  const word = scan.ctx.tokens[index];
  const before = scan.ctx.tokens[index - 1];
  if (!word || word.kind !== 'word' || (before?.cap && before.kind === 'word' && !isStopword(scan.ctx.g, before.text))) return false;
  const lower = word.text.toLowerCase();
  if (lower[0] !== acronym[0]?.toLowerCase()) return false;
  let at = 0;
  for (const c of acronym.toLowerCase()) {
    at = lower.indexOf(c, at);
    if (at < 0) return false;
    at += 1;
  }
  return scan.spans.every((s) => s.first > index || s.last < index);
}

/** "Vereinigte Staaten ( USA )": the lists know the acronym as a place or product. */
function isKnownNonOrganization(scan: FieldScan, text: string): boolean {
  return scan.ctx.aliasTables.some((table) => table.get(text)?.some((entry) => entry.type !== 'organization' && entry.tokens.length === 1));
}

/** Token index where the long form of `acronym` starts, ending at token `last`; undefined if none. */
function longFormStart(scan: FieldScan, last: number, acronym: string): number | undefined {
  const { tokens } = scan.ctx;
  const window = Math.min(acronym.length + 5, acronym.length * 2);
  let first = last;
  while (first > 0 && last - first + 1 < window && tokens[first - 1]?.kind === 'word' && !scan.ctx.sentences.has(first)) first -= 1;
  const words = tokens.slice(first, last + 1).map((token) => token.text);
  if (words.length < 2 || !/^\p{Lu}/u.test(words[words.length - 1] ?? '')) return undefined;
  const long = words.join(' ');
  let l = long.length - 1;
  for (let s = acronym.length - 1; s >= 0; s -= 1) {
    const c = acronym[s]?.toLowerCase() ?? '';
    if (!/[\p{L}\p{N}]/u.test(c)) continue;
    while (l >= 0 && (long[l]?.toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(long[l - 1] ?? '')))) l -= 1;
    if (l < 0) return undefined;
    l -= 1;
  }
  const startChar = l + 1;
  const wordIndex = long.slice(0, startChar).split(' ').length - 1;
  const start = first + wordIndex;
  if (last - start < 1 || !tokens[start]?.cap) return undefined;
  return start;
}
