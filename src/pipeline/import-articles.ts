/**
 * `newsdesk import`: JSON Lines of articles through the same analysis, deduplication and story
 * clustering as fetched articles, in the order given. Re-importing the same file changes nothing.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { contentHash } from '../dedup/content-hash.ts';
import type { ArticleRecord } from '../store/articles.ts';
import { analyzeArticle, type AnalyzeOptions } from './analyze.ts';
import type { Ingestor } from './ingest.ts';

const ImportLine = z.object({
  url: z.string().min(1),
  title: z.string().default(''),
  text: z.string().nullish(),
  published: z.union([z.string(), z.number()]).nullish(),
  language: z.string().nullish(),
  source: z.string().nullish(),
});

export interface ImportReport {
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
  stories: number;
  errors: { line: number; error: string }[];
}

export async function importArticles(
  input: Readable,
  ingestor: Ingestor,
  now: () => Date,
  analysis: AnalyzeOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { read: 0, new: 0, updated: 0, unchanged: 0, invalid: 0, stories: 0, errors: [] };
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    report.read += 1;
    const record = toRecord(line, now(), analysis);
    if (typeof record === 'string') {
      report.invalid += 1;
      if (report.errors.length < 100) report.errors.push({ line: lineNumber, error: record });
      continue;
    }
    const saved = await ingestor.ingest(record);
    report[saved.status] += 1;
  }
  report.stories = (await ingestor.finish()).storiesTouched;
  return report;
}

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
