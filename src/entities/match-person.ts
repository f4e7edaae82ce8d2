/**
 * Person names by rule: a given name (from the shipped list) or an initial, then optional
 * particles ("von der", "de"), then a surname that is a name word ("Bahtiyar Duysak",
 * "Ana de Sousa", "H. Dietz"). A lone surname counts only with context: a role word before it
 * ("US-Präsident Trump", "Trainer Klopp") or a speech verb next to it ("sagte Müller").
 */
import type { ScanContext, Span } from './span.ts';
import { isOrganizationHead } from './match-organization.ts';
import { isDayOrDate } from './time-words.ts';
import { DETERMINERS, isBareSubject, isSaxonGenitive, pluralVerbOfOne } from './german-clauses.ts';
import {
  genitiveBase, isEnglishCommonWord, isFirstName, isInitial, isListedSurname, isNameWord, isParticle, isRoleWord, isStopword,
} from './word-class.ts';

export function matchFullName(ctx: ScanContext, index: number): Span | undefined {
  const { tokens, g } = ctx;
  let j = index;
  let givenNames = 0;
  let endsInInitial = false;
  while (j < tokens.length) {
    endsInInitial = isInitial(tokens, j) && j > index;
    if (isInitial(tokens, j)) j += 2;
    else if (isFirstName(g, tokens[j]) && (j === index || isAdjacent(ctx, j))) j += 1;
    else break;
    givenNames += 1;
  }
  if (givenNames === 0 || afterPlacePrefix(ctx, index)) return undefined;
  if (!isFirstName(g, tokens[index])) {
    // "H. Dietz": initials need the surname right after them.
    return isFullNameSurname(ctx, j) && isAdjacent(ctx, j) && !isStopword(g, tokens[j]?.text ?? '') ? { first: index, last: j, type: 'person' } : undefined;
  }
  const suffix = nameSuffix(ctx, j);
  if (suffix !== undefined) return { first: index, last: suffix, type: 'person' };
  let k = j;
  while (isParticle(tokens[k]) && k - j < 3) k += 1;
  // After particles ("Ida vom Bankdirektor") the surname must pass the stricter test.
  const surname = k > j ? isSurname(ctx, k) : isFullNameSurname(ctx, k);
  if (surname && isAdjacent(ctx, k)) return { first: index, last: extendSurname(ctx, extendParticles(ctx, k)), type: 'person' };
  // "Nico G.", "Claudia B.": an abbreviated surname keeps its dot.
  if (endsInInitial && k === j) return { first: index, last: j - 1, type: 'person' };
  // The last "given name" may be the surname itself: "Thomas Frank", "Peter Ernst".
  if (givenNames >= 2 && isFirstName(g, tokens[j - 1])) return { first: index, last: j - 1, type: 'person' };
  return loneGivenName(ctx, index, givenNames);
}

const REGNAL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/u;

/** "Elisabeth II.", "Nico G.": a regnal number or an abbreviated surname with its dot. */
function nameSuffix(ctx: ScanContext, index: number): number | undefined {
  const token = ctx.tokens[index];
  const dot = ctx.tokens[index + 1];
  if (!token || dot?.text !== '.' || dot.start - token.end > 1 || !isAdjacent(ctx, index)) return undefined;
  if (REGNAL.test(token.text) || /^\p{Lu}$/u.test(token.text)) return index + 1;
  return undefined;
}

/** After a given name a role-like word is a surname too ("Christiane Holländer", "Eva Koch"). */
function isFullNameSurname(ctx: ScanContext, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.allCaps || token.text.length < 2) return false;
  if (!token.cap) return /^(?:al|el|ad|as|ash|bin|ibn|abu|ben|de|di|da|van|von)-\p{Lu}/u.test(token.text); // "al-Nuaimi"
  // Noun endings are no evidence here: "Ellebrecht", "Gillespie", "Haemmerlein" are surnames;
  // a listed noun is one too when no capitalised word follows ("Max Herbst , Inhaber").
  if (isStopword(ctx.g, token.text) || isOrganizationHead(ctx, token.text)) return false;
  const next = ctx.tokens[index + 1];
  return !ctx.g.commonNouns.has(token.text) || !(next?.cap && next.kind === 'word') && !isRoleWord(ctx.g, token.text);
}

/** "St . Georg", "San Juan", "Puerto Rico", "Hagia Sophia": saints and places, not people. */
const PLACE_PREFIXES = new Set(['St', 'St.', 'Sankt', 'San', 'Santa', 'Santo', 'São', 'Saint', 'Sainte', 'Puerto', 'Porto', 'Hagia', 'Port', 'Fort', 'Mount', 'Lake', 'Cape']);

function afterPlacePrefix(ctx: ScanContext, index: number): boolean {
  const before = ctx.tokens[index - 1];
  const beforeDot = before?.text === '.' ? ctx.tokens[index - 2] : undefined;
  return PLACE_PREFIXES.has(before?.text ?? '') || beforeDot?.text === 'St';
}

/** "Constantin Boss Eichinger", "Enrique El Granaíno": a second unlisted name word after the surname. */
function extendSurname(ctx: ScanContext, last: number): number {
  const next = ctx.tokens[last + 1];
  if (!next || !isAdjacent(ctx, last + 1) || !isSurname(ctx, last + 1, true) || ctx.aliasTables.some((table) => table.has(next.text))) return last;
  if (isOrganizationHead(ctx, next.text)) return last;
  const after = ctx.tokens[last + 2];
  return after?.cap && after.kind === 'word' ? last : last + 1;
}

/** "Johannes Nepomuk von Tschiderer": particles and a second surname after the first. */
const LINKING_PARTICLES = new Set(['von', 'van', 'vom', 'de', 'del', 'della', 'du', 'dos', 'di', 'der', 'und', 'zu']);

function extendParticles(ctx: ScanContext, last: number): number {
  const first = ctx.tokens[last + 1]?.text ?? '';
  if (!['von', 'van', 'de', 'del', 'della', 'du', 'dos', 'di'].includes(first)) return last;
  let k = last + 1;
  while (LINKING_PARTICLES.has(ctx.tokens[k]?.text ?? '') && k - last <= 3) k += 1;
  return k > last + 1 && isSurname(ctx, k) && isAdjacent(ctx, k) ? k : last;
}

/** "Robbie" or "Johannes" alone: a person, unless it opens a sentence or is also a common word. */
function loneGivenName(ctx: ScanContext, index: number, givenNames: number): Span | undefined {
  const token = ctx.tokens[index];
  if (token === undefined || givenNames !== 1 || isInitial(ctx.tokens, index)) return undefined;
  if (!isNameWord(ctx.g, token) || isDayOrDate(ctx, index)) return undefined;
  const next = ctx.tokens[index + 1];
  // At a sentence start a given name counts when a verb or a comma follows, not another noun.
  const verbFollows = next !== undefined && ((next.kind === 'word' && !next.cap && !['und', 'oder', 'sowie'].includes(next.text)) || next.text === ',');
  // "der rechten Wade", "einer Tom": after an article or an inflected adjective it is a noun.
  const before = ctx.tokens[index - 1];
  const inflected = /(?:e|en|er|es|em)$/u.test(before?.text ?? '') && !isStopword(ctx.g, before?.text ?? '');
  if (ctx.language === 'de' && before?.kind === 'word' && !before.cap && (DETERMINERS.has(before.text) || inflected)) {
    return undefined;
  }
  if (ctx.starts.has(index) && !hasSpeechAfter(ctx, index) && !(ctx.language === 'de' && verbFollows)) return undefined;
  if (ctx.language !== 'de' && isEnglishCommonWord(token.text)) return undefined;
  return { first: index, last: index, type: 'person', rule: 'given-name' };
}

/** A lone capitalised word that context marks as a person. */
export function matchContextName(ctx: ScanContext, index: number): Span | undefined {
  const { tokens } = ctx;
  if (!isSurname(ctx, index, true) || isDayOrDate(ctx, index) || afterPlacePrefix(ctx, index)) return undefined;
  const before = tokens[index - 1];
  // German role nouns are capitalised; a lower-case "deutscher" is an adjective.
  // "Mrs . Finch": a title abbreviation written apart from its dot.
  const title = before?.text === '.' ? tokens[index - 2] : undefined;
  const roleBefore = (before !== undefined && before.kind === 'word' && (before.cap || ctx.language !== 'de') && isRoleWord(ctx.g, before.text))
    || (title !== undefined && /^(?:Mr|Mrs|Ms|Dr|Prof|Hr|Fr)$/u.test(title.text));
  const speechBefore = before !== undefined && ctx.g.speechBefore.has(before.text.toLowerCase()) && !ctx.starts.has(index)
    && !pluralVerbOfOne(ctx, index, before.text) && (before.text !== 'so' || quoteEnds(ctx, index - 2));
  const reason = contextReason(ctx, index, roleBefore, speechBefore);
  if (reason === undefined) return undefined;
  if (ctx.starts.has(index) && isStopword(ctx.g, tokens[index]?.text ?? '')) return undefined;
  // "Präsident Barack Obama" is a full name; "Trainer Jupp Heynckes" too: take a second surname word.
  const second = isSurname(ctx, index + 1) && isAdjacent(ctx, index + 1) && roleBefore ? index + 1 : index;
  // "Gartenhistoriker Ernest de Ganay": particles and a surname after the name.
  const last = roleBefore ? extendParticles(ctx, second) : second;
  return { first: index, last, type: 'person', rule: `context:${reason}` };
}

/** "„…“, so Müller": "so" names a speaker only after a quote or a comma, not as an adverb ("sich so Zutritt verschafft"). */
function quoteEnds(ctx: ScanContext, index: number): boolean {
  return /^[,"“”»«]$/u.test(ctx.tokens[index]?.text ?? '');
}

/** Town-name endings ("Pfrondorf", "Rheinhausen", "Reutlingen"): weak context must not make them people. */
const PLACE_ENDING = /(?:dorf|ingen|leben|stedt|kirchen|rode|hausen|stadt|burg|hafen|heim)s?$/u;

function contextReason(ctx: ScanContext, index: number, roleBefore: boolean, speechBefore: boolean): string | undefined {
  if (roleBefore) return 'role';
  if (speechBefore || hasSpeechAfter(ctx, index)) return 'speech';
  const text = ctx.tokens[index]?.text ?? '';
  // The weaker rules below skip place-like words and, in German text, English words ("Lotus", "Corpus").
  const english = ctx.language === 'de' && (isEnglishCommonWord(text) || isEnglishCommonWord(genitiveBase(text) ?? text));
  if (PLACE_ENDING.test(text) || english) {
    return isListedSurname(ctx.g, text) ? 'surname' : undefined;
  }
  if (isListedSurname(ctx.g, ctx.tokens[index]?.text ?? '')) return 'surname';
  if (hasPersonBracket(ctx, index)) return 'bracket';
  if (isSaxonGenitive(ctx, index)) return 'genitive';
  if (isBareSubject(ctx, index)) return 'subject';
  if (hasRoleApposition(ctx, index)) return 'apposition';
  if (isSpeakerLabel(ctx, index)) return 'speaker';
  return undefined;
}

/** "Piandee , ein Oppositionssprecher", "Kowalczyk , der Chef des Verbands": a role in apposition. */
function hasRoleApposition(ctx: ScanContext, index: number): boolean {
  const [comma, article] = [ctx.tokens[index + 1], ctx.tokens[index + 2]];
  if (comma?.text !== ',' || !article || !/^(?:ein|eine|der|die|a|an|the)$/u.test(article.text)) return false;
  const role = [ctx.tokens[index + 3], ctx.tokens[index + 4]].find((token) => token?.kind === 'word' && token.cap);
  return role !== undefined && isRoleWord(ctx.g, role.text);
}

/** Interviews: "Güllner : „Solidarität …“": a name opening a sentence, then a colon and a quote. */
function isSpeakerLabel(ctx: ScanContext, index: number): boolean {
  const [colon, quote] = [ctx.tokens[index + 1], ctx.tokens[index + 2]];
  return ctx.starts.has(index) && colon?.text === ':' && quote !== undefined && /^["„“»«]$/u.test(quote.text);
}

/** "Müller ( 27 )", "Beck ( SPD )": an age or a party in brackets right after the name. */
function hasPersonBracket(ctx: ScanContext, index: number): boolean {
  const [open, inner, close] = [ctx.tokens[index + 1], ctx.tokens[index + 2], ctx.tokens[index + 3]];
  if (open?.text !== '(' || close?.text !== ')' || !inner) return false;
  if (inner.kind === 'number') return /^\d{1,2}$/u.test(inner.text);
  return ['CDU', 'CSU', 'SPD', 'FDP', 'AfD', 'Grüne', 'Grünen', 'Linke', 'BSW', 'ÖVP', 'SPÖ', 'FPÖ', 'SVP', 'R', 'D'].includes(inner.text);
}

/**
 * Two or three capitalised words that no list knows and that are not common words
 * ("Grant Leadbitter", "Hagar Shmoulefeld Finer"): mostly people in news text. Not at a
 * sentence start, and the first word must not look like a German adjective ("Neuen Presse").
 */
export function matchUnknownName(ctx: ScanContext, index: number): Span | undefined {
  // German nouns the lists miss ("Kreisstadt Torgau", "Berufsbild Märtyrer") make this rule useless there.
  if (ctx.language === 'de' || ctx.starts.has(index) || !isUnknownNameWord(ctx, index) || !isUnknownNameWord(ctx, index + 1)) return undefined;
  const first = ctx.tokens[index]?.text ?? '';
  if (/(?:e|en|er|es|em)$/u.test(first) || !isAdjacent(ctx, index + 1)) return undefined;
  const last = isUnknownNameWord(ctx, index + 2) && isAdjacent(ctx, index + 2) ? index + 2 : index + 1;
  return { first: index, last, type: 'person' };
}

/** A capitalised word right before a surname that can be a given name no list knows. */
export function isUnlistedGivenName(ctx: ScanContext, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || !isAdjacent(ctx, index + 1) || !isSurname(ctx, index, true) || token.text.includes('-')) return false;
  if (genitiveBase(token.text) !== undefined || ctx.aliasTables.some((table) => table.has(token.text))) return false;
  return !ctx.starts.has(index) || !ctx.g.commonNouns.has(token.text);
}

function isUnknownNameWord(ctx: ScanContext, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || !isSurname(ctx, index, true) || token.text.length < 3) return false;
  return !ctx.aliasTables.some((table) => table.has(token.text));
}

function hasSpeechAfter(ctx: ScanContext, index: number): boolean {
  const after = ctx.tokens[index + 1];
  if (after === undefined || after.kind !== 'word' || !ctx.g.speechAfter.has(after.text.toLowerCase())) return false;
  return !pluralVerbOfOne(ctx, index, after.text);
}

/** A capitalised word that can be a surname: "Duysak", "Müller-Sönksen", not "Mitarbeiter". */
export function isSurname(ctx: ScanContext, index: number, lone = false): boolean {
  const token = ctx.tokens[index];
  if (token === undefined || !isNameWord(ctx.g, token) || token.allCaps) return false;
  if (token.text.length < 2) return false;
  // After a given name "Cook" and "Gates" are surnames; alone they are English words.
  return !(lone && ctx.language !== 'de' && isEnglishCommonWord(token.text));
}

/** Name parts are separated by one space, not by a line break or a comma. */
function isAdjacent(ctx: ScanContext, index: number): boolean {
  const token = ctx.tokens[index];
  const before = ctx.tokens[index - 1];
  return token !== undefined && before !== undefined && token.start - before.end <= 1 && before.text !== ',';
}
