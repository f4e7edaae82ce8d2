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
