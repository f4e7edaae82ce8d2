/**
 * From one parsed feed item to an article record: canonical URL, full text from the article page when
 * the feed wants it (same fetcher: limits, politeness, robots.txt, private-network guard), analysis.
 */
import { canonicalUrl } from '../dedup/canonical-url.ts';
import { contentHash } from '../dedup/content-hash.ts';
import type { FeedItem } from '../domain/types.ts';
import { decodeHtml, extractArticle } from '../extract/index.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { ArticleRecord } from '../store/articles.ts';
import type { FeedRow } from '../store/feeds.ts';
import { analyzeArticle, type AnalyzeOptions } from './analyze.ts';
import { htmlToText } from './html-text.ts';

export interface ItemContext {
  feed: FeedRow;
  feedLanguage: string | null;
  fetcher: Fetcher;
  fullText: boolean;
  now: Date;
  signal?: AbortSignal;
  analysis?: AnalyzeOptions;
}

/** The article's identity: its link, or a permalink GUID when the link is missing. */
export function itemUrl(item: FeedItem, base: string): string | null {
  if (item.link) return canonicalUrl(item.link, base);
  if (item.id && /^https?:\/\//i.test(item.id)) return canonicalUrl(item.id);
  return null;
}

export async function buildRecord(item: FeedItem, url: string, context: ItemContext): Promise<ArticleRecord> {
  const summaryText = htmlToText(item.summary ?? item.content ?? '');
  const feedText = htmlToText(item.content ?? item.summary ?? '');
  const page = context.fullText ? await fetchFullText(url, context) : null;
  const title = (item.title ?? (page?.status === 'ok' ? page.title : null) ?? '').trim() || url;
  const text = page?.status === 'ok' && page.text.length > feedText.length / 2 ? page.text : feedText;
  const analysis = analyzeArticle({
    title,
    text,
    declared: { page: page?.status === 'ok' ? page.language : null, feed: context.feedLanguage },
  }, context.analysis);
  return {
    url,
    originalUrl: item.link && item.link !== url ? item.link : null,
    guid: item.id,
    source: context.feed.name,
    title,
    summary: summaryText.slice(0, 2000) || null,
    bodyText: text,
    author: item.author ?? (page?.status === 'ok' ? page.author : null),
    siteName: page?.status === 'ok' ? page.siteName : null,
    language: analysis.language.language,
    languageConfidence: analysis.language.confidence,
    languageEvidence: analysis.language.evidence,
    declaredLanguage: (page?.status === 'ok' ? page.language : null) ?? context.feedLanguage,
    publishedAt: item.published ?? item.updated ?? (page?.status === 'ok' ? page.published : null),
    fetchedAt: context.now,
    contentHash: contentHash(title, text),
    extractStatus: !context.fullText ? 'skipped' : page?.status === 'ok' ? 'ok' : 'failed',
    extractError: page?.status === 'failed' ? page.error : null,
    mentions: analysis.mentions,
    entities: analysis.entities,
    feed: { feedId: context.feed.id, guid: item.id },
  };
}

type PageText =
  | { status: 'ok'; text: string; title: string | null; language: string | null; author: string | null;
      siteName: string | null; published: Date | null }
  | { status: 'failed'; error: string };

async function fetchFullText(url: string, context: ItemContext): Promise<PageText> {
  const result = await context.fetcher.get(url, { kind: 'page', ...(context.signal ? { signal: context.signal } : {}) });
  if (result.status === 'failed') return { status: 'failed', error: result.error };
  if (result.status === 'not-modified') return { status: 'failed', error: 'unexpected 304 for an article page' };
  if (result.contentType && !/html|xml/.test(result.contentType)) {
    return { status: 'failed', error: `not an HTML page (${result.contentType})` };
  }
  const page = extractArticle(decodeHtml(result.body, result.charset), { url: result.url });
  if (page.text.trim() === '') return { status: 'failed', error: 'no article text found on the page' };
  return { status: 'ok', ...page };
}
