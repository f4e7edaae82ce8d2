/**
 * Compiles a planned query (src/query/plan.ts) to SQL for SQLite (FTS5) or PostgreSQL (tsvector).
 * Fragments carry their parameters in text order with `?` placeholders; PostgreSQL's `$n` are numbered
 * at the end (toProviderSql), so fragments compose freely.
 */
import type { FieldNode, QueryAst, TextNode } from '../query/ast.ts';
import { parseDateValue } from '../query/date-values.ts';
import { planQuery, toTextExpr, type TextExpr } from '../query/plan.ts';
import { stem } from '../language/stemmers.ts';
import { entityKeysOf } from './entities.ts';
import { sqlDate, type SqlProvider } from './search-provider.ts';

export interface Sql {
  sql: string;
  params: unknown[];
}

const sql = (text: string, ...params: unknown[]): Sql => ({ sql: text, params });

function join(parts: Sql[], separator: string): Sql {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

/** Numbers the placeholders for PostgreSQL. No SQL of ours has a literal `?`. */
export function toProviderSql(provider: SqlProvider, fragment: Sql): Sql {
  if (provider === 'sqlite') return fragment;
  let n = 0;
  return { sql: fragment.sql.replace(/\?/g, () => `$${++n}`), params: fragment.params };
}

/** The article time used for since:/until: and date order (matches the Article_when_idx index). */
export const WHEN = 'coalesce(a."publishedAt", a."fetchedAt")';

export interface CompiledQuery {
  /** FROM … (with the full-text match joined when there is one), aliasing Article as `a`. */
  from: Sql;
  /** Conditions for WHERE (never empty: `1=1` at least). */
  where: Sql;
  /** A score expression (higher is better), `0` without a ranked match. */
  score: string;
  /** `SELECT id, score` of the full-text match alone (no ORDER BY), for ranking before joining articles. */
  ranked: Sql | null;
  /** `SELECT id` of the full-text match alone (no score), for counting it. */
  matched: Sql | null;
  /** The full-text match as a condition of `from`, without the other conditions. */
  match: Sql | null;
  /** The index's article id in `ranked`, `matched` and `from`, for `IN (…)` restrictions (not as an index driver). */
  matchId: string | null;
  /** The non-text conditions over `a`, when there are any. */
  conditions: Sql | null;
  /** The top-level since:/until: conditions: over the article time alone, so an index answers them. */
  dates: Sql | null;
  /** `conditions` without `dates`. */
  others: Sql | null;
}

const isDate = (node: QueryAst) => node.kind === 'field' && (node.field === 'since' || node.field === 'until');

export function compileQuery(provider: SqlProvider, query: QueryAst, now: Date): CompiledQuery {
  const plan = planQuery(query);
  const compiler = new Compiler(provider, now);
  const all = (nodes: QueryAst[]) => (nodes.length ? join(nodes.map((c) => compiler.condition(c)), ' AND ') : null);
  const parts = plan.conditions.map((c) => compiler.condition(c));
  const conditions = parts.length ? join(parts, ' AND ') : null;
  const dates = all(plan.conditions.filter(isDate));
  const others = all(plan.conditions.filter((c) => !isDate(c)));
  const split = { conditions, dates, others };
  if (!plan.match) {
    return { from: sql('"Article" a'), where: conditions ?? sql('1=1'), score: '0', ranked: null, matched: null, match: null, matchId: null, ...split };
  }
  if (provider === 'sqlite') {
    const match = sql('"ArticleSearch" MATCH ?', ftsMatch(plan.match));
    // bm25 is lower-is-better; titles weigh more than bodies and stems.
    const score = '(-bm25("ArticleSearch", 4.0, 1.0, 1.0))';
    return {
      from: sql('"ArticleSearch" JOIN "Article" a ON a."id" = "ArticleSearch".rowid'),
      where: join([match, ...parts], ' AND '),
      score,
      ranked: join([sql(`SELECT rowid AS id, ${score} AS score FROM "ArticleSearch" WHERE `), match], ''),
      matched: join([sql('SELECT rowid AS id FROM "ArticleSearch" WHERE '), match], ''),
      match,
      // The unary + keeps SQLite from looking up each id of an IN list in the index one by one.
      matchId: '+"ArticleSearch".rowid',
      ...split,
    };
  }
  const tsquery = () => join([sql('(SELECT '), pgTsquery(plan.match!), sql(' AS q) tq')], '');
  const score = 'ts_rank(s."document", tq.q, 1)';
  const select = (columns: string) =>
    join([sql(`SELECT ${columns} FROM "ArticleSearch" s CROSS JOIN `), tsquery(), sql(' WHERE s."document" @@ tq.q')], '');
  return {
    from: join([sql('"ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId" CROSS JOIN '), tsquery()], ''),
    where: join([sql('s."document" @@ tq.q'), ...parts], ' AND '),
    score,
    ranked: select(`s."articleId" AS id, ${score} AS score`),
    matched: select('s."articleId" AS id'),
    match: sql('s."document" @@ tq.q'),
    matchId: 's."articleId"',
    ...split,
  };
}

class Compiler {
  constructor(
    private readonly provider: SqlProvider,
    private readonly now: Date,
  ) {}

  condition(node: QueryAst): Sql {
    const text = toTextExpr(node);
    if (text) return this.textCondition(text);
    switch (node.kind) {
      case 'field':
        return this.field(node);
      case 'not':
        return join([sql('NOT ('), this.condition(node.child), sql(')')], '');
      case 'and':
      case 'or':
        return join([sql('('), join(node.children.map((c) => this.condition(c)), node.kind === 'and' ? ' AND ' : ' OR '), sql(')')], '');
      default:
        return this.textCondition(node);
    }
  }

  private textCondition(expr: TextExpr): Sql {
    if (this.provider === 'sqlite') {
      return sql('a."id" IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?)', ftsMatch(expr));
    }
    return join([sql('a."id" IN (SELECT "articleId" FROM "ArticleSearch" WHERE "document" @@ ('), pgTsquery(expr), sql('))')], '');
  }

  private field(node: FieldNode): Sql {
    const value = node.value;
    switch (node.field) {
      case 'lang':
        return sql('a."language" = ?', value);
      case 'source':
        return this.provider === 'sqlite'
          ? sql(`lower(a."source") LIKE ? ESCAPE '\\'`, `%${likeEscape(value.toLowerCase())}%`)
          : sql(`a."source" ILIKE ? ESCAPE '\\'`, `%${likeEscape(value)}%`);
      case 'since':
      case 'until': {
        const date = parseDateValue(value, node.field, this.now)!;
        return sql(`${WHEN} ${node.field === 'since' ? '>=' : '<'} ?`, sqlDate(this.provider, date));
      }
      case 'story':
        return sql('a."id" IN (SELECT "articleId" FROM "StoryMember" WHERE "storyId" = ? AND "leftAt" IS NULL)', Number(value));
      case 'type':
        return sql(
          'EXISTS (SELECT 1 FROM "Mention" m JOIN "Entity" e ON e."id" = m."entityId" WHERE m."articleId" = a."id" AND e."type" = ?)',
          value,
        );
      case 'entity':
        return join([sql('a."id" IN (SELECT "articleId" FROM "Mention" WHERE "entityId" IN ('), entityIds(value), sql('))')], '');
      case 'account':
        return join([sql('a."id" IN (SELECT "articleId" FROM "Mention" WHERE "entityId" IN ('), accountIds(value), sql('))')], '');
    }
  }
}

/** Entity ids by canonical name or alias, case-insensitive (the lower() indexes of migration 0002). */
export function entityIds(name: string): Sql {
  const lower = name.toLowerCase();
  const keys = entityKeysOf(name);
  // by key too: "Pedro Sanchez" finds "Pedro Sánchez" (keys are written without accents)
  return sql(
    `SELECT "id" FROM "Entity" WHERE lower("name") = ? OR "key" IN (${keys.map(() => '?').join(', ')})
     UNION SELECT "entityId" FROM "EntityAlias" WHERE lower("alias") = ?`,
    lower,
    ...keys,
    lower,
  );
}

/** Account entities for a handle, written with or without @, or as a profile link. */
function accountIds(handle: string): Sql {
  const lower = handle.toLowerCase();
  return sql(
    `SELECT "id" FROM "Entity" WHERE "type" = 'account' AND (lower("name") IN (?, ?) OR lower("name") LIKE ? ESCAPE '\\')
     UNION SELECT al."entityId" FROM "EntityAlias" al JOIN "Entity" e ON e."id" = al."entityId"
       WHERE e."type" = 'account' AND (lower(al."alias") IN (?, ?) OR lower(al."alias") LIKE ? ESCAPE '\\')`,
    lower, `@${lower}`, `%/${likeEscape(lower)}`, lower, `@${lower}`, `%/${likeEscape(lower)}`,
  );
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- SQLite FTS5 match strings ----

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** FTS5 syntax: surface words in title/body, or (for words) the stem in the stems column. */
export function ftsMatch(expr: TextExpr): string {
  switch (expr.kind) {
    case 'term':
    case 'phrase':
      return ftsText(expr);
    case 'or':
      return `(${expr.children.map(ftsMatch).join(' OR ')})`;
    case 'and': {
      const positive = `(${expr.positive.map(ftsMatch).join(' AND ')})`;
      return expr.negative.length ? `(${positive} NOT (${expr.negative.map(ftsMatch).join(' OR ')}))` : positive;
    }
  }
}

/** As FTS5's `unicode61 remove_diacritics 2` compares: lower case, combining marks dropped. */
function foldDiacritics(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

function ftsText(node: TextNode): string {
  const surface = `{title body} : ${quote(node.tokens.join(' '))}`;
  if (node.kind === 'phrase') return surface;
  if (node.prefix) return `${surface} *`;
  // The query's language is unknown: try the German and the English stems. The index folds case and
  // diacritics, so stems differing only there ("storung", "störung") are one phrase: scored once, not twice.
  const stemPhrases = new Set((['de', 'en'] as const).map((lang) => foldDiacritics(node.tokens.map((t) => stem(t, lang)).join(' '))));
  return `(${surface} OR stems : (${[...stemPhrases].map(quote).join(' OR ')}))`;
}

// ---- PostgreSQL tsquery expressions ----

const CONFIGS = ['german', 'english', 'simple'];

/** A tsquery expression: each word or phrase in every configuration (documents use their language's). */
export function pgTsquery(expr: TextExpr): Sql {
  switch (expr.kind) {
    case 'term':
    case 'phrase': {
      if (expr.kind === 'term' && expr.prefix) {
        const words = expr.tokens.map((t) => `'${t}'`);
        return sql(`to_tsquery('simple', ?)`, `${words.join(' <-> ')}:*`);
      }
      const text = expr.tokens.join(' ');
      return { sql: `(${CONFIGS.map((c) => `phraseto_tsquery('${c}', ?)`).join(' || ')})`, params: CONFIGS.map(() => text) };
    }
    case 'or':
      return join([sql('('), join(expr.children.map(pgTsquery), ' || '), sql(')')], '');
    case 'and': {
      const parts = [...expr.positive.map(pgTsquery), ...expr.negative.map((n) => join([sql('!!'), pgTsquery(n)], ''))];
      return join([sql('('), join(parts, ' && '), sql(')')], '');
    }
  }
}
