/**
 * German-vs-English evidence from the words of a text: the sum over words of
 * log P(word | de) − log P(word | en) from the shipped model (data/language/model.json).
 * The model is read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WordModel } from './char-model.ts';
import type { ModelFile } from './model-file.ts';
import { tokenizeWords, type WordToken } from './tokens.ts';

/** One word cannot outvote a sentence: names and typos are capped at this many nats. */
const MAX_WORD_EVIDENCE = 40;
/** Share of a word's probability taken from the word table (the rest from its spelling). */
const WORD_TABLE_WEIGHT = 0.6;
/**
 * Words neither table knows (names, rare words, other languages) count half: their evidence is
 * spelling alone, learnt from a small amount of text.
 */
const UNKNOWN_WORD_SCALE = 0.5;
/** Share of words in German text that read as English (loans, names), and the reverse. */
const ENGLISH_IN_GERMAN = 0.05;
const GERMAN_IN_ENGLISH = 0.002;
/** Chance that a capitalised word is a name rather than a word of the text's language. */
const NAME_SHARE = 0.2;
const CACHE_LIMIT = 50_000;

export interface TextScore {
  /** Summed log-likelihood ratio, positive = German. */
  logOdds: number;
  /** Words scored (brand and code names like "iPhone" are skipped). */
  words: number;
  /** Words the word table of neither language knows (foreign text, names, junk). */
  unknownWords: number;
}

let models: { de: WordModel; en: WordModel } | undefined;

function loadModels(): { de: WordModel; en: WordModel } {
  if (!models) {
    const file = join(import.meta.dirname, '..', '..', 'data', 'language', 'model.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
    models = { de: new WordModel(data.de, data.order), en: new WordModel(data.en, data.order) };
  }
  return models;
}

export function scoreTokens(tokens: readonly WordToken[]): TextScore {
  const { de, en } = loadModels();
  let logOdds = 0;
  let words = 0;
  let unknownWords = 0;
  for (const token of tokens) {
    if (token.innerCapital) continue;
    words += 1;
    const { odds: ratio, known } = wordEvidence(token.word, de, en);
    const bounded = startsUpper(token) ? boundAsName(ratio) : ratio;
    logOdds += Math.max(-MAX_WORD_EVIDENCE, Math.min(MAX_WORD_EVIDENCE, bounded));
    if (!known) unknownWords += 1;
  }
  return { logOdds, words, unknownWords };
}

export function scoreText(text: string): TextScore {
  return scoreTokens(tokenizeWords(text));
}

/**
 * A word written with a capital may be a name, and names belong to no language ("Scholz meets
 * Macron", "Google Pixel ausprobiert"). With probability NAME_SHARE it is drawn from a neutral
 * name model (the mean of both languages), which bounds its log-odds near ±log(2/NAME_SHARE).
 */
function boundAsName(ratio: number): number {
  const r = Math.exp(ratio);
  return Math.log(((1 - NAME_SHARE) * r + (NAME_SHARE * (1 + r)) / 2) / (1 - NAME_SHARE + (NAME_SHARE * (1 + r)) / 2));
}

function startsUpper(token: WordToken): boolean {
  return token.capitalised || token.upperCase;
}

interface WordEvidence {
  /** log P(word | de) − log P(word | en). */
  odds: number;
  /** A word table of either language knows the word. */
  known: boolean;
}

// The word tables are large: one look-up in this small cache replaces four in them.
const cache = new Map<string, WordEvidence>();

function wordEvidence(word: string, de: WordModel, en: WordModel): WordEvidence {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const known = de.knows(word) || en.knows(word);
  const evidence = { odds: wordLogOdds(word, known, de, en), known };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, evidence);
  return evidence;
}

/** log P(word | de) − log P(word | en), each a mix of word table and spelling model. */
function wordLogOdds(word: string, known: boolean, de: WordModel, en: WordModel): number {
  const pDe = wordLogProbability(word, de);
  const pEn = wordLogProbability(word, en);
  // Each language's text carries some words of the other: German text English loans and names
  // ("Black Friday"), English text fewer German ones. This bounds what one word can say.
  const mixedDe = logAddExp(Math.log(1 - ENGLISH_IN_GERMAN) + pDe, Math.log(ENGLISH_IN_GERMAN) + pEn);
  const mixedEn = logAddExp(Math.log(1 - GERMAN_IN_ENGLISH) + pEn, Math.log(GERMAN_IN_ENGLISH) + pDe);
  const ratio = mixedDe - mixedEn;
  return known ? ratio : ratio * UNKNOWN_WORD_SCALE;
}

function wordLogProbability(word: string, model: WordModel): number {
  let spelling = Math.log(1 - WORD_TABLE_WEIGHT);
  for (const logP of model.charLogProbabilities(word)) spelling += logP;
  return logAddExp(Math.log(WORD_TABLE_WEIGHT * model.tableProbability(word)), spelling);
}

function logAddExp(a: number, b: number): number {
  const max = Math.max(a, b);
  if (max === -Infinity) return max;
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}
