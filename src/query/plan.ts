/**
 * Splits a query into the part a full-text index answers (and ranks) and the rest, which becomes SQL
 * conditions. Pure; the store compiles both halves for its provider.
 *
 * FTS5 cannot express a NOT on its own (only `a NOT b`), so a text expression is "rankable" when every
 * NOT in it sits inside an AND that also has something positive. Top-level AND parts that are rankable
 * text form the ranked match; everything else (fields, text under OR with fields, lone NOTs) is a condition.
 */
import type { QueryAst, TextNode } from './ast.ts';

/** A text-only expression that a full-text engine can evaluate as one match. */
export type TextExpr =
  | TextNode
  | { kind: 'and'; positive: TextExpr[]; negative: TextExpr[] }
  | { kind: 'or'; children: TextExpr[] };

export interface SearchPlan {
  /** The ranked full-text match, when the query has one at its top level. */
  match: TextExpr | null;
  /** Everything else, still as a syntax tree (text inside it is matched without ranking). */
  conditions: QueryAst[];
}

export function planQuery(query: QueryAst): SearchPlan {
  const parts = query.kind === 'and' ? query.children : [query];
  const positive: TextExpr[] = [];
  const negative: TextExpr[] = [];
  const conditions: QueryAst[] = [];
  for (const part of parts) {
    const inner = part.kind === 'not' ? toTextExpr(part.child) : null;
    const text = part.kind === 'not' ? null : toTextExpr(part);
    if (text) positive.push(text);
    else if (inner) negative.push(inner);
    else conditions.push(part);
  }
  if (positive.length === 0) {
    // Nothing positive to rank by: the NOTs become plain conditions.
    return { match: null, conditions: parts };
  }
  const match: TextExpr = positive.length === 1 && negative.length === 0 ? positive[0]! : { kind: 'and', positive, negative };
  return { match, conditions };
}

/** The rankable text expression for a subtree, or null when it has fields or a NOT with nothing positive. */
export function toTextExpr(node: QueryAst): TextExpr | null {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return node;
    case 'field':
    case 'not':
      return null;
    case 'or': {
      const children = node.children.map(toTextExpr);
      return children.every((c): c is TextExpr => c !== null) ? { kind: 'or', children } : null;
    }
    case 'and': {
      const positive: TextExpr[] = [];
      const negative: TextExpr[] = [];
      for (const child of node.children) {
        const expr = child.kind === 'not' ? toTextExpr(child.child) : toTextExpr(child);
        if (!expr) return null;
        (child.kind === 'not' ? negative : positive).push(expr);
      }
      return positive.length > 0 ? { kind: 'and', positive, negative } : null;
    }
  }
}

/** The searched words and phrases a snippet should highlight (those not under a NOT). */
export function highlightTerms(node: QueryAst, negated = false): TextNode[] {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return negated ? [] : [node];
    case 'field':
      return [];
    case 'not':
      return highlightTerms(node.child, !negated);
    default:
      return node.children.flatMap((child) => highlightTerms(child, negated));
  }
}
