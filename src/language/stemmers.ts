/**
 * natural's Porter stemmers for English and German, loaded from their own files. natural's stemmers index
 * loads every stemmer it has (a dozen languages, with dictionaries), about 80 ms at the start of every thread
 * that stems, against about 25 ms for these two. They are the same objects the index exports.
 */
import { createRequire } from 'node:module';

export interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);

export const englishStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer;
export const germanStemmer = require('natural/lib/natural/stemmers/porter_stemmer_de.js') as Stemmer;

/**
 * The stem of a lower-case word, memoised: stemming is the slow part of indexing and clustering, and news
 * vocabulary repeats. One memo per thread for the search index, the query parser and the clusterer.
 */
export function stem(word: string, language: 'de' | 'en'): string {
  const memo = memos[language];
  let result = memo.get(word);
  if (result === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    result = (language === 'de' ? germanStemmer : englishStemmer).stem(word);
    memo.set(word, result);
  }
  return result;
}

const memos = { de: new Map<string, string>(), en: new Map<string, string>() };
const MEMO_LIMIT = 200_000;
