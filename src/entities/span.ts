/** What the matchers share: the tokens of one field and a span over them. */
import type { DetectedLanguage, EntityType } from '../domain/types.ts';
import type { AliasEntry, Gazetteer } from './gazetteer.ts';
import type { Token } from './tokens.ts';

/** A recognised name over tokens[first..last] (inclusive). */
export interface Span {
  first: number;
  last: number;
  type: EntityType;
  /** Canonical name when the matcher knows it (gazetteer, corrections). */
  name?: string;
  /** Which rule found it (for tuning and error analysis). */
  rule?: string;
}

export interface ScanContext {
  tokens: Token[];
  g: Gazetteer;
  /** Alias tables to try, corrections first. */
  aliasTables: Array<Map<string, AliasEntry[]>>;
  /**
   * Token indices where a capital is no evidence of a name: sentence starts, and the common words of an
   * English headline in Title Case ("Stocks Mark Five-Year Anniversary").
   */
  starts: Set<number>;
  /** Token indices where a sentence starts (a name does not run across one). */
  sentences: Set<number>;
  language: DetectedLanguage;
}
