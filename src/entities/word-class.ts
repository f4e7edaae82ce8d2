/**
 * Is this capitalised word a name at all? German capitalises every noun, so capitalisation is
 * weak evidence: these checks rule out stopwords, listed common nouns, typical noun endings
 * ("-ung", "-heit", "-schaft"), role words, and (for English) words the English lexicon knows.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Gazetteer } from './gazetteer.ts';
import type { Token } from './tokens.ts';
import { wordFacts } from './word-facts.ts';

export function isStopword(g: Gazetteer, text: string): boolean {
  const facts = wordFacts(text);
  facts.stopword ??= g.stopwords.has(text) || g.stopwords.has(text.toLowerCase());
  return facts.stopword;
}

/** Listed common noun, or a typical noun ending after a stem of at least four letters. */
export function isCommonNoun(g: Gazetteer, text: string): boolean {
  const facts = wordFacts(text);
  facts.commonNoun ??= computeCommonNoun(g, text);
  return facts.commonNoun;
}

function computeCommonNoun(g: Gazetteer, text: string): boolean {
  if (g.commonNouns.has(text)) return true;
  const lower = text.toLowerCase();
  // "-ischen" is an adjective ending ("Medizinischen"), not the diminutive "-chen".
  if (/isch(?:e|en|er|es|em)?$/u.test(lower)) return false;
  return g.nounSuffixes.some((suffix) => lower.endsWith(suffix) && lower.length - suffix.length >= 4);
}

/** "Präsident", "US-Präsident", "Bundeskanzlerin", "Präsidenten", "Ex-Chef" all announce a name. */
export function isRoleWord(g: Gazetteer, text: string): boolean {
  const facts = wordFacts(text);
  facts.roleWord ??= computeRoleWord(g, text);
  return facts.roleWord;
}

function computeRoleWord(g: Gazetteer, text: string): boolean {
  const lower = text.toLowerCase().replace(/\.$/u, '');
  const last = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
  if (g.roleWords.has(last) || g.roleWords.has(uninflected(last))) return true;
  // German compounds: "Bundeskanzlerin", "Konzernchef" end in a role word of four letters or more.
  for (let cut = 3; cut <= last.length - 4; cut += 1) {
    const tail = last.slice(cut);
    if (g.roleWords.has(tail) || (tail.length >= 6 && g.roleWords.has(uninflected(tail)))) return true;
  }
  return false;
}

/** "Präsidenten" → "präsident", "Ministers" → "minister"; short words stay as they are. */
function uninflected(lower: string): string {
  return lower.length >= 6 ? lower.replace(/(?:en|n|s)$/u, '') : lower;
}

/** A capitalised word that can be (part of) a name: not a stopword, common noun or role word. */
export function isNameWord(g: Gazetteer, token: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word' || !token.cap) return false;
  const text = token.text;
  const facts = wordFacts(text);
  facts.nameWord ??= !isStopword(g, text) && !g.commonNouns.has(text) && !isRoleWord(g, text) && !isCommonNoun(g, text);
  return facts.nameWord;
}

/** A listed given name, also hyphenated ("Hans-Dietrich", "Jean-Pierre"). */
export function isFirstName(g: Gazetteer, token: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word') return false;
  if (g.firstNames.has(token.text)) return true;
  return token.text.includes('-') && token.text.split('-').every((part) => g.firstNames.has(part));
}

/** A listed surname, or its German genitive ("Müllers"). */
export function isListedSurname(g: Gazetteer, text: string): boolean {
  if (g.surnames.has(text)) return true;
  const base = genitiveBase(text);
  return base !== undefined && g.surnames.has(base);
}

/**
 * "Müllers" → "Müller": the word without a final "s" after another character (what /[^s]s$/u
 * tests), else undefined. Called for most words, so without a regex.
 */
export function genitiveBase(word: string): string | undefined {
  return word.length >= 2 && word.endsWith('s') && word[word.length - 2] !== 's' ? word.slice(0, -1) : undefined;
}

/** A single upper-case letter followed by a dot: "H. Dietz", "George W. Bush". */
export function isInitial(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (token === undefined || token.text.length !== 1) return false;
  const next = tokens[index + 1];
  // "H. Dietz", and "Robert R . Livingston" in text tokenised with spaces.
  return next?.text === '.' && next.start - token.end <= 1 && /^\p{Lu}$/u.test(token.text);
}

const PARTICLES = new Set([
  'von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'zu', 'vom', 'ten', 'ter', 'bin', 'al', 'el', 'ibn', 'Mc', 'St.',
]);

export function isParticle(token: Token | undefined): boolean {
  return token !== undefined && PARTICLES.has(token.text);
}

let englishCommon: Set<string> | undefined;

/**
 * Lower-case English words from natural's Brill lexicon (pos-js, MIT): a sentence-initial
 * "The" or "Will" is a common word, not a name. Loaded once, on first English text.
 */
export function isEnglishCommonWord(text: string): boolean {
  englishCommon ??= new Set(readFileSync(ENGLISH_COMMON_WORDS, 'utf8').split('\n'));
  const facts = wordFacts(text);
  facts.englishCommon ??= englishCommon.has(text.toLowerCase());
  return facts.englishCommon;
}

/**
 * The lexicon's words (`englishCommonWords`) as shipped: every analysing thread reads them, and the list
 * loads in ~15 ms where parsing the 4 MB lexicon and filtering its 92,662 entries took ~180 ms.
 * `scripts/build-english-words.ts` writes it; a test checks that it still matches natural's lexicon.
 */
export const ENGLISH_COMMON_WORDS = new URL('../../data/gazetteer/english-common-words.txt', import.meta.url);

/** natural's Brill lexicon (from pos-js, MIT): word → part-of-speech tags. */
export function readBrillLexicon(): Record<string, unknown> {
  const path = createRequire(import.meta.url).resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const LOWER_FIRST = /^\p{Ll}/u;

/** The lexicon's words that start in lower case and are not only proper nouns (NNP, NNPS), sorted. */
export function englishCommonWords(lexicon: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const word in lexicon) {
    const tags = lexicon[word];
    if (LOWER_FIRST.test(word) && Array.isArray(tags) && !tags.every((tag) => typeof tag === 'string' && tag.startsWith('NNP'))) out.push(word);
  }
  return out.sort();
}
