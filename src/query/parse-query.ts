/**
 * The query language a researcher types: words, "exact phrases", AND / OR / NOT (and -word), parentheses
 * and fields (entity:, type:, source:, lang:, since:, until:, story:, account:). Pure: returns the syntax
 * tree or one line saying where the query is wrong.
 *
 *   query  := or EOF
 *   or     := and (OR and)*
 *   and    := unary ((AND)? unary)*        -- juxtaposition means AND
 *   unary  := (NOT | -) unary | primary
 *   primary:= ( or ) | "phrase" | word | field:value | field:"value"
 */
import { ENTITY_TYPES, FIELDS, type FieldName, type QueryAst } from './ast.ts';
import { lex, type Token } from './lexer.ts';
import { words } from './text-tokens.ts';
import { parseDateValue } from './date-values.ts';

export type { ParseResult } from './ast.ts';

class QueryError extends Error {}

export function parseQuery(text: string): { ok: true; query: QueryAst } | { ok: false; error: string } {
  const lexed = lex(text);
  if (!lexed.ok) return lexed;
  if (lexed.tokens.length === 0) return { ok: false, error: 'empty query' };
  try {
    const parser = new Parser(lexed.tokens, text.length + 1);
    return { ok: true, query: parser.parse() };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message };
    throw error;
  }
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly endColumn: number,
  ) {}

  parse(): QueryAst {
    const query = this.or();
    const rest = this.peek();
    if (rest) throw new QueryError(rest.type === 'rparen' ? `unmatched ')' at column ${rest.column}` : `unexpected ${describe(rest)} at column ${rest.column}`);
    return query;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  private or(): QueryAst {
    const children = [this.and()];
    while (this.peek()?.type === 'or') {
      this.next();
      children.push(this.and());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private and(): QueryAst {
    const children = [this.unary()];
    for (;;) {
      const token = this.peek();
      if (!token || token.type === 'or' || token.type === 'rparen') break;
      if (token.type === 'and') this.next();
      children.push(this.unary());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private unary(): QueryAst {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'minus') {
      this.next();
      return { kind: 'not', child: this.unary() };
    }
    return this.primary();
  }

  private primary(): QueryAst {
    const token = this.next();
    if (!token) throw new QueryError(`query ends too early at column ${this.endColumn}: a term is missing`);
    switch (token.type) {
      case 'lparen': {
        if (this.peek()?.type === 'rparen') throw new QueryError(`empty parentheses at column ${token.column}`);
        const inner = this.or();
        if (this.next()?.type !== 'rparen') throw new QueryError(`missing ')' for '(' at column ${token.column}`);
        return inner;
      }
      case 'word':
        return wordNode(token.text, token.column);
      case 'phrase': {
        const tokens = words(token.text);
        if (tokens.length === 0) throw new QueryError(`empty phrase at column ${token.column}`);
        return { kind: 'phrase', text: token.text, tokens };
      }
      case 'field':
        return fieldNode(token.name, token.value, token.column);
      default:
        throw new QueryError(`${describe(token)} at column ${token.column} needs a term ${token.type === 'rparen' ? 'before it' : 'on both sides'}`);
    }
  }
}

function wordNode(text: string, column: number): QueryAst {
  const prefix = text.length > 1 && text.endsWith('*');
  const tokens = words(prefix ? text.slice(0, -1) : text);
  if (tokens.length === 0) throw new QueryError(`nothing to search for in "${text}" at column ${column}`);
  return { kind: 'term', text, tokens, prefix };
}

function fieldNode(name: string, raw: string, column: number): QueryAst {
  const field = name.toLowerCase() as FieldName;
  if (!FIELDS.includes(field)) {
    throw new QueryError(`unknown field "${name}:" at column ${column} (known: ${FIELDS.map((f) => `${f}:`).join(' ')})`);
  }
  const value = raw.trim();
  if (!value) throw new QueryError(`${field}: needs a value at column ${column}`);
  return { kind: 'field', field, value: checkValue(field, value, column) };
}

function checkValue(field: FieldName, value: string, column: number): string {
  const lower = value.toLowerCase();
  switch (field) {
    case 'lang':
      if (!['de', 'en', 'und'].includes(lower)) throw new QueryError(`lang: expects de or en at column ${column} (got "${value}")`);
      return lower;
    case 'type':
      if (!(ENTITY_TYPES as readonly string[]).includes(lower)) {
        throw new QueryError(`type: expects one of ${ENTITY_TYPES.join(', ')} at column ${column} (got "${value}")`);
      }
      return lower;
    case 'story':
      if (!/^[1-9]\d{0,15}$/.test(value)) throw new QueryError(`story: expects a story id (a number) at column ${column} (got "${value}")`);
      return value;
    case 'since':
    case 'until':
      if (!parseDateValue(value, field, new Date(0))) {
        throw new QueryError(`${field}: expects a date like 2017-11-01 or a duration like 7d at column ${column} (got "${value}")`);
      }
      return value;
    case 'account':
      if (!/^@?[\p{L}\p{N}_.]+$/u.test(value)) throw new QueryError(`account: expects a handle like @realDonaldTrump at column ${column}`);
      return value.replace(/^@/, '');
    default:
      return value;
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'and':
      return 'AND';
    case 'or':
      return 'OR';
    case 'not':
      return 'NOT';
    case 'minus':
      return "'-'";
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    default:
      return token.type;
  }
}
