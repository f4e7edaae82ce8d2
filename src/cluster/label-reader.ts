/**
 * "Why grouped" in a researcher's words. The clusterer's labels are stems ("scienc", "regier"), folded names
 * ("duysak", "gottingen", "donald trump"), handles and lexicon concepts ("employee"); the reader turns them
 * back into the words of the story's own articles.
 */
import type { Language } from '../domain/types.ts';
import { nameKey } from './features.ts';
import { stem } from '../language/stemmers.ts';
import { wordLists } from './word-lists.ts';

/** A text of a story's article. */
export interface LabelSource {
  text: string;
  language: string;
}

/** A key entity of the story (canonical name and type). */
export interface LabelEntity {
  name: string;
  type: string;
}

const WORD = /[@#]?[\p{L}\p{N}]+/gu;
/** Two to four capitalised words in a row: the forms of multi-word names ("Donald Trump"). */
const NAME_RUN = /\p{Lu}[\p{L}\p{N}]*(?:[ -]\p{Lu}[\p{L}\p{N}]*){1,3}/gu;

/**
 * Each label becomes the form the texts use most often for it ("science", "Regierung", "Duysak",
 * "Göttingen", "Donald Trump", "Mitarbeiter" in a German story); the key entities spell out what the texts
 * only abbreviate ("national security agency" where they say "NSA"); a label none of them explains stays
 * as it is. A word of one key person's name stands for that person ("Kim", "Jong" → "Kim Jong-un"), and
 * each resulting label is listed once.
 */
export function labelReader(
  sources: readonly LabelSource[],
  entities: readonly LabelEntity[] = [],
): (labels: readonly string[]) => string[] {
  const read = formReader(sources, entities);
  const person = personOfNamePart(entities);
  return (labels) => {
    const out: string[] = [];
    for (const label of labels) {
      const form = read(label);
      const readable = person.get(form) ?? form;
      if (!out.includes(readable)) out.push(readable);
    }
    return out;
  };
}

function formReader(sources: readonly LabelSource[], entities: readonly LabelEntity[]): (label: string) => string {
  const { concepts } = wordLists();
  const forms = new Map<string, Map<string, number>>();
  const count = (label: string, form: string) => {
    let counts = forms.get(label);
    if (!counts) forms.set(label, (counts = new Map()));
    counts.set(form, (counts.get(form) ?? 0) + 1);
  };
  for (const { text, language } of sources) {
    const languages: Language[] = language === 'de' || language === 'en' ? [language] : ['en', 'de'];
    for (const token of text.match(WORD) ?? []) {
      const word = token.replace(/^[@#]/u, '');
      const labels = new Set([nameKey(token), nameKey(word)]);
      const lower = word.toLowerCase();
      for (const l of languages) {
        const stemmed = stem(lower, l);
        labels.add(concepts[l].get(stemmed) ?? stemmed);
      }
      for (const label of labels) count(label, token);
    }
    for (const run of text.match(NAME_RUN) ?? []) {
      const words = run.split(' ');
      for (let n = 2; n <= words.length; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const name = words.slice(i, i + n).join(' ');
          count(nameKey(name), name);
        }
      }
    }
  }
  // after the texts: on a tie the texts' form wins
  for (const { name } of entities) {
    count(nameKey(name), name);
    for (const part of nameParts(name)) count(nameKey(part), part);
  }
  return (label) => {
    let best: [string, number] | undefined;
    for (const entry of forms.get(label) ?? []) if (!best || entry[1] > best[1]) best = entry;
    return best?.[0] ?? label;
  };
}

/**
 * A word of a key person's name, as written there → that name; a word two of them share ("Trump": Donald,
 * Ivanka) or that is a key entity itself is left out. As written: the "un" of "Kim Jong-un" is not the "UN".
 */
function personOfNamePart(entities: readonly LabelEntity[]): Map<string, string> {
  const names = new Map<string, string | null>();
  for (const { name, type } of entities) {
    if (type !== 'person') continue;
    const parts = nameParts(name);
    if (parts.length < 2) continue;
    for (const part of parts) names.set(part, names.has(part) && names.get(part) !== name ? null : name);
  }
  // a word that is a key entity of its own ("Bitcoin" beside "Bitcoin Millions") stays itself
  for (const { name } of entities) names.delete(name);
  const out = new Map<string, string>();
  for (const [part, name] of names) if (name) out.set(part, name);
  return out;
}

function nameParts(name: string): string[] {
  return name.split(/[\s-]+/u).filter(Boolean);
}
