/**
 * Organisations by rule, for names the gazetteer does not list:
 * a run of names closed by a legal form ("Bilfinger Berger AG", "Roburit-Fabrik Witten GmbH"),
 * a club prefix or suffix ("SSV Reutlingen", "Stoke City"), a head noun with a name
 * ("Universität Hamburg", "Deutsche Bank", "Otto-Schott-Gymnasium") and unknown acronyms ("VKSt").
 */
import type { ScanContext, Span } from './span.ts';
import type { Token } from './tokens.ts';
import { isCommonNoun, isEnglishCommonWord, isNameWord, isRoleWord, isStopword } from './word-class.ts';
import { wordFacts } from './word-facts.ts';

const CONNECTORS = new Set(['&', 'für', 'of', 'for', 'de', 'du', 'la', 'di']);
const MAX_RUN = 8;

export function matchOrganization(ctx: ScanContext, index: number): Span | undefined {
  // The legal-form and head-noun rules both look at the run of names from here: find it once.
  const run = runFrom(ctx, index);
  const span = matchLegalForm(ctx, index, run) ?? matchClub(ctx, index) ?? matchHeadNoun(ctx, index, run)
    ?? matchAdjectiveHead(ctx, index) ?? matchAuthority(ctx, index);
  return span ? { ...span, last: extendFor(ctx, span.last) } : undefined;
}

/** "Bundesamt für Gesundheit", "Staatsministerium für Unterricht und Kultus", "Institute of Technology". */
function extendFor(ctx: ScanContext, last: number): number {
  const link = ctx.tokens[last + 1]?.text ?? '';
  const head = ctx.tokens[last]?.text ?? '';
  if (!['für', 'of', 'for'].includes(link) || !(hasHeadTail(ctx, head) || isAuthority(head))) return last;
  let k = last + 2;
  if (!isRunWord(ctx.tokens[k])) return last;
  while (isRunWord(ctx.tokens[k + 1]) || (['und', 'and', '&'].includes(ctx.tokens[k + 1]?.text ?? '') && isRunWord(ctx.tokens[k + 2]))) {
    k += ctx.tokens[k + 1]?.cap ? 1 : 2;
  }
  return k;
}

/**
 * One-word authorities: "Bundesjustizministerium", "Umweltbundesamt", "Bundesärztekammer".
 * German builds their names as compounds, and a federal or state prefix makes them specific.
 */
const AUTHORITY = /^(?:\p{Lu}\p{Ll}+ministeriums?|(?:Bundes|Landes|Umweltbundes|Reichs|Staats)\p{Ll}*(?:amt|amts|amtes|kammer|agentur|anstalt|institut|instituts|gericht|gerichts|gerichtshof|gerichtshofs|verband|verbands|verbandes|kanzleramt|kriminalamt|netzagentur|kartellamt|rechnungshof|ministerium|ministeriums))$/u;

function isAuthority(text: string): boolean {
  const facts = wordFacts(text);
  facts.authority ??= AUTHORITY.test(text);
  return facts.authority;
}

function matchAuthority(ctx: ScanContext, index: number): Span | undefined {
  const token = ctx.tokens[index];
  return token && token.kind === 'word' && isAuthority(token.text) ? { first: index, last: index, type: 'organization' } : undefined;
}

/** Capitalised words, numbers and inner connectors from index on: [index, last]. */
function runFrom(ctx: ScanContext, index: number): number[] {
  const out: number[] = [];
  for (let k = index; k < ctx.tokens.length && out.length < MAX_RUN; k += 1) {
    const token = ctx.tokens[k] as Token;
    const prev = ctx.tokens[k - 1];
    if (k > index && prev && token.start - prev.end > 1) break;
    if (isRunWord(token) || (k > index && token.kind === 'number')) out.push(k);
    else if (k > index && CONNECTORS.has(token.text) && isRunWord(ctx.tokens[k + 1])) out.push(k);
    else break;
  }
  return out;
}

function isRunWord(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'abbrev') && token.upper;
}

function matchLegalForm(ctx: ScanContext, index: number, run: number[]): Span | undefined {
  // The legal form follows the name: a run of one word has none.
  if (run.length < 2) return undefined;
  const start = ctx.tokens[index];
  if (!start || !start.cap || isStopword(ctx.g, start.text) || ctx.g.orgSuffixes.has(start.text)) return undefined;
  // "Firma Läpple AG", "Unternehmen X GmbH": the name starts after the common noun.
  if (ctx.g.commonNouns.has(start.text) || isRoleWord(ctx.g, start.text) || isIntroOnly(ctx, start.text)) return undefined;
  let last: number | undefined;
  for (const k of run.slice(1)) if (isLegalForm(ctx, k)) last = k;
  return last === undefined ? undefined : { first: index, last, type: 'organization' };
}

function isLegalForm(ctx: ScanContext, k: number): boolean {
  const token = ctx.tokens[k];
  return token !== undefined && ctx.g.orgSuffixes.has(token.text);
}

function matchClub(ctx: ScanContext, index: number): Span | undefined {
  const { tokens, g } = ctx;
  const token = tokens[index];
  if (!token) return undefined;
  if (g.clubPrefixes.has(token.text)) {
    let last = index;
    while (last - index < 3 && isClubPart(tokens[last + 1])) last += 1;
    return last > index ? { first: index, last, type: 'organization' } : undefined;
  }
  const next = tokens[index + 1];
  if (token.cap && !ctx.starts.has(index) && next && g.clubSuffixes.has(next.text) && isNameWord(g, token)) {
    return { first: index, last: index + 1, type: 'organization' };
  }
  return undefined;
}

function isClubPart(token: Token | undefined): boolean {
  return token !== undefined && ((token.kind === 'word' && token.cap) || (token.kind === 'number' && /^\d{2,4}$/u.test(token.text)));
}

/** "Deutsche Bank", "Universität Hamburg", "Jet Propulsion Laboratory", "Otto-Schott-Gymnasium". */
function matchHeadNoun(ctx: ScanContext, index: number, run: number[]): Span | undefined {
  const start = ctx.tokens[index];
  if (!start || !start.cap) return undefined;
  // One word names an organisation only as a hyphen compound; any other name takes two.
  if (run.length < 2 && !start.text.includes('-')) return undefined;
  if (isStopword(ctx.g, start.text) || isIntroOnly(ctx, start.text)) return undefined;
  if (isHyphenHead(ctx, start)) return { first: index, last: index, type: 'organization' };
  const names = run.filter((k) => ctx.tokens[k]?.kind !== 'number');
  const lastWord = names.findLastIndex((k) => !CONNECTORS.has(ctx.tokens[k]?.text ?? ''));
  const words = names.slice(0, lastWord + 1);
  if (words.length < 2) return undefined;
  const heads = words.filter((k) => isHead(ctx, ctx.tokens[k]?.text ?? ''));
  const others = words.filter((k) => !heads.includes(k) && !CONNECTORS.has(ctx.tokens[k]?.text ?? ''));
  if (heads.length === 0 || others.length === 0) return undefined;
  if (!others.every((k) => isModifier(ctx, k))) return undefined;
  // "Nachrichtenagentur AFP", "Rockband Fold Zandura": a compound organisation noun before a name
  // describes it (the name alone is the organisation); "Landesbank Berlin", "Universität Hamburg" name it.
  if (heads.length === 1 && heads[0] === index && isCompoundIntro(ctx, start.text) && !others.some((k) => isPlace(ctx, k))) return undefined;
  return { first: index, last: words[words.length - 1] as number, type: 'organization' };
}

/** An introducing noun built on a shorter one: "Nachrichtenagentur" (Agentur), "Softwarekonzern", "Rockband". */
function isCompoundIntro(ctx: ScanContext, text: string): boolean {
  if (!isOrgIntro(ctx, text)) return false;
  const lower = text.toLowerCase();
  for (let cut = 3; cut <= lower.length - 4; cut += 1) {
    const tail = lower.slice(cut);
    if (ctx.g.orgIntroWords.has(tail) || ctx.g.orgHeads.has(tail)) return true;
  }
  return false;
}

/** The head or an inflected form of it ("Verbandes", "Banken"); stems would confuse "Regierender". */
function isHead(ctx: ScanContext, text: string): boolean {
  const facts = wordFacts(text);
  facts.orgHead ??= computeHead(ctx, text);
  return facts.orgHead;
}

/** "School", "Band", "Verlag": a head noun of organisation names (a person's surname is none). */
export function isOrganizationHead(ctx: ScanContext, text: string): boolean {
  return isHead(ctx, text);
}

function computeHead(ctx: ScanContext, text: string): boolean {
  const lower = text.toLowerCase();
  if (ctx.g.orgHeads.has(lower)) return true;
  const base = /^(.{3,}?)(?:es|en|er|s|n|e)$/u.exec(lower)?.[1];
  return base !== undefined && ctx.g.orgHeads.has(base);
}

/** "Mieterverein", "Presse-Agentur", "Rundfunks": a compound whose last part is a head noun. */
function hasHeadTail(ctx: ScanContext, text: string): boolean {
  const facts = wordFacts(text);
  facts.orgHeadTail ??= computeHeadTail(ctx, text);
  return facts.orgHeadTail;
}

function computeHeadTail(ctx: ScanContext, text: string): boolean {
  if (isHead(ctx, text)) return true;
  const raw = text.toLowerCase();
  for (const lower of new Set([raw, raw.replace(/(?:es|s|en|n)$/u, '')])) {
    for (let cut = 3; cut <= lower.length - 5; cut += 1) {
      const tail = lower.slice(cut).replace(/^-/u, '');
      if (tail.length >= 5 && ctx.g.orgHeads.has(tail)) return true;
    }
  }
  return false;
}

/** Adjectives from places and a few set ones: "Hamburger", "Hessischen", "Deutschen", "Vereinigten". */
const NAME_ADJECTIVE = /^(?:\p{Lu}\p{Ll}+(?:ische|ischen|ischer|isches)|\p{Lu}\p{Ll}+er|Deutsche|Deutschen|Deutscher|Vereinigte|Vereinigten|Europäische|Europäischen|Internationale|Internationalen|Freie|Freien|Neue|Neuen|Allgemeine|Allgemeinen|Olympische|Olympischen|Evangelische|Evangelischen|Katholische|Katholischen)$/u;

/** "Hamburger Mieterverein", "Hessischen Rundfunks": a name adjective and a compound head. */
function matchAdjectiveHead(ctx: ScanContext, index: number): Span | undefined {
  const adjective = ctx.tokens[index];
  const noun = ctx.tokens[index + 1];
  if (!adjective || !noun || !noun.cap || noun.start - adjective.end > 1 || !NAME_ADJECTIVE.test(adjective.text)) return undefined;
  if (isRoleWord(ctx.g, adjective.text) || ctx.g.commonNouns.has(adjective.text) && !/sche|schen|ten|päische|päischen/u.test(adjective.text)) return undefined;
  // "Bayerische Vereine", "deutsche Banken": a plural head names a kind, not one organisation.
  const singular = noun.text.replace(/(?:en|e|n)$/u, '');
  if (singular !== noun.text && !isHead(ctx, noun.text) && isHead(ctx, singular)) return undefined;
  return hasHeadTail(ctx, noun.text) ? { first: index, last: index + 1, type: 'organization' } : undefined;
}

/** "Otto-Schott-Gymnasium", "Fußball-Union": a hyphen compound whose last part is a head. */
function isHyphenHead(ctx: ScanContext, token: Token): boolean {
  if (!token.text.includes('-')) return false;
  const parts = token.text.split('-');
  const tail = parts[parts.length - 1] ?? '';
  // "Otto-Schott-Gymnasium" names a school; "VW-Konzern" only mentions VW.
  if (parts.length < 3 || !isHead(ctx, tail)) return false;
  return parts.slice(0, -1).every((part) => /^\p{Lu}/u.test(part) && !isCommonNoun(ctx.g, part) && !ctx.g.commonNouns.has(part));
}

/** Words beside a head: names and adjectives ("Deutsche", "Europäischen"), not common nouns. */
function isModifier(ctx: ScanContext, k: number): boolean {
  const token = ctx.tokens[k];
  if (!token) return false;
  if (token.allCaps) return true;
  if (/^\p{Lu}\p{Ll}+(?:e|en|er|es|em)$/u.test(token.text) && !isRoleWord(ctx.g, token.text) && !isCommonNoun(ctx.g, token.text)) {
    return !ctx.starts.has(k) || !isStopword(ctx.g, token.text);
  }
  if (ctx.starts.has(k) && ctx.g.commonNouns.has(token.text)) return false;
  // In English every word of a name is capitalised ("Jet Propulsion Laboratory").
  if (ctx.language !== 'de') return token.cap && !isStopword(ctx.g, token.text);
  return isNameWord(ctx.g, token);
}

/** "Rockband Fold Zandura", "Bankhaus Credito Emiliano", "Magazins „ The Face “": a name after an org noun. */
export function matchIntroducedOrganization(ctx: ScanContext, index: number): Span | undefined {
  const intro = ctx.tokens[index - 1];
  if (!intro || intro.kind !== 'word' || !isOrgIntro(ctx, intro.text)) return undefined;
  const quoted = /^["„“»«]$/u.test(ctx.tokens[index]?.text ?? '');
  const first = quoted ? index + 1 : index;
  const start = ctx.tokens[first];
  if (!start || !isRunWord(start) || ctx.starts.has(first) || (isStopword(ctx.g, start.text) && !quoted)) return undefined;
  if (!quoted && (isCommonNoun(ctx.g, start.text) || ctx.g.commonNouns.has(start.text))) return undefined;
  // "der größte Dienstleister Nordeuropas": a place after the noun is no name.
  if (!quoted && isPlace(ctx, first)) return undefined;
  let last = first;
  while (last - first < 5 && (isRunWord(ctx.tokens[last + 1]) || ctx.tokens[last + 1]?.kind === 'number') && !quotedEnd(ctx, last)) last += 1;
  if (quoted && !/^["“”«»]$/u.test(ctx.tokens[last + 1]?.text ?? '')) return undefined;
  return { first, last, type: 'organization', rule: 'org-intro' };
}

/** "Fluggesellschaft Air One": the introducing noun is not part of the name (unlike "Universität Hamburg"). */
function isIntroOnly(ctx: ScanContext, text: string): boolean {
  return isOrgIntro(ctx, text) && !isHead(ctx, text);
}

function isPlace(ctx: ScanContext, index: number): boolean {
  const text = ctx.tokens[index]?.text ?? '';
  const keys = [text, text.replace(/s$/u, '')];
  const listed = ctx.aliasTables.some((table) => keys.some((key) => table.get(key)?.some((entry) => entry.type === 'location')));
  return listed || /^(?:Nord|Süd|Ost|West|Mittel|Zentral)\p{Ll}+s?$/u.test(text);
}

function quotedEnd(ctx: ScanContext, index: number): boolean {
  return /^["“”«»]$/u.test(ctx.tokens[index + 1]?.text ?? '');
}

function isOrgIntro(ctx: ScanContext, text: string): boolean {
  const facts = wordFacts(text);
  facts.orgIntro ??= computeOrgIntro(ctx, text);
  return facts.orgIntro;
}

function computeOrgIntro(ctx: ScanContext, text: string): boolean {
  const lower = text.toLowerCase();
  const last = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
  for (const form of [lower, last, last.replace(/(?:en|n|s|es)$/u, '')]) if (ctx.g.orgIntroWords.has(form)) return true;
  for (let cut = 3; cut <= last.length - 5; cut += 1) {
    const tail = last.slice(cut);
    if (ctx.g.orgIntroWords.has(tail) || ctx.g.orgIntroWords.has(tail.replace(/(?:en|n|s|es)$/u, ''))) return true;
  }
  return false;
}

/** An acronym the lists do not know ("VKSt", "ICBL"): in news text nearly always an organisation. */
export function matchAcronym(ctx: ScanContext, index: number): Span | undefined {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word') return undefined;
  const text = token.text;
  const acronym = token.allCaps && /^\p{Lu}[\p{Lu}&-]{1,5}$/u.test(text);
  if (!acronym || ctx.g.notOrgAcronyms.has(text) || isStopword(ctx.g, text)) return undefined;
  // "TOKIO", "GATTER": a shouted word has vowels where an acronym has none.
  if (text.length >= 5 && (text.match(/[AEIOUÄÖÜ]/gu)?.length ?? 0) / text.length >= 0.34) return undefined;
  if (ctx.language !== 'de' && isEnglishCommonWord(text)) return undefined;
  // "KEL 1", "GTX 4xx", "6. MSG", "32 KB": next to a number an acronym is a model, unit or unit name.
  const [before, next] = [ctx.tokens[index - 1], ctx.tokens[index + 1]];
  if (next?.kind === 'number' || before?.kind === 'number' || (before?.text === '.' && ctx.tokens[index - 2]?.kind === 'number')) return undefined;
  return { first: index, last: index, type: 'organization' };
}
