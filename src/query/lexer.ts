/** Cuts a query string into tokens, each with the 1-based column where it starts (for error messages). */

export type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; column: number }
  | { type: 'word'; text: string; column: number }
  | { type: 'phrase'; text: string; column: number }
  | { type: 'field'; name: string; value: string; quoted: boolean; column: number };

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: string };

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not', '&&': 'and', '||': 'or' };
const SPACE = /\s/;
const FIELD = /^([A-Za-z]+):/;

export function lex(input: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    const column = i + 1;
    if (SPACE.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'lparen' : 'rparen', column });
      i += 1;
      // Only reached at the start of a token: inside a word ("covid-19") the minus is read with the word.
    } else if (char === '-' && i + 1 < input.length && !SPACE.test(input[i + 1]!)) {
      tokens.push({ type: 'minus', column });
      i += 1;
    } else if (char === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) return { ok: false, error: `unclosed quote at column ${column}` };
      tokens.push({ type: 'phrase', text: input.slice(i + 1, end), column });
      i = end + 1;
    } else {
      const read = readWord(input, i);
      if ('error' in read) return { ok: false, error: read.error };
      tokens.push(read.token);
      i = read.next;
    }
  }
  return { ok: true, tokens };
}

function readWord(input: string, start: number): { token: Token; next: number } | { error: string } {
  const column = start + 1;
  const field = FIELD.exec(input.slice(start));
  if (field) {
    const valueStart = start + field[0].length;
    if (input[valueStart] === '"') {
      const end = input.indexOf('"', valueStart + 1);
      if (end < 0) return { error: `unclosed quote at column ${valueStart + 1}` };
      const value = input.slice(valueStart + 1, end);
      return { token: { type: 'field', name: field[1]!, value, quoted: true, column }, next: end + 1 };
    }
    const end = wordEnd(input, valueStart);
    const value = input.slice(valueStart, end);
    return { token: { type: 'field', name: field[1]!, value, quoted: false, column }, next: end };
  }
  const end = wordEnd(input, start);
  const text = input.slice(start, end);
  const operator = OPERATORS[text];
  return { token: operator ? { type: operator, column } : { type: 'word', text, column }, next: end };
}

function wordEnd(input: string, start: number): number {
  let end = start;
  while (end < input.length && !SPACE.test(input[end]!) && !'()"'.includes(input[end]!)) end += 1;
  return end;
}
