/**
 * Tokenizer with UTF-16 offsets. natural's tokenizers drop offsets and split "e.V." or
 * "@user@instance", so entity spans need their own: one pass, sticky patterns per kind, no allocation per char.
 */

export type TokenKind = 'url' | 'handle' | 'abbrev' | 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Two or more letters, none lower case ("CDU", "BMW", "n-tv" is not). */
  allCaps: boolean;
  /** Some letter is upper case ("eBay", "1,5-Fach"), whatever the kind. */
  upper: boolean;
}

// Order matters: URLs and handles before words, dotted abbreviations ("e.V.", "U.S.") before words. At each
// position the first kind that matches wins, as in one alternation of these patterns in this order.
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'()\[\]]+|(?:twitter|x|bsky|threads|instagram|linkedin|youtube|tiktok)\.(?:com|app|net)\/[^\s<>"'()\[\]]+/uy;
const HANDLE_RE = /@[\p{L}\p{N}_]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/uy;
const ABBREV_RE = /(?:\p{L}\.){2,}|(?:Inc|Ltd|Corp|Co|Dr|Prof|St|Mr|Mrs|Ms|Jr|Sr|Hr|Fr|Nr)\./uy;
const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*/uy;
const NUMBER_RE = /\p{N}+(?:[.,:/-]\p{N}+)*(?:[-][\p{L}]+)*/uy;
const SPACE_RE = /\s+/uy;
/** First letters of the URL pattern's alternatives: other tokens skip it. */
const URL_FIRST = new Set('hwtxbily');

/** The end of a match of a sticky pattern at `at`, or -1 (`test` sets lastIndex without a match array). */
function matchEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** A "." one to four characters on: the only places a dotted abbreviation or "Prof." can end its first part. */
function dotSoon(text: string, at: number): boolean {
  for (let i = at + 1; i <= at + 4; i += 1) if (text.charCodeAt(i) === 46) return true;
  return false;
}

/** The kind and end of the token starting at `at` (a non-space character). */
function nextToken(text: string, at: number): { kind: TokenKind; end: number } {
  const first = text[at]!;
  let end = URL_FIRST.has(first) ? matchEnd(URL_RE, text, at) : -1;
  if (end >= 0) return { kind: 'url', end };
  if (first === '@' && (end = matchEnd(HANDLE_RE, text, at)) >= 0) return { kind: 'handle', end };
  if (dotSoon(text, at) && (end = matchEnd(ABBREV_RE, text, at)) >= 0) return { kind: 'abbrev', end };
  if ((end = matchEnd(WORD_RE, text, at)) >= 0) return { kind: 'word', end };
  if ((end = matchEnd(NUMBER_RE, text, at)) >= 0) return { kind: 'number', end };
  // any other character, a surrogate pair as one
  const code = text.charCodeAt(at);
  const pair = code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
  return { kind: 'punct', end: at + (pair ? 2 : 1) };
}

/**
 * The tokens of a text: runs of whitespace separate them, and at each token's start one sticky pattern per
 * kind is tried in order (`test`, which allocates no match array: an array per token was most of the
 * analysis worker's garbage).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = matchEnd(SPACE_RE, text, at);
    if (space >= 0) {
      at = space;
      if (at >= text.length) break;
    }
    const { kind, end: matchedEnd } = nextToken(text, at);
    const value = text.slice(at, matchedEnd);
    let end = matchedEnd;
    let surface = value;
    if (kind === 'url') {
      // Trailing sentence punctuation belongs to the sentence, not the link.
      surface = value.replace(/[.,;:!?]+$/u, '');
      end = at + surface.length;
    }
    if (kind === 'word' && surface.length > 3 && isPossessive(surface)) {
      // "Trump's": the name ends before the possessive.
      tokens.push(makeToken(surface.slice(0, -2), at, end - 2, kind));
      tokens.push(makeToken(surface.slice(-2), end - 2, end, 'punct'));
      at = matchedEnd;
      continue;
    }
    tokens.push(makeToken(surface, at, end, kind));
    if (surface.length < value.length) {
      for (let i = surface.length; i < value.length; i += 1) {
        tokens.push(makeToken(value[i] ?? '', at + i, at + i + 1, 'punct'));
      }
    }
    at = matchedEnd;
  }
  return tokens;
}

/** Ends in "'s" or "’s" (the last letter first: most words do not end in "s"). */
function isPossessive(word: string): boolean {
  if (!word.endsWith('s')) return false;
  const apostrophe = word[word.length - 2];
  return apostrophe === "'" || apostrophe === '’';
}

function makeToken(text: string, start: number, end: number, kind: TokenKind): Token {
  const wordish = kind === 'word' || kind === 'abbrev';
  const shape = letterShape(text);
  return { text, start, end, kind, cap: wordish && shape.cap, allCaps: wordish && shape.allCaps, upper: shape.upper };
}

interface LetterShape {
  cap: boolean;
  allCaps: boolean;
  upper: boolean;
}

const UPPER_RE = /^\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTERS_RE = /\p{L}.*\p{L}/u;
const ANY_UPPER_RE = /\p{Lu}/u;

/**
 * Capitals of a token's text. A loop over the ASCII letters settles most of it far cheaper than the
 * Unicode regexes (an a-z rules out all capitals, an A-Z is a capital); the regexes answer the rest.
 */
function letterShape(text: string): LetterShape {
  let letters = 0;
  let lower = false;
  let upper = false;
  let ascii = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      lower = true;
      letters += 1;
    } else if (c >= 65 && c <= 90) {
      upper = true;
      letters += 1;
    } else if (c > 127) ascii = false;
  }
  const first = text.charCodeAt(0);
  return {
    cap: first > 127 ? UPPER_RE.test(text) : first >= 65 && first <= 90,
    allCaps: !lower && (ascii ? letters >= 2 : LETTERS_RE.test(text) && !LOWER_RE.test(text)),
    upper: upper || (!ascii && ANY_UPPER_RE.test(text)),
  };
}

/** Sentence starts: first token, or after . ! ? : and opening quotes (capitalisation is no evidence there). */
export function sentenceStarts(tokens: Token[]): Set<number> {
  const starts = new Set<number>();
  let expecting = true;
  tokens.forEach((token, index) => {
    if (token.kind === 'punct' && /["„“”«»‚‘'(\[–-]/u.test(token.text)) return;
    if (expecting) starts.add(index);
    // "am 19. Juli", "im 15. Jahrhundert": a dot after a short number is an ordinal, not a full stop.
    const ordinal = token.text === '.' && /^\d{1,2}$/u.test(tokens[index - 1]?.text ?? '');
    expecting = token.kind === 'punct' && /[.!?:;|…]/u.test(token.text) && !ordinal;
  });
  return starts;
}
