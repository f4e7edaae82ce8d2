/**
 * Tokenizer with UTF-16 offsets. natural's tokenizers drop offsets and split "e.V." or
 * "@user@instance", so entity spans need their own: one regex, one pass, no allocation per char.
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

// Order matters: URLs and handles before words, dotted abbreviations ("e.V.", "U.S.") before words.
// One capturing group per kind, in KINDS order: the group that matched names the kind.
const KINDS: readonly TokenKind[] = ['url', 'handle', 'abbrev', 'word', 'number', 'punct'];
const TOKEN_RE = new RegExp(
  [
    String.raw`((?:https?://|www\.)[^\s<>"'()\[\]]+|(?:twitter|x|bsky|threads|instagram|linkedin|youtube|tiktok)\.(?:com|app|net)/[^\s<>"'()\[\]]+)`,
    String.raw`(@[\p{L}\p{N}_]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)`,
    String.raw`((?:\p{L}\.){2,}|(?:Inc|Ltd|Corp|Co|Dr|Prof|St|Mr|Mrs|Ms|Jr|Sr|Hr|Fr|Nr)\.)`,
    String.raw`([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(\p{N}+(?:[.,:/-]\p{N}+)*(?:[-][\p{L}]+)*)`,
    String.raw`(\S)`,
  ].join('|'),
  'gu',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // A fresh regex per call keeps tokenize re-entrant; exec with numbered groups allocates less than matchAll's named groups.
  const re = new RegExp(TOKEN_RE);
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    const kind = tokenKind(match);
    const value = match[0];
    let end = match.index + value.length;
    let surface = value;
    if (kind === 'url') {
      // Trailing sentence punctuation belongs to the sentence, not the link.
      surface = value.replace(/[.,;:!?]+$/u, '');
      end = match.index + surface.length;
    }
    if (kind === 'word' && surface.length > 3 && isPossessive(surface)) {
      // "Trump's": the name ends before the possessive.
      tokens.push(makeToken(surface.slice(0, -2), match.index, end - 2, kind));
      tokens.push(makeToken(surface.slice(-2), end - 2, end, 'punct'));
      continue;
    }
    tokens.push(makeToken(surface, match.index, end, kind));
    if (surface.length < value.length) {
      for (let i = surface.length; i < value.length; i += 1) {
        tokens.push(makeToken(value[i] ?? '', match.index + i, match.index + i + 1, 'punct'));
      }
    }
  }
  return tokens;
}

function tokenKind(match: RegExpExecArray): TokenKind {
  // Words are most tokens: test their group first.
  if (match[4] !== undefined) return 'word';
  for (let group = 1; group <= KINDS.length; group += 1) {
    if (match[group] !== undefined) return KINDS[group - 1] ?? 'punct';
  }
  return 'punct';
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
