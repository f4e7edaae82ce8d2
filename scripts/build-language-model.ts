/**
 * Builds data/language/model.json, the German/English word and character n-gram counts behind
 * src/language/text-model.ts. Run after changing a source: `node --import tsx scripts/build-language-model.ts`.
 * Sources and licences: data/language/SOURCE.md. Deterministic: same inputs, same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizeWords } from '../src/language/tokens.ts';
import { readSources, type WeightedText } from './build-language-model.sources.ts';
import { MODEL_ORDER, padWord, type LanguageTables, type ModelFile } from '../src/language/model-file.ts';

/** N-grams and words seen less often than this are dropped: they cost bytes and add noise. */
const MIN_GRAM_COUNT = 1;
/**
 * Words kept in each language's table. Equal sizes keep the languages comparable: a bigger table
 * would know more rare words of its language and pull unknown words its way.
 */
const TABLE_SIZE = 25_000;

function countWords(texts: readonly WeightedText[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text, weight } of texts) {
    for (const { word } of tokenizeWords(text)) {
      if (word.length > 30) continue;
      counts.set(word, (counts.get(word) ?? 0) + weight);
    }
  }
  return counts;
}

/** Spelling is learnt from word types, damped by frequency, so OOV words look like the vocabulary, not like 'der'. */
function typeWeight(count: number): number {
  return Math.log(1 + count);
}

function countGrams(words: ReadonlyMap<string, number>): Map<string, number> {
  const grams = new Map<string, number>();
  for (const [word, count] of words) {
    const padded = padWord(word);
    for (let end = 1; end <= padded.length; end += 1) {
      for (let n = 1; n <= MODEL_ORDER && end - n >= 0; n += 1) {
        const gram = padded.slice(end - n, end);
        if (gram === '_') continue;
        grams.set(gram, (grams.get(gram) ?? 0) + typeWeight(count));
      }
    }
  }
  return grams;
}

function prune(counts: ReadonlyMap<string, number>, min: number, keepShort = 0): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [key, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count >= min || key.length <= keepShort) kept[key] = Math.round(count * 10) / 10;
  }
  return kept;
}

function topWords(counts: ReadonlyMap<string, number>, size: number): Record<string, number> {
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, size);
  return prune(new Map(top), 0);
}

function tables(texts: readonly WeightedText[]): LanguageTables {
  const words = countWords(texts);
  let tokens = 0;
  for (const count of words.values()) tokens += count;
  return {
    tokens: Math.round(tokens),
    words: topWords(words, TABLE_SIZE),
    grams: prune(countGrams(words), MIN_GRAM_COUNT, 2),
  };
}

function main(): void {
  const sources = readSources();
  const model: ModelFile = { version: 1, order: MODEL_ORDER, de: tables(sources.de), en: tables(sources.en) };
  const out = join(import.meta.dirname, '..', 'data/language/model.json');
  writeFileSync(out, JSON.stringify(model));
  const sizes = (t: LanguageTables) => `${t.tokens} tokens, ${Object.keys(t.words).length} words, ${Object.keys(t.grams).length} grams`;
  process.stderr.write(`wrote ${out}\n  de: ${sizes(model.de)}\n  en: ${sizes(model.en)}\n`);
}

main();
