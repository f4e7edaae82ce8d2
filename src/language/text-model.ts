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

export interface TextScore {
  /** Summed log-likelihood ratio, positive = German. */
  logOdds: number;
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
  let unknownWords = 0;
  for (const token of tokens) {
    const ratio = de.logProbability(token.word) - en.logProbability(token.word);
    logOdds += Math.max(-MAX_WORD_EVIDENCE, Math.min(MAX_WORD_EVIDENCE, ratio));
    if (!de.knows(token.word) && !en.knows(token.word)) unknownWords += 1;
  }
  return { logOdds, words: tokens.length, unknownWords };
}

export function scoreText(text: string): TextScore {
  return scoreTokens(tokenizeWords(text));
}
