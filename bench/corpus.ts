/** The benchmark's input: the seeded synthetic archive, or the first N lines of a real JSON Lines corpus. */
import { readFileSync } from 'node:fs';
import { generateArticles, type GeneratedArticle } from './generate.ts';

export const ARCHIVE_START = new Date('2026-01-05T06:00:00Z');

/** The articles, one at a time (the synthetic ones are generated as they are read). */
export function readCorpus(path: string | undefined, count: number, seed: number): { articles: Iterable<GeneratedArticle>; synthetic: boolean } {
  if (!path) return { articles: generateArticles({ count, seed, start: ARCHIVE_START }), synthetic: true };
  return { articles: corpusLines(path, count), synthetic: false };
}

function* corpusLines(path: string, count: number): Generator<GeneratedArticle> {
  let n = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (n >= count) return;
    if (line.trim() === '') continue;
    const raw = JSON.parse(line) as Partial<GeneratedArticle> & { published?: string | number | null };
    if (typeof raw.url !== 'string') continue;
    n += 1;
    yield {
      url: raw.url,
      title: raw.title ?? '',
      text: raw.text ?? '',
      published: raw.published == null ? new Date().toISOString() : new Date(raw.published).toISOString(),
      language: raw.language === 'de' ? 'de' : 'en',
      source: raw.source ?? new URL(raw.url).hostname,
    };
  }
}
