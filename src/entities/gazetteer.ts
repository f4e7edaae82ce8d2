/**
 * The shipped gazetteer (data/gazetteer/*.txt, each list documented in its SOURCE.md), read once
 * on first use. Lists are plain text so a researcher can extend them without touching code.
 */
import { readFileSync } from 'node:fs';
import type { EntityType } from '../domain/types.ts';
import { germanStemmer } from '../language/stemmers.ts';
import { tokenize } from './tokens.ts';
import { isEnglishCommonWord } from './word-class.ts';

export interface AliasEntry {
  /** Token texts of the alias as written ("Twitter", "Inc."). */
  tokens: string[];
  name: string;
  type: EntityType;
}

export interface Gazetteer {
  /** Alias entries by their first token, longest first. */
  aliases: Map<string, AliasEntry[]>;
  /** Handles ("realdonaldtrump", lower case) whose owner the gazetteer knows. */
  handleOwners: Map<string, string>;
  firstNames: Set<string>;
  /** Frequent surnames that are not also common words. */
  surnames: Set<string>;
  roleWords: Set<string>;
  speechBefore: Set<string>;
  speechAfter: Set<string>;
  /** Finite verbs that mark a bare capitalised word beside them as a subject. */
  verbs: Set<string>;
  orgSuffixes: Set<string>;
  /** Head nouns of organisation names, lower case. */
  orgHeads: Set<string>;
  clubPrefixes: Set<string>;
  clubSuffixes: Set<string>;
  commonNouns: Set<string>;
  nounSuffixes: string[];
  notOrgAcronyms: Set<string>;
  accountWords: Set<string>;
  /** Nouns that introduce an organisation name after them, lower case. */
  orgIntroWords: Set<string>;
  stopwords: Set<string>;
}

const DATA_DIR = new URL('../../data/gazetteer/', import.meta.url);

let cached: Gazetteer | undefined;

/** The shipped gazetteer, loaded on first call and kept. */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

export function germanStem(word: string): string {
  return germanStemmer.stem(word.toLowerCase());
}

function buildGazetteer(): Gazetteer {
  const aliases = new Map<string, AliasEntry[]>();
  const handleOwners = new Map<string, string>();
  const aliasFiles: Array<[string, EntityType]> = [
    ['people.txt', 'person'], ['organizations.txt', 'organization'], ['outlets.txt', 'organization'],
    ['parties.txt', 'organization'], ['agencies.txt', 'organization'], ['clubs.txt', 'organization'],
    ['locations.txt', 'location'], ['products.txt', 'product'],
  ];
  for (const [file, type] of aliasFiles) {
    for (const line of readLines(file)) addAliasLine(aliases, handleOwners, line, type);
  }
  sortAliases(aliases);
  const speech = sections(readLines('speech-verbs.txt'));
  const clubs = sections(readLines('club-prefixes.txt'));
  return {
    aliases,
    handleOwners,
    firstNames: new Set(words('first-names.txt').flatMap(spellings)),
    surnames: new Set(words('surnames.txt').flatMap(spellings)),
    roleWords: new Set(words('role-words.txt').map((word) => word.toLowerCase())),
    speechBefore: new Set(speech.get('@before') ?? []),
    speechAfter: new Set(speech.get('@after') ?? []),
    verbs: new Set(speech.get('@verbs') ?? []),
    orgSuffixes: new Set(words('org-suffixes.txt')),
    orgHeads: new Set(words('org-heads.txt').map((word) => word.toLowerCase())),
    clubPrefixes: new Set(clubs.get('') ?? []),
    clubSuffixes: new Set(clubs.get('@after') ?? []),
    commonNouns: new Set(words('common-nouns-de.txt')),
    nounSuffixes: words('noun-suffixes.txt').sort((a, b) => b.length - a.length),
    notOrgAcronyms: new Set(words('acronyms-not-org.txt')),
    accountWords: new Set(words('account-words.txt').map((word) => word.toLowerCase())),
    orgIntroWords: new Set(words('org-intro-words.txt').map((word) => word.toLowerCase())),
    stopwords: new Set([...words('stopwords-de.txt'), ...words('stopwords-en.txt')]),
  };
}

/** "Canonical | alias | @handle": every form links to the canonical name; @handles record an owner. */
export function addAliasLine(
  aliases: Map<string, AliasEntry[]>, handleOwners: Map<string, string>, line: string, type: EntityType,
): void {
  const forms = line.split('|').map((form) => form.trim()).filter(Boolean);
  const name = forms[0];
  if (name === undefined) return;
  for (const form of forms) {
    if (form.startsWith('@')) {
      handleOwners.set(form.slice(1).toLowerCase(), name);
      continue;
    }
    for (const spelling of spellings(form)) {
      const tokens = tokenize(spelling).map((token) => token.text);
      addAlias(aliases, { tokens, name, type });
      const declined = declinedFirstWord(tokens);
      if (declined) addAlias(aliases, { tokens: declined, name, type });
    }
  }
}

/**
 * A listed form and the forms English and wire copy write it in without its accents: "Viktor Orbán" is also
 * "Viktor Orban", "Pedro Sánchez" "Pedro Sanchez", "Markus Söder" "Markus Soeder" and "Markus Soder", "Zürich"
 * "Zurich". Otherwise the unlisted spelling becomes an entity of its own.
 */
function spellings(form: string): string[] {
  const spelt = form.replace(/[ÄÖÜäöü]/gu, (c) => UMLAUTS[c] ?? c).replace(/ß/gu, 'ss');
  const bare = form.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').replace(/ß/gu, 'ss');
  // "Löw" is no "Low": a one-word spelling that is an English word is left out
  const variants = [spelt, bare].filter((v) => v !== form && (/\s/u.test(v) || !isEnglishCommonWord(v)));
  return [...new Set([form, ...variants])];
}

const UMLAUTS: Record<string, string> = { Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ä: 'ae', ö: 'oe', ü: 'ue' };

/** A German name opened by an adjective ("Europäische Union", "Weißes Haus", "Oberster Gerichtshof"). */
const GERMAN_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:e|es|er)$/u;

/**
 * The weak "-en" form of a name's opening adjective: "der Europäischen Union", "den Vereinten Nationen",
 * "im Weißen Haus", "der Deutschen Bahn" are the same bodies. (An English name gets a form no text writes.)
 */
function declinedFirstWord(tokens: readonly string[]): string[] | undefined {
  const [first, ...rest] = tokens;
  if (first === undefined || rest.length === 0 || !GERMAN_ADJECTIVE.test(first)) return undefined;
  return [first.replace(/(?:e|es|er)$/u, 'en'), ...rest];
}

export function addAlias(aliases: Map<string, AliasEntry[]>, entry: AliasEntry): void {
  const first = entry.tokens[0];
  if (first === undefined) return;
  const list = aliases.get(first) ?? [];
  list.push(entry);
  aliases.set(first, list);
}

export function sortAliases(aliases: Map<string, AliasEntry[]>): void {
  for (const list of aliases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
}

function readLines(file: string): string[] {
  return readFileSync(new URL(file, DATA_DIR), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function words(file: string): string[] {
  return readLines(file).flatMap((line) => line.split(/\s+/u));
}

/** Lines starting with "@name" open a section; words before any section go under "". */
function sections(lines: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const parts = line.split(/\s+/u);
    const key = parts[0]?.startsWith('@') ? parts.shift() ?? '' : '';
    out.set(key, [...(out.get(key) ?? []), ...parts]);
  }
  return out;
}
