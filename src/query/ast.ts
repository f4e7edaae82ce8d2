/** The query language's syntax tree (see docs/decisions/0070-query-language.md). */

export const FIELDS = ['entity', 'type', 'source', 'lang', 'since', 'until', 'story', 'account'] as const;
export type FieldName = (typeof FIELDS)[number];

export const ENTITY_TYPES = ['person', 'organization', 'account', 'location', 'product'] as const;

/** A bare word. `tokens` are its searchable parts ("Twitter-Mitarbeiter" → twitter, mitarbeiter). */
export interface TermNode {
  kind: 'term';
  text: string;
  tokens: string[];
  /** `word*`: any word starting with the last token. */
  prefix: boolean;
}

/** "an exact phrase": the surface words in this order. */
export interface PhraseNode {
  kind: 'phrase';
  text: string;
  tokens: string[];
}

export interface FieldNode {
  kind: 'field';
  field: FieldName;
  value: string;
}

export interface AndNode {
  kind: 'and';
  children: QueryAst[];
}

export interface OrNode {
  kind: 'or';
  children: QueryAst[];
}

export interface NotNode {
  kind: 'not';
  child: QueryAst;
}

export type TextNode = TermNode | PhraseNode;
export type QueryAst = TermNode | PhraseNode | FieldNode | AndNode | OrNode | NotNode;

export type ParseResult = { ok: true; query: QueryAst } | { ok: false; error: string };
