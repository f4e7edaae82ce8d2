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
}

// Order matters: URLs and handles before words, dotted abbreviations ("e.V.", "U.S.") before words.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?://|www\.)[^\s<>"'()\[\]]+|(?:twitter|x|bsky|threads|instagram|linkedin|youtube|tiktok)\.(?:com|app|net)/[^\s<>"'()\[\]]+)`,
    String.raw`(?<handle>@[\p{L}\p{N}_]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)`,
    String.raw`(?<abbrev>(?:\p{L}\.){2,}|(?:Inc|Ltd|Corp|Co|Dr|Prof|St|Mr|Mrs|Ms|Jr|Sr|Hr|Fr|Nr)\.)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(?<number>\p{N}+(?:[.,:/-]\p{N}+)*(?:[-][\p{L}]+)*)`,
    String.raw`(?<punct>\S)`,
  ].join('|'),
  'gu',
);

const UPPER_RE = /^\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTERS_RE = /\p{L}.*\p{L}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const kind = tokenKind(match.groups);
    const value = match[0];
    let end = match.index + value.length;
    let surface = value;
    if (kind === 'url') {
      // Trailing sentence punctuation belongs to the sentence, not the link.
      surface = value.replace(/[.,;:!?]+$/u, '');
      end = match.index + surface.length;
    }
    const possessive = kind === 'word' ? /['’]s$/u.exec(surface) : null;
    if (possessive && surface.length > 3) {
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

function tokenKind(groups: Record<string, string | undefined> | undefined): TokenKind {
  if (!groups) return 'punct';
  if (groups.word !== undefined) return 'word';
  if (groups.punct !== undefined) return 'punct';
  if (groups.number !== undefined) return 'number';
  if (groups.abbrev !== undefined) return 'abbrev';
  if (groups.handle !== undefined) return 'handle';
  return groups.url !== undefined ? 'url' : 'punct';
}

function makeToken(text: string, start: number, end: number, kind: TokenKind): Token {
  const wordish = kind === 'word' || kind === 'abbrev';
  return {
    text,
    start,
    end,
    kind,
    cap: wordish && UPPER_RE.test(text),
    allCaps: wordish && LETTERS_RE.test(text) && !LOWER_RE.test(text),
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
