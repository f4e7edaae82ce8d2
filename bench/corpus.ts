/** The benchmark's input: the seeded synthetic archive, or the first N lines of a real JSON Lines corpus. */
import { readFileSync } from 'node:fs';
import { generateArticles, type GeneratedArticle } from './generate.ts';

export const ARCHIVE_START = new Date('2026-01-05T06:00:00Z');

export function loadCorpus(path: string | undefined, count: number, seed: number): { articles: GeneratedArticle[]; synthetic: boolean } {
  if (!path) return { articles: [...generateArticles({ count, seed, start: ARCHIVE_START })], synthetic: true };
  const articles: GeneratedArticle[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (articles.length >= count) break;
    if (line.trim() === '') continue;
    const raw = JSON.parse(line) as Partial<GeneratedArticle> & { published?: string | number | null };
    if (typeof raw.url !== 'string') continue;
    articles.push({
      url: raw.url,
      title: raw.title ?? '',
      text: raw.text ?? '',
      published: raw.published == null ? new Date().toISOString() : new Date(raw.published).toISOString(),
      language: raw.language === 'de' ? 'de' : 'en',
      source: raw.source ?? new URL(raw.url).hostname,
    });
  }
  return { articles, synthetic: false };
}

export function lastPublished(articles: readonly GeneratedArticle[]): Date {
  return new Date(Math.max(...articles.map((a) => Date.parse(a.published))));
}

export function spanSeconds(articles: readonly GeneratedArticle[]): number {
  const times = articles.map((a) => Date.parse(a.published));
  return Math.ceil((Math.max(...times) - Math.min(...times)) / 1000) + 86_400;
}
