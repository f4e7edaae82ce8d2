/**
 * Word tokens for language scoring, shared by the runtime model and scripts/build-language-model.ts
 * so both see exactly the same units. Letters (and inner apostrophes, an English cue) only:
 * digits, punctuation and hyphens split words ("KI-Update" → "ki", "update").
 */

export interface WordToken {
  /** Lower-cased word as scored. */
  word: string;
  /** First letter upper case and some later letter lower case ("Teams", not "KI"). */
  capitalised: boolean;
  /** Starts the text or follows . ! ? : so its capital says nothing. */
  sentenceStart: boolean;
  /** Two or more letters, all capitals ("KI", "USA"): an acronym. */
  upperCase: boolean;
  /** A capital after a small letter ("iPhone", "OutlookBarGroup"): a brand or code name, in no language. */
  innerCapital: boolean;
}

const APOSTROPHES = /’/g;
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;

/** Longest word worth scoring: longer "words" are URLs, hashes or glued junk. */
export const MAX_WORD_LENGTH = 40;

/** The word pattern from a given position (sticky), for its end: `test` makes no match array. */
const WORD_AT = /[\p{L}]+(?:['’][\p{L}]+)*/uy;
const LETTER = /^\p{L}$/u;
const SPACE = /^\s$/u;
/** Per UTF-16 unit: bit 1 known, bit 2 a letter, bit 4 a space (as `\p{L}` and `\s` match it alone). */
const unitFacts = new Uint8Array(65536);

function facts(code: number): number {
  let known = unitFacts[code] ?? 0;
  if (known === 0) {
    const char = String.fromCharCode(code);
    known = 1 | (LETTER.test(char) ? 2 : 0) | (SPACE.test(char) ? 4 : 0);
    unitFacts[code] = known;
  }
  return known;
}

/** Where a word can start at `at`: a letter, or a surrogate pair that is one (an astral letter). */
function letterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  if (code >= 0xd800 && code <= 0xdbff) return (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 && LETTER.test(text.slice(at, at + 2));
  return (facts(code) & 2) !== 0;
}

/** `/[.!?:]\s*$/.test(text.slice(from, to))`: a . ! ? or : before `to`, after nothing but white space. */
function sentenceEndBefore(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || (code >= 128 && (facts(code) & 4) !== 0)) i--;
    else break;
  }
  if (i < from) return false;
  const code = text.charCodeAt(i);
  return code === 46 || code === 33 || code === 63 || code === 58;
}

/**
 * Words as `WORD_AT` matches them, left to right. Each word's start is found by a scan over the characters and
 * its end by a sticky `test`: no match arrays and no slice of the text between words (the language worker's
 * largest garbage after the entity tokens).
 */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let lastEnd = 0;
  let at = 0;
  while (at < text.length) {
    if (!letterAt(text, at)) {
      at++;
      continue;
    }
    WORD_AT.lastIndex = at;
    if (!WORD_AT.test(text)) {
      at++;
      continue;
    }
    const start = at;
    const end = WORD_AT.lastIndex;
    at = end;
    if (end - start > MAX_WORD_LENGTH) continue;
    const surface = text.slice(start, end);
    const sentenceStart = tokens.length === 0 || sentenceEndBefore(text, lastEnd, start);
    lastEnd = end;
    const lower = surface.toLowerCase();
    tokens.push({
      word: lower.includes('’') ? lower.replace(APOSTROPHES, "'") : lower,
      capitalised: isCapitalised(surface),
      sentenceStart,
      // Most words are lower case already: the upper-casing is only needed for the others.
      upperCase: surface.length > 1 && surface !== lower && surface === surface.toUpperCase(),
      innerCapital: INNER_CAPITAL.test(surface),
    });
  }
  return tokens;
}

function isCapitalised(surface: string): boolean {
  const first = surface[0] ?? '';
  if (first === first.toLowerCase()) return false;
  const rest = surface.slice(1);
  return rest !== rest.toUpperCase();
}

/** Normalises a word the way the model's n-gram tables were built: umlauts and ß kept. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(APOSTROPHES, "'");
}
