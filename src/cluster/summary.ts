import type { DetectedLanguage, Language } from '../domain/types.ts';
import { nameKey } from './features.ts';
import type { MemberSummary, StoryState } from './types.ts';
import { stem, wordLists } from './word-lists.ts';

/** What a researcher sees of a story: titles, who was first, key entities, why grouped. */
export interface StorySummary {
  key: string;
  /** Title of the most central article overall. */
  title: string;
  /** Title of the most central article per language. */
  titles: Partial<Record<DetectedLanguage, string>>;
  languages: DetectedLanguage[];
  sources: string[];
  articleCount: number;
  /** ISO 8601 of the earliest and latest article. */
  firstSeen: string;
  lastSeen: string;
  /** The article published first ("who reported first"). */
  first: Pick<MemberSummary, 'id' | 'url' | 'source' | 'published'> | null;
  /** Canonical entities by number of articles naming them; names from the text when none are known. */
  entities: string[];
  /** The heaviest shared terms of the story (what its articles have in common). */
  terms: string[];
}

export function summarizeStory(story: StoryState, limit = 8): StorySummary {
  const members = story.members;
  const titles: Partial<Record<DetectedLanguage, string>> = {};
  const centralOf = new Map<DetectedLanguage, MemberSummary>();
  for (const m of members) {
    const best = centralOf.get(m.language);
    if (!best || m.centrality > best.centrality) centralOf.set(m.language, m);
  }
  for (const [language, m] of centralOf) titles[language] = m.title;
  const central = [...centralOf.values()].sort((a, b) => b.centrality - a.centrality)[0];
  // published dates are ISO 8601 strings of one format: they order as strings; the earliest listed first wins
  let first: MemberSummary | undefined;
  for (const m of members) if (!first || m.published < first.published) first = m;
  return {
    key: story.key,
    title: central?.title ?? '',
    titles,
    languages: [...centralOf.keys()].sort(),
    sources: [...new Set(members.map((m) => m.source).filter(Boolean))],
    articleCount: members.length,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    first: first ? { id: first.id, url: first.url, source: first.source, published: first.published } : null,
    entities: keyEntities(story, limit),
    terms: keyTerms(story, limit),
  };
}

function keyEntities(story: StoryState, limit: number): string[] {
  const known = Object.entries(story.entities).sort((a, b) => b[1] - a[1]);
  if (known.length > 0) return known.slice(0, limit).map(([name]) => name);
  return labels(story, limit, (key) => key.startsWith('n:'));
}

function keyTerms(story: StoryState, limit: number): string[] {
  return labels(story, limit, (key) => key.startsWith('w:') || key.startsWith('x:'));
}

/** Readable labels of the heaviest centroid features passing the filter. */
function labels(story: StoryState, limit: number, keep: (key: string) => boolean): string[] {
  const entries = story.centroid
    .entries()
    .filter(([key]) => keep(key))
    .sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  for (const [key] of entries) {
    const label = featureLabel(key);
    if (!out.includes(label)) out.push(label);
    if (out.length >= limit) break;
  }
  return out;
}

/** "w:de:regier" → "regier", "n:duysak" → "duysak", "x:employee" → "employee". */
export function featureLabel(key: string): string {
  return key.startsWith('w:') ? key.slice(key.indexOf(':', 2) + 1) : key.slice(2);
}

/** A text of a story's article, for `labelReader`. */
export interface LabelSource {
  text: string;
  language: string;
}

const WORD = /[@#]?[\p{L}\p{N}]+/gu;
/** Two to four capitalised words in a row: the forms of multi-word names ("Donald Trump"). */
const NAME_RUN = /\p{Lu}[\p{L}\p{N}]*(?:[ -]\p{Lu}[\p{L}\p{N}]*){1,3}/gu;

/**
 * Feature labels are stems ("scienc", "regier"), folded names ("duysak", "gottingen", "donald trump"),
 * handles and lexicon concepts ("employee"): a researcher reads words. The reader gives each label the form
 * the story's own texts use most often for it ("science", "Regierung", "Duysak", "Göttingen", "Donald
 * Trump", "Mitarbeiter" in a German story). `names` (the story's canonical entities) spell out the entity
 * labels that the texts only abbreviate ("national security agency" where they say "NSA"); a label none of
 * them explains stays as it is.
 */
export function labelReader(sources: readonly LabelSource[], names: readonly string[] = []): (label: string) => string {
  const { concepts } = wordLists();
  const forms = new Map<string, Map<string, number>>();
  const count = (label: string, form: string) => {
    let counts = forms.get(label);
    if (!counts) forms.set(label, (counts = new Map()));
    counts.set(form, (counts.get(form) ?? 0) + 1);
  };
  for (const name of names) count(nameKey(name), name);
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
  return (label) => {
    let best: [string, number] | undefined;
    for (const entry of forms.get(label) ?? []) if (!best || entry[1] > best[1]) best = entry;
    return best?.[0] ?? label;
  };
}
