/** Shape of data/language/model.json, written by scripts/build-language-model.ts. */

/** Longest character n-gram counted (context of MODEL_ORDER - 1 characters). */
export const MODEL_ORDER = 5;

export interface LanguageTables {
  /** Weighted word occurrences the counts were taken from. */
  tokens: number;
  /** Weighted occurrences per lower-cased word. */
  words: Record<string, number>;
  /** Weighted occurrences per character n-gram (1…MODEL_ORDER) of `_word_`. */
  grams: Record<string, number>;
}

export interface ModelFile {
  version: 1;
  order: number;
  de: LanguageTables;
  en: LanguageTables;
}

/** Word boundaries are part of the n-grams: "_sch" starts a word, "ung_" ends one. */
export function padWord(word: string): string {
  return `_${word}_`;
}
