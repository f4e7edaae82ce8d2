/**
 * Page metadata: title, author, published date, canonical URL, declared language, site name.
 * JSON-LD first (publishers fill it for search engines, so it is usually the most careful),
 * then Open Graph / article:* / Dublin Core meta tags, then plain HTML.
 */
import type { CheerioAPI } from 'cheerio';
import { articleNode, ldAuthor, ldString, type LdNode } from './json-ld.ts';
import { parseDate } from './dates.ts';
import { normaliseSpace } from './dom.ts';

export interface PageMetadata {
  title: string | null;
  author: string | null;
  published: Date | null;
  canonicalUrl: string | null;
  language: string | null;
  siteName: string | null;
}

export function readMetadata($: CheerioAPI, ld: LdNode[], url: string | null): PageMetadata {
  const article = articleNode(ld);
  const meta = metaReader($);
  const siteName = meta('og:site_name') ?? ldString(publisherOf(article)) ?? meta('application-name');
  return {
    title: readTitle($, article, meta, siteName),
    author: readAuthor(article, meta),
    published: firstDate([
      ldString(article?.datePublished), meta('article:published_time'), meta('og:published_time'),
      meta('datePublished'), meta('date'), meta('dc.date'), meta('dc.date.issued'), meta('dcterms.date'),
      meta('pubdate'), meta('publishdate'), meta('sailthru.date'), meta('parsely-pub-date'),
      $('time[datetime]').first().attr('datetime'), ldString(article?.dateCreated),
    ]),
    canonicalUrl: resolveUrl($('link[rel~="canonical"]').first().attr('href') ?? meta('og:url'), url),
    language: readLanguage($, article, meta),
    siteName: siteName ? normaliseSpace(siteName) : null,
  };
}

type MetaReader = (name: string) => string | null;

/** Looks up `<meta name|property|itemprop=… content=…>`, case-insensitively, once per page. */
function metaReader($: CheerioAPI): MetaReader {
  const table = new Map<string, string>();
  $('meta[content]').each((_, element) => {
    const { name, property, itemprop, content } = element.attribs;
    const value = content?.trim();
    if (!value) return;
    for (const key of [name, property, itemprop]) {
      const lower = key?.trim().toLowerCase();
      if (lower && !table.has(lower)) table.set(lower, value);
    }
  });
  return (name) => table.get(name) ?? null;
}

function publisherOf(article: LdNode | null): unknown {
  return article?.publisher ?? null;
}

function readTitle($: CheerioAPI, article: LdNode | null, meta: MetaReader, siteName: string | null): string | null {
  const candidates = [
    ldString(article?.headline), meta('og:title'), meta('twitter:title'), meta('dc.title'),
    $('h1').first().text(), stripSiteName($('title').first().text(), siteName),
  ];
  for (const candidate of candidates) {
    const title = candidate ? normaliseSpace(candidate) : '';
    if (title) return title;
  }
  return null;
}

/** "Headline | Site" or "Headline - Site" → "Headline". */
function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—·-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!.trim().toLowerCase();
  const drop = siteName ? last.includes(siteName.toLowerCase()) || siteName.toLowerCase().includes(last) : last.length < 30;
  return drop ? parts.slice(0, -1).join(' - ') : title;
}

function readAuthor(article: LdNode | null, meta: MetaReader): string | null {
  const candidates = [
    ldAuthor(article?.author), meta('author'), meta('article:author'), meta('parsely-author'),
    meta('dc.creator'), meta('sailthru.author'), meta('byl'),
  ];
  for (const candidate of candidates) {
    if (!candidate || /^https?:\/\//.test(candidate)) continue;
    const author = normaliseSpace(candidate.replace(/^(von|by)\s+/i, ''));
    if (author) return author;
  }
  return null;
}

function firstDate(candidates: (string | null | undefined)[]): Date | null {
  for (const candidate of candidates) {
    const date = parseDate(candidate);
    if (date) return date;
  }
  return null;
}

function readLanguage($: CheerioAPI, article: LdNode | null, meta: MetaReader): string | null {
  const candidates = [
    $('html').attr('lang'), $('html').attr('xml:lang'), meta('og:locale'),
    ldString(article?.inLanguage), meta('content-language'), meta('language'), meta('dc.language'),
    $('meta[http-equiv="content-language" i]').attr('content'),
  ];
  for (const candidate of candidates) {
    const language = normaliseLanguage(candidate);
    if (language) return language;
  }
  return null;
}

/** "de-DE", "de_DE", "DE" → "de"; anything that is not a language subtag → null. */
export function normaliseLanguage(value: string | null | undefined): string | null {
  if (!value) return null;
  const primary = value.trim().toLowerCase().split(/[-_,;\s]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const resolved = base ? new URL(href.trim(), base) : new URL(href.trim());
    return /^https?:$/.test(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
}
