import type { DetectedLanguage, EntityRef, Language } from '../domain/types.ts';
import { stem } from '../language/stemmers.ts';
import { wordLists } from './word-lists.ts';

/**
 * Raw features of an article, before weighting. Feature keys carry a namespace:
 *   w:<lang>:<stem>  a content word of one language (TF-IDF within a language)
 *   n:<form>         a name-like token, number, handle or product token (language-neutral)
 *   e:<name>         a canonical entity from the entities stage (language-neutral)
 *   x:<concept>      a frequent news word mapped through the bilingual lexicon (language-neutral;
 *                    it takes the place of the word's w: stem)
 *   g:<4 letters>    a character 4-gram of a German content word (German only, see GRAM)
 *   a:<years>        a person's age (language-neutral, see AGE)
 */
export type TermCounts = ReadonlyMap<string, number>;
type Counts = Map<string, number>;

export interface FeatureInput {
  title: string;
  text: string;
  language: DetectedLanguage;
  entities: EntityRef[];
}

/** Title words say what the story is; the body adds detail. */
const TITLE_BOOST = 3;
/** Entities repeat names already counted from the text; they add the canonical form, not more weight. */
const ENTITY_WEIGHT = 0.5;
const TOKEN = /[@#]?[\p{L}\p{N}]+(?:[’'.,\-_][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\d[\d.,]*$/u;
/** The characters that join the parts of a token ("CDU-Fraktion", "Trump's", "3.5"). */
const JOINER = /[’'.,\-_]/u;
/**
 * A person's age ("22-Jährige", "22-year-old") is a fact of one incident: reports of it give the
 * same ages, while reports of different incidents of one kind (police reports of one office)
 * give different ones. It is an `a:` feature, not a number, and ages that conflict keep two
 * articles apart (see similarity.ts).
 */
const AGE = /^(\d{1,3})-(?:j[äa]hrig|year-old)/iu;
/**
 * A capitalised word stays a name unless it is written in lower case at least a third as often:
 * noisy text (machine translation, a typo, a slug) writes a name in lower case now and then, and
 * one such slip ("kalbitz ist kein AfD-Mitglied" beside seven "Kalbitz") must not erase it.
 */
const NAME_RATIO = 3;

export function isNeutralFeature(key: string): boolean {
  return !key.startsWith('w:') && !key.startsWith('g:');
}

/**
 * German glues words into compounds ("Hamburger CDU-Fraktion" / "Hamburgs CDU",
 * "Flüchtlingsabkommen" / "Flüchtlinge"), which stems do not meet; character 4-grams of the
 * German content words do. They form a part of the vector of their own (see `composeVector`).
 */
export const GRAM = 4;

export function isGramFeature(key: string): boolean {
  return key.startsWith('g:');
}

/** `featureCounts` as a record (for reading and tests). */
export function articleFeatures(input: FeatureInput): Record<string, number> {
  return Object.fromEntries(featureCounts(input));
}

/**
 * The article's raw features, in the order first met. A Map, not a record: the keys are built strings,
 * which a record would intern on every add, and an article's thousand-odd keys put a record in dictionary
 * mode, where every later walk over it sorts its keys again.
 */
export function featureCounts(input: FeatureInput): TermCounts {
  const language: Language = input.language === 'de' ? 'de' : 'en';
  const counts: Counts = new Map();
  const lowerSeen: Counts = new Map();
  const nameCandidates: Array<[string, number]> = [];
  for (const [field, boost] of [
    [input.title, TITLE_BOOST],
    [input.text, 1],
  ] as const) {
    // match(), not matchAll(): the strings alone, without an array and index per token
    for (const token of field.match(TOKEN) ?? []) {
      addToken(token, boost, language, counts, lowerSeen, nameCandidates);
    }
  }
  addNames(nameCandidates, lowerSeen, counts);
  for (const entity of input.entities) {
    add(counts, `e:${nameKey(entity.name)}`, ENTITY_WEIGHT);
    if (entity.owner) add(counts, `e:${nameKey(entity.owner)}`, ENTITY_WEIGHT);
  }
  return counts;
}

function addToken(
  token: string,
  boost: number,
  language: Language,
  counts: Counts,
  lowerSeen: Counts,
  names: Array<[string, number]>,
): void {
  const first = token[0];
  if (first === '@' || first === '#') {
    if (token.length > 2) add(counts, `n:${first === '@' ? '@' : ''}${fold(token.slice(1))}`, boost);
    return;
  }
  const digitFirst = first !== undefined && first >= '0' && first <= '9';
  if (digitFirst && NUMBER.test(token)) {
    const number = normaliseNumber(token);
    if (number.length >= 2) add(counts, `n:${number}`, boost);
    return;
  }
  // most tokens are one plain word: no parts to split, no age to look for
  if (!JOINER.test(token)) {
    addWord(token, boost, language, counts, lowerSeen, names);
    return;
  }
  const age = digitFirst ? AGE.exec(token) : null;
  if (age) add(counts, `a:${age[1]}`, boost);
  for (const part of token.replace(/['’]s$/u, '').split(JOINER)) {
    if (!age || part !== age[1]) addWord(part, boost, language, counts, lowerSeen, names);
  }
}

function addWord(
  word: string,
  boost: number,
  language: Language,
  counts: Counts,
  lowerSeen: Counts,
  names: Array<[string, number]>,
): void {
  if (word.length < 2) return;
  const features = wordFeatures(word, language);
  if (!features) return;
  for (const key of features.keys) add(counts, key, boost);
  if (features.lower !== undefined) add(lowerSeen, features.lower, 1);
  else if (features.name) names.push([word, boost]);
}

/** What one word adds: its feature keys in order, and whether it is lower case or a name candidate. */
interface WordFeatures {
  keys: string[];
  /** Set when the word is all lower case (it then is no name anywhere in the article). */
  lower?: string;
  name: boolean;
}

const WORD_CACHE_LIMIT = 200_000;
const wordCache: Record<Language, Map<string, WordFeatures | null>> = { de: new Map(), en: new Map() };

/** Memoised per word: a text repeats its words, and news repeats its vocabulary. */
function wordFeatures(word: string, language: Language): WordFeatures | null {
  const cache = wordCache[language];
  let out = cache.get(word);
  if (out === undefined) {
    out = computeWordFeatures(word, language);
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}

function computeWordFeatures(word: string, language: Language): WordFeatures | null {
  const lower = word.toLowerCase();
  const { stopwords, concepts } = wordLists();
  if (stopwords[language].has(lower)) return null;
  if (/\d/u.test(word)) {
    // product-like tokens (A380, iOS17, G20) identify things across languages
    return { keys: [`n:${fold(word)}`], name: false };
  }
  const stemmed = stem(lower, language);
  const keys = [`w:${language}:${stemmed}`];
  if (language === 'de') {
    const folded = fold(word);
    for (let i = 0; i + GRAM <= folded.length; i++) keys.push(`g:${folded.slice(i, i + GRAM)}`);
  }
  // a lexicon word counts once, as its concept: counted beside its stem it weighed double within
  // a language (on DEV the concept in place of the stem: headlines B-cubed 0.855 → 0.865, en-en 0.895 → 0.921)
  const concept = concepts[language].get(stemmed);
  if (concept) keys[0] = `x:${concept}`;
  if (word === lower) return { keys, lower, name: false };
  return { keys, name: !concept };
}

/**
 * A capitalised word counts as a name unless the same word also occurs in lower case in the
 * article (then it was a sentence start) often enough (see NAME_RATIO). German capitalises nouns,
 * so German nouns also pass; they rarely match an English text, so they cost little across languages.
 */
function addNames(names: Array<[string, number]>, lowerSeen: Counts, counts: Counts): void {
  const forms = new Set(names.map(([w]) => nameKey(w)));
  const capitalised: Counts = new Map();
  for (const [word] of names) add(capitalised, word.toLowerCase(), 1);
  for (const [word, boost] of names) {
    const lower = word.toLowerCase();
    const lowerCount = lowerSeen.get(lower) ?? 0;
    if (lowerCount > 0 && (capitalised.get(lower) ?? 0) <= NAME_RATIO * lowerCount) continue;
    let key = nameKey(word);
    // German genitive: "Trumps" is "Trump" when the bare form occurs too
    if (key.endsWith('s') && forms.has(key.slice(0, -1))) key = key.slice(0, -1);
    add(counts, `n:${key}`, boost);
  }
}

/**
 * A name's key: folded, with German umlauts and their spelt-out forms collapsed ("Schäfer",
 * "Schaefer", "Schafer" → "schafer"), because English reports write German names all three ways.
 */
export function nameKey(word: string): string {
  const key = fold(word);
  return /ae|oe|ue|ß/u.test(key) ? key.replace(/([aou])e/gu, '$1').replace(/ß/gu, 'ss') : key;
}

/** 1,300 / 1.300 → 1300; 3,4 / 3.4 → 3.4, so that German and English numbers meet. */
export function normaliseNumber(token: string): string {
  const trimmed = token.replace(/[.,]+$/u, '');
  if (/^\d{1,3}([.,]\d{3})+$/u.test(trimmed)) return trimmed.replace(/[.,]/gu, '');
  return trimmed.replace(',', '.');
}

const FOLD_CACHE_LIMIT = 100_000;
const FOLD_CACHED_LENGTH = 40;
const folded = new Map<string, string>();
const ASCII_WORD = /^[A-Za-z0-9]*$/u;

/** Lower case without diacritics, so "Duysak" and "DUYSAK", "Zürich" and "Zurich" meet. */
export function fold(text: string): string {
  // memoised for words: news vocabulary repeats, and the templates fold every word of a text
  // plain ASCII letters and digits only change case
  if (ASCII_WORD.test(text)) return text.toLowerCase();
  if (text.length > FOLD_CACHED_LENGTH) return foldText(text);
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const out = foldText(text);
  if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
  folded.set(text, out);
  return out;
}

function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

function add(counts: Counts, key: string, value: number): void {
  counts.set(key, (counts.get(key) ?? 0) + value);
}
