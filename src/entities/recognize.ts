/**
 * One left-to-right pass over a field's tokens: at each token the gazetteer, the person rule and
 * the organisation rules propose a span, the longest wins (the gazetteer on ties); otherwise
 * context rules (role words, speech verbs, acronyms) may claim a single word.
 */
import type { DetectedLanguage, EntityType, TextField } from '../domain/types.ts';
import { accountName } from './accounts.ts';
import { addAcronymDefinitions } from './acronym-definitions.ts';
import type { AliasEntry, Gazetteer } from './gazetteer.ts';
import { matchAlias } from './match-gazetteer.ts';
import { isOrganizationHead, matchAcronym, matchIntroducedOrganization, matchOrganization } from './match-organization.ts';
import { isUnlistedGivenName, matchContextName, matchFullName, matchUnknownName } from './match-person.ts';
import type { ScanContext, Span } from './span.ts';
import { sentenceStarts, tokenize, type Token } from './tokens.ts';
import { isEnglishCommonWord, isNameWord } from './word-class.ts';

/** National adjectives that open organisation names ("Deutschen Bundestag"). */
const NATIONAL = /^(?:Deutsch|Europäisch|Österreichisch|Schweizerisch|Bayerisch|Amerikanisch|Britisch|Französisch|Russisch|Chinesisch|Japanisch|Italienisch)(?:e|en|er|es)$/u;

export interface AccountHit {
  index: number;
  name: string;
}

/** A name inside a compound ("Twitter" in "Twitter-Mitarbeiter"): an entity, not a name mention. */
export interface CompoundHit {
  index: number;
  start: number;
  end: number;
  type: EntityType;
  name: string;
}

export interface FieldScan {
  field: TextField;
  text: string;
  ctx: ScanContext;
  spans: Span[];
  accounts: AccountHit[];
  compounds: CompoundHit[];
}

export function scanField(
  field: TextField, text: string, g: Gazetteer, aliasTables: Array<Map<string, AliasEntry[]>>, language: DetectedLanguage,
): FieldScan {
  const tokens = tokenize(text);
  const sentences = sentenceStarts(tokens);
  const starts = language === 'en' && isTitleCase(tokens) ? new Set([...sentences, ...commonWordIndices(tokens, g)]) : sentences;
  const ctx: ScanContext = { tokens, g, aliasTables, starts, sentences, language };
  const scan: FieldScan = { field, text, ctx, spans: [], accounts: [], compounds: [] };
  const uncased = aliasTables.map(uncasedKeys).filter((keys) => keys.size > 0);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind === 'handle' || token.kind === 'url') {
      const name = accountName(token, text);
      if (name) scan.accounts.push({ index: i, name });
      continue;
    }
    if (token.kind === 'punct' && !/^["„“»«]$/u.test(token.text)) continue;
    // Lower-case words start no name unless a list has them ("dpa", "eBay"): skip the rules.
    const quote = token.kind === 'punct';
    if (!quote && !token.cap && !token.upper && !inAny(uncased, token.text)) continue;
    if (inEditorCodes(tokens, i)) continue;
    const span = bestSpan(ctx, i);
    if (span && span.type === 'person' && span.rule?.startsWith('context')) {
      // "Heath Miller", "Birthe Wolter": an unlisted given name right before a found surname.
      const previous = scan.spans[scan.spans.length - 1];
      if (i > 0 && (previous === undefined || previous.last < i - 1) && isUnlistedGivenName(ctx, i - 1)) span.first = i - 1;
    }
    // "Dave Matthews Band", "Lindsey School": a person's name before a head noun names an organisation.
    if (span?.type === 'person' && span.rule === 'full-name' && isOrganizationHead(ctx, tokens[span.last + 1]?.text ?? '')) {
      span.type = 'organization';
      span.last += 1;
      span.rule = 'org-rule';
    }
    if (span?.type === 'organization') {
      span.last = extendOrganization(ctx, span);
      // "Deutschen Bundestag", "Europäischen Kommission": a national adjective belongs to the name.
      const previous = scan.spans[scan.spans.length - 1];
      if (span.rule === 'alias' && i > 0 && (previous === undefined || previous.last < i - 1) && NATIONAL.test(tokens[i - 1]?.text ?? '')) {
        span.first = i - 1;
      }
    }
    if (span) {
      scan.spans.push(span);
      i = span.last;
      continue;
    }
    const part = compoundHit(ctx, i);
    if (part) scan.compounds.push(part);
  }
  addAcronymDefinitions(scan);
  return scan;
}

/** Words of this many letters or more say whether a field is in Title Case (style guides lower-case shorter ones). */
const TITLE_CASE_MIN_LETTERS = 4;
const TITLE_CASE_MIN_WORDS = 3;
const TITLE_CASE_SHARE = 0.8;

/**
 * An English headline in Title Case ("Stocks Mark Five-Year Anniversary Of 2009 Low With Record Highs"):
 * at least three words of four letters or more, and 80 % of them capitalised (not all upper case).
 */
function isTitleCase(tokens: Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (token.kind !== 'word' || token.allCaps || token.text.length < TITLE_CASE_MIN_LETTERS) continue;
    words += 1;
    if (token.cap) capitalised += 1;
  }
  return words >= TITLE_CASE_MIN_WORDS && capitalised >= TITLE_CASE_SHARE * words;
}

/**
 * Title Case capitalises common words ("Mark", "Destroys", "Play") as a sentence start does: there a capital
 * is no evidence of a name. Words that are also listed first names or surnames keep it.
 */
function commonWordIndices(tokens: Token[], g: Gazetteer): number[] {
  const out: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || !token.cap || token.allCaps) return;
    if (g.firstNames.has(token.text) || g.surnames.has(token.text)) return;
    if (isEnglishCommonWord(token.text)) out.push(index);
  });
  return out;
}

const uncasedKeyCache = new WeakMap<Map<string, AliasEntry[]>, Set<string>>();

/**
 * The aliases of a table without a capital ("dpa", "taz"): the only keys a word without one can
 * be. A small set is much faster to ask, for every such word, than the whole table.
 */
function uncasedKeys(table: Map<string, AliasEntry[]>): Set<string> {
  let keys = uncasedKeyCache.get(table);
  if (keys === undefined) {
    keys = new Set([...table.keys()].filter((key) => !/\p{Lu}/u.test(key)));
    uncasedKeyCache.set(table, keys);
  }
  return keys;
}

function inAny(sets: Array<Set<string>>, text: string): boolean {
  for (const set of sets) if (set.has(text)) return true;
  return false;
}

function bestSpan(ctx: ScanContext, index: number): Span | undefined {
  let best = longer(undefined, matchAlias(ctx, index), 'alias');
  best = longer(best, matchShoutedPlace(ctx, index), 'shouted-place');
  best = longer(best, matchFullName(ctx, index), 'full-name');
  best = longer(best, matchOrganization(ctx, index), 'org-rule');
  best = longer(best, matchUnknownName(ctx, index), 'unknown-name');
  best = longer(best, matchIntroducedOrganization(ctx, index), 'org-intro');
  if (best) return best;
  const context = matchContextName(ctx, index);
  if (context) return { ...context, rule: context.rule ?? 'context' };
  const acronym = matchAcronym(ctx, index);
  return acronym ? { ...acronym, rule: 'acronym' } : undefined;
}

/**
 * "…beschließen./tas/DP/mis", "/jbz/jac/lkl/DP/ea": dpa-AFX closes its articles with its editors' codes around
 * its short name. A word written between slashes, right against them, beside a lower-case code is no name.
 */
function inEditorCodes(tokens: Token[], index: number): boolean {
  const [before, token, after] = [tokens[index - 1], tokens[index], tokens[index + 1]];
  if (!before || !token || !after || before.text !== '/' || after.text !== '/') return false;
  if (before.end !== token.start || token.end !== after.start) return false;
  const code = (neighbour: Token | undefined) => neighbour !== undefined && /^\p{Ll}{2,4}$/u.test(neighbour.text);
  return code(tokens[index - 2]) || code(tokens[index + 2]);
}

/** Words of a shouted place name looked up together ("NEW YORK", "BADEN-WÜRTTEMBERG", "RIO DE JANEIRO"). */
const SHOUTED_WORDS = 3;

/**
 * "BERLIN (dpa)", "LONDON, Jan 1 (Reuters)", "NEW YORK": a dateline shouts a place the lists know written in
 * title case. Only places: a shouted word that a list knows as something else ("APPLE") is left to the rules.
 */
function matchShoutedPlace(ctx: ScanContext, index: number): Span | undefined {
  if (!ctx.tokens[index]?.allCaps) return undefined;
  let last = index;
  while (last - index + 1 < SHOUTED_WORDS && ctx.tokens[last + 1]?.allCaps) last += 1;
  const tokens = ctx.tokens.slice(index, last + 1).map((token) => ({ ...token, text: titleCased(token.text) }));
  const span = matchAlias({ ...ctx, tokens }, 0);
  return span?.type === 'location' ? { ...span, first: index, last: index + span.last } : undefined;
}

function titleCased(text: string): string {
  return text.toLowerCase().replace(/(^|-)(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The longer span, the earlier on a tie, named for its rule (matchers return new spans: naming one in place is safe). */
function longer(best: Span | undefined, span: Span | undefined, rule: string): Span | undefined {
  if (!span || (best !== undefined && span.last <= best.last)) return best;
  span.rule ??= rule;
  return span;
}

/** "Fraunhofer FIT", "Mitsubishi UFJ", "TU Berlin", "THW Kiel": an acronym joins the name next to it. */
function extendOrganization(ctx: ScanContext, span: Span): number {
  const last = ctx.tokens[span.last];
  const next = ctx.tokens[span.last + 1];
  if (!last || !next || next.start - last.end > 1 || next.kind !== 'word') return span.last;
  if (next.allCaps && matchAcronym(ctx, span.last + 1)) return span.last + 1;
  // "Financial Times Deutschland", "Microsoft Österreich": a company's national branch.
  const place = matchAlias(ctx, span.last + 1);
  if (span.rule === 'alias' && place?.type === 'location' && place.first === place.last && !ctx.tokens[span.last + 2]?.cap) return span.last + 1;
  const acronymAlone = span.first === span.last && last.allCaps;
  if (acronymAlone && next.cap && !next.allCaps && isNameWord(ctx.g, next) && !ctx.starts.has(span.last + 1)) return span.last + 1;
  return span.last;
}

/** "Twitter-Mitarbeiter", "Trump-Regierung": the first part is a known name. */
function compoundHit(ctx: ScanContext, index: number): CompoundHit | undefined {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || !token.text.includes('-')) return undefined;
  const head = token.text.slice(0, token.text.indexOf('-'));
  const probe: ScanContext = { ...ctx, tokens: [{ ...token, text: head, end: token.start + head.length }] };
  const span = matchAlias(probe, 0);
  if (!span?.name || span.type === 'location') return undefined;
  return { index, start: token.start, end: token.start + head.length, type: span.type, name: span.name };
}
