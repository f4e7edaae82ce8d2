/**
 * The extraction stage: one HTML page in, its article text and metadata out. Pure: no network,
 * no clock. `decodeHtml` turns fetched bytes into the string this function takes.
 */
import { load } from 'cheerio';
import type { Element } from 'domhandler';
import type { ExtractedPage } from '../domain/types.ts';
import { extractBodyText } from './body.ts';
import { readJsonLd } from './json-ld.ts';
import { readMetadata, resolveUrl } from './metadata.ts';

export { decodeHtml } from './decode.ts';

export interface ExtractOptions {
  /** The page's URL: base for relative canonical links, echoed as `url`. */
  url?: string;
}

export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedPage {
  const url = resolveUrl(options.url, null) ?? options.url ?? null;
  const $ = load(html);
  const ld = readJsonLd($);
  const meta = readMetadata($, ld, url);
  const body = ($('body')[0] ?? $.root().children('html')[0]) as Element | undefined;
  const text = body ? extractBodyText(body) : '';
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    text,
    author: meta.author,
    published: meta.published,
    language: meta.language,
    siteName: meta.siteName,
  };
}
