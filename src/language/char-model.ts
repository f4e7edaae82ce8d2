/**
 * One language's word model: a Witten–Bell interpolated character n-gram model over `_word_`
 * (how words of the language are spelt) and a word-frequency table (which words it uses).
 * Built once from model.json counts; scoring is Map look-ups only.
 */
import { padWord, type LanguageTables } from './model-file.ts';

/** Characters never seen still get this share of the unigram mass. */
const UNSEEN_CHAR_SHARE = 1 / 200;
/** Witten–Bell backoff mass per continuation type, raised above 1 because counts are weighted. */
const BACKOFF_BOOST = 1;

interface Context {
  total: number;
  types: number;
}

export class WordModel {
  private readonly grams: Map<string, number>;
  private readonly contexts = new Map<string, Context>();
  private readonly words: Map<string, number>;
  private readonly tokens: number;
  private readonly unigramTotal: number;

  constructor(tables: LanguageTables, private readonly order: number) {
    this.grams = toMap(tables.grams);
    this.words = toMap(tables.words);
    this.tokens = tables.tokens;
    let unigrams = 0;
    for (const [gram, count] of this.grams) {
      if (gram.length === 1) unigrams += count;
      else this.addContext(gram.slice(0, -1), count);
    }
    this.unigramTotal = unigrams;
  }

  private addContext(context: string, count: number): void {
    const entry = this.contexts.get(context);
    if (entry) {
      entry.total += count;
      entry.types += 1;
    } else this.contexts.set(context, { total: count, types: 1 });
  }

  /** Share of the word table's tokens that were this word, or 0 when the table lacks it. */
  tableProbability(word: string): number {
    return (this.words.get(word) ?? 0) / this.tokens;
  }

  /** Whether the word table knows the word (used for the 'neither language' check). */
  knows(word: string): boolean {
    return this.words.has(word);
  }

  /** Natural log of P(char | preceding chars) for each character of `word` and its end. */
  charLogProbabilities(word: string): number[] {
    const padded = padWord(word);
    const out: number[] = [];
    for (let i = 1; i < padded.length; i += 1) {
      const start = Math.max(0, i - this.order + 1);
      out.push(Math.log(this.charProbability(padded.slice(start, i), padded[i] ?? '_')));
    }
    return out;
  }

  /** P(char | history) interpolated from the longest history down to the unigram. */
  private charProbability(history: string, char: string): number {
    const unigram = this.grams.get(char) ?? 0;
    let probability = (unigram + UNSEEN_CHAR_SHARE) / (this.unigramTotal + 1);
    for (let n = history.length - 1; n >= 0; n -= 1) {
      const context = history.slice(n);
      const stats = this.contexts.get(context);
      if (!stats) break;
      const count = this.grams.get(context + char) ?? 0;
      probability = (count + BACKOFF_BOOST * stats.types * probability) / (stats.total + BACKOFF_BOOST * stats.types);
    }
    return probability;
  }
}

/** A table of the model file as a Map, without an entry array per key (tens of thousands per language). */
function toMap(table: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const key in table) out.set(key, table[key]!);
  return out;
}
