/**
 * Words and stems, shared by the search index and the query parser so both sides cut text the same way.
 * Stems come from natural's Snowball-style stemmers; FTS5 folds case and diacritics after us.
 */
import { stem } from '../language/stemmers.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of a text (letters and digits; everything else separates). */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The stem column of the index: the article's words stemmed in its language (both when unknown). */
export function stemText(text: string, language: string): string {
  const tokens = words(text);
  const languages: ('de' | 'en')[] = language === 'de' ? ['de'] : language === 'en' ? ['en'] : ['en', 'de'];
  return languages.map((lang) => tokens.map((word) => stem(word, lang)).join(' ')).join(' ');
}

/** The stems a query word may have in either language (one or two). */
export function queryStems(word: string): string[] {
  return [...new Set([stem(word, 'de'), stem(word, 'en')])];
}
