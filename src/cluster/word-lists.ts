import { readFileSync } from 'node:fs';
import type { Language } from '../domain/types.ts';
import { stem } from '../language/stemmers.ts';

/**
 * Stopwords and the bilingual lexicon (data/cluster/), loaded lazily on first use: nothing is read at import
 * time. Stems come from ../language/stemmers.ts.
 */

const DATA_DIR = new URL('../../data/cluster/', import.meta.url);

interface WordLists {
  stopwords: Record<Language, Set<string>>;
  /** stem → concept id, per language. */
  concepts: Record<Language, Map<string, string>>;
}

let lists: WordLists | undefined;

export function wordLists(): WordLists {
  lists ??= loadWordLists();
  return lists;
}

function loadWordLists(): WordLists {
  const raw = JSON.parse(readFileSync(new URL('stopwords.json', DATA_DIR), 'utf8')) as Record<
    string,
    unknown
  >;
  const stopwords = { de: toSet(raw['de']), en: toSet(raw['en']) };
  const concepts = { de: new Map<string, string>(), en: new Map<string, string>() };
  const lexicon = readFileSync(new URL('lexicon.txt', DATA_DIR), 'utf8');
  for (const line of lexicon.split('\n')) {
    const entry = parseLexiconLine(line);
    if (!entry) continue;
    const concept = entry.en[0] ?? '';
    addForms(concepts.en, entry.en, 'en', concept);
    addForms(concepts.de, entry.de, 'de', concept);
  }
  return { stopwords, concepts };
}

function parseLexiconLine(line: string): { en: string[]; de: string[] } | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const [en, de] = trimmed.split('=');
  if (en === undefined || de === undefined) return undefined;
  const forms = (side: string) =>
    side
      .split('|')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean);
  return { en: forms(en), de: forms(de) };
}

/** Multi-word forms are skipped: features are single tokens. The first concept to claim a stem keeps it. */
function addForms(map: Map<string, string>, forms: string[], language: Language, concept: string): void {
  for (const form of forms) {
    if (form.includes(' ')) continue;
    const key = stem(form, language);
    if (!map.has(key)) map.set(key, concept.replace(/\s+/g, '_'));
  }
}

function toSet(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.map((v) => String(v).toLowerCase()) : []);
}
