/**
 * Canonical names within one article: a later surname ("Duysak", "Duysaks") links to the full
 * name seen before ("Bahtiyar Duysak"); genitive forms link to their base; "X (formerly Twitter)"
 * makes a bare "X" in the same article mean Twitter (docs/decisions/0051).
 */
import type { EntityType } from '../domain/types.ts';
import type { FieldScan } from './recognize.ts';
import type { Span } from './span.ts';
import { isSurname } from './match-person.ts';
import { lookupAlias } from './match-gazetteer.ts';
import { genitiveBase } from './word-class.ts';

export interface LinkedSpan extends Span {
  field: FieldScan['field'];
  start: number;
  end: number;
  text: string;
  name: string;
}

const FORMERLY = new Set(['formerly', 'ehemals', 'früher', 'vormals', 'previously', 'einst', 'vorher', 'bisher', 'ehemalig', 'ehemaliges', 'ehemals:']);
const NOW = new Set(['now', 'heute', 'jetzt', 'inzwischen', 'mittlerweile', 'nun']);
const TWITTER = 'Twitter';

export function linkSpans(scans: FieldScan[]): LinkedSpan[] {
  const xIsTwitter = scans.some(mentionsXAsTwitter);
  for (const scan of scans) addDocumentMentions(scan, scans, xIsTwitter);
  const linked = scans.flatMap((scan) => scan.spans.map((span) => toLinked(scan, span)));
  const fullNames = new Map<string, string>();
  const byFirstWord = new Map<string, string | null>();
  const personTexts = new Set<string>();
  for (const m of linked) {
    if (m.type !== 'person') continue;
    personTexts.add(m.text);
    if (m.last === m.first) continue;
    const last = m.text.slice(m.text.lastIndexOf(' ') + 1);
    if (!fullNames.has(last)) fullNames.set(last, m.name);
    // null: two different full names start with this word
    const first = m.text.split(' ')[0] ?? m.text;
    const seen = byFirstWord.get(first);
    byFirstWord.set(first, seen === undefined || seen === m.name ? m.name : null);
  }
  for (const mention of linked) mention.name = canonicalName(mention, fullNames, byFirstWord, personTexts);
  return linked;
}

function toLinked(scan: FieldScan, span: Span): LinkedSpan {
  const first = scan.ctx.tokens[span.first];
  const last = scan.ctx.tokens[span.last];
  const start = first?.start ?? 0;
  const end = last?.end ?? start;
  const text = scan.text.slice(start, end);
  return { ...span, field: scan.field, start, end, text, name: span.name ?? withoutLegalForm(scan, span) ?? withoutGenitive(scan, span, text) };
}

/**
 * "Kowalczyks Account" names Kowalczyk: the genitive rules found the name with its "s". German only: English
 * writes the genitive with an apostrophe, and "Jones" is a name of its own.
 */
function withoutGenitive(scan: FieldScan, span: Span, text: string): string {
  if (scan.ctx.language !== 'de') return text;
  const genitive = span.rule === 'context:genitive' || (span.rule === 'context:surname' && !scan.ctx.g.surnames.has(text));
  return genitive ? genitiveBase(text) ?? text : text;
}

/** "Twitter Inc." found by the legal-form rule links to the listed "Twitter". */
function withoutLegalForm(scan: FieldScan, span: Span): string | undefined {
  if (span.type !== 'organization' || span.last === span.first) return undefined;
  const words = scan.ctx.tokens.slice(span.first, span.last + 1).map((token) => token.text);
  while (words.length > 1 && (scan.ctx.g.orgSuffixes.has(words[words.length - 1] ?? '') || words[words.length - 1] === ',')) words.pop();
  return words.length < span.last - span.first + 1 ? lookupAlias(scan.ctx, words)?.name : undefined;
}

function canonicalName(
  mention: LinkedSpan, fullNames: Map<string, string>, byFirstWord: Map<string, string | null>, personTexts: Set<string>,
): string {
  if (mention.type !== 'person') return mention.name;
  const lastWord = mention.text.slice(mention.text.lastIndexOf(' ') + 1);
  const base = lastWord.length > 3 ? genitiveBase(lastWord) : undefined;
  if (mention.first === mention.last) {
    // A surname alone: the first full name in the article that ends with it.
    const full = fullNames.get(lastWord) ?? (base ? fullNames.get(base) : undefined);
    if (full) return full;
    // The one full name in the article that starts with it: "Kim" for Kim Jong-un, "Lindsay" for Lindsay Lohan.
    const named = byFirstWord.get(mention.text);
    if (named) return named;
  }
  if (base && mention.name === mention.text) {
    // Genitive "Duysaks" / "Bahtiyar Duysaks": the form without "s" when the article has it.
    const without = mention.text.slice(0, -1);
    if (personTexts.has(without) || fullNames.has(base)) return without;
  }
  return mention.name;
}

/** Later mentions the pass could not know alone: surnames of full names, "X" after "X (formerly Twitter)". */
function addDocumentMentions(scan: FieldScan, scans: FieldScan[], xIsTwitter: boolean): void {
  const surnames = new Set<string>();
  for (const other of scans) {
    for (const span of other.spans) {
      if (span.type !== 'person' || span.last === span.first) continue;
      const word = other.ctx.tokens[span.last]?.text;
      if (word) surnames.add(withoutGenitiveS(word)).add(word);
    }
  }
  const covered = coveredTokens(scan.spans, scan.ctx.tokens.length);
  const added: Span[] = [];
  scan.ctx.tokens.forEach((token, index) => {
    if (covered[index] === 1 || token.kind !== 'word' || !token.cap) return;
    if (xIsTwitter && token.text === 'X') added.push({ first: index, last: index, type: 'organization', name: TWITTER });
    else if (surnames.has(token.text) || surnames.has(withoutGenitiveS(token.text))) {
      if (isSurname(scan.ctx, index)) added.push({ first: index, last: index, type: 'person' });
    }
  });
  if (added.length > 0) scan.spans = [...scan.spans, ...added].sort((a, b) => a.first - b.first);
}

/** "Müllers" → "Müller"; "Gauss" stays. */
function withoutGenitiveS(word: string): string {
  return genitiveBase(word) ?? word;
}

/** 1 at each token index inside a span. */
function coveredTokens(spans: Span[], tokenCount: number): Uint8Array {
  const out = new Uint8Array(tokenCount);
  for (const span of spans) out.fill(1, span.first, span.last + 1);
  return out;
}

/** "X (formerly Twitter)", "X, ehemals Twitter", "Twitter (now X)". */
function mentionsXAsTwitter(scan: FieldScan): boolean {
  const { tokens } = scan.ctx;
  return tokens.some(({ text: word }, index) => {
    if (word !== 'X' && word !== TWITTER) return false;
    const window = tokens.slice(index + 1, index + 6).map((token) => token.text);
    if (word === 'X') {
      const formerly = window.findIndex((w) => FORMERLY.has(w.toLowerCase()));
      return formerly >= 0 && window.slice(formerly).includes(TWITTER);
    }
    const now = window.findIndex((w) => NOW.has(w.toLowerCase()));
    return now >= 0 && window.slice(now, now + 2).includes('X');
  });
}

const TYPE_ORDER: readonly EntityType[] = ['person', 'organization', 'account', 'location', 'product'];

export function typeOrder(type: EntityType): number {
  return TYPE_ORDER.indexOf(type);
}
