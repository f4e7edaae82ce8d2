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

const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;
const APOSTROPHES = /’/g;
const SENTENCE_END = /[.!?:]\s*$/;
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;

/** Longest word worth scoring: longer "words" are URLs, hashes or glued junk. */
export const MAX_WORD_LENGTH = 40;

export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let lastEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    if (surface.length > MAX_WORD_LENGTH) continue;
    const before = text.slice(lastEnd, start);
    lastEnd = start + surface.length;
    const lower = surface.toLowerCase();
    tokens.push({
      word: lower.includes('’') ? lower.replace(APOSTROPHES, "'") : lower,
      capitalised: isCapitalised(surface),
      sentenceStart: tokens.length === 0 || SENTENCE_END.test(before),
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
