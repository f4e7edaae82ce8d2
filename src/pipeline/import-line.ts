/**
 * One line of an import file (JSON Lines, as the README describes `newsdesk import`) to an article
 * record: validated, its URL made canonical, analysed (language, entities). Used on the main thread and in
 * the analysis workers, which import nothing else of the import.
 */
import { z } from 'zod';
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { contentHash } from '../dedup/content-hash.ts';
import type { ArticleRecord } from '../store/articles.ts';
import { analyzeArticle, type AnalyzeOptions } from './analyze.ts';

const ImportLine = z.object({
  url: z.string().min(1),
  title: z.string().default(''),
  text: z.string().nullish(),
  published: z.union([z.string(), z.number()]).nullish(),
  language: z.string().nullish(),
  source: z.string().nullish(),
});

/** A record, or the reason the line was refused. */
export function toRecord(line: string, fetchedAt: Date, analysis: AnalyzeOptions = {}): ArticleRecord | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const parsed = ImportLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`;
  }
  const item = parsed.data;
  const url = canonicalUrl(item.url);
  if (!url) return `url: not an absolute http(s) URL: ${item.url.slice(0, 100)}`;
  const published = item.published == null ? null : new Date(item.published);
  if (published && Number.isNaN(published.getTime())) return `published: not a date: ${item.published}`;
  const text = item.text ?? '';
  const result = analyzeArticle({ title: item.title, text, declared: { hint: item.language ?? null } }, analysis);
  return {
    url,
    originalUrl: item.url === url ? null : item.url,
    source: item.source?.trim() || new URL(url).hostname.replace(/^www\./, ''),
    title: item.title,
    bodyText: text,
    language: result.language.language,
    languageConfidence: result.language.confidence,
    languageEvidence: result.language.evidence,
    declaredLanguage: item.language ?? null,
    publishedAt: published,
    fetchedAt,
    contentHash: contentHash(item.title, text),
    extractStatus: 'skipped',
    mentions: result.mentions,
    entities: result.entities,
  };
}
