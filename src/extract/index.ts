/**
 * The extraction stage: one HTML page in, its article text and metadata out. Pure: no network,
 * no clock. `decodeHtml` turns fetched bytes into the string this function takes.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { ExtractedPage } from '../domain/types.ts';
import { extractBodyText } from './body.ts';
import type { CleanOptions } from './clean.ts';
import { embeddedStateText } from './embedded-state.ts';
import { articleNode, ldString, readJsonLd } from './json-ld.ts';
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
  const domText = noscriptFallback(html, bodyText($));
  const text = stateFallback(html, preferArticleBody(domText, ldString(articleNode(ld)?.articleBody)), meta.title);
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

function bodyText($: CheerioAPI, options: CleanOptions = {}): string {
  const body = $('body')[0] ?? $.root().children('html')[0];
  return body ? extractBodyText(body, options) : '';
}

/**
 * Script-rendered pages (Blogger, some CMS themes) often keep a full copy of the text in `<noscript>`,
 * which the default parse treats as raw text. Only a stub result is worth a second parse.
 */
function noscriptFallback(html: string, domText: string): string {
  if (domText.length >= STUB_LENGTH || !/<noscript/i.test(html)) return domText;
  const text = bodyText(load(html, { scriptingEnabled: false }), { keepNoscript: true });
  return text.length > domText.length ? text : domText;
}

/** Still a stub: the last resort is the page's embedded script state (React props, JSON blocks). */
function stateFallback(html: string, text: string, title: string | null): string {
  if (text.length >= STUB_LENGTH) return text;
  const state = embeddedStateText(html, title);
  return state.length > text.length ? state : text;
}

/** Below this many characters the DOM result is a stub (a JS-rendered page, a teaser) and JSON-LD may do better. */
const STUB_LENGTH = 300;

/**
 * JSON-LD `articleBody` is used only when the DOM gave (almost) nothing: publishers often truncate
 * it or flatten its paragraphs, but on script-rendered pages it is the only copy of the text.
 */
function preferArticleBody(domText: string, articleBody: string | null): string {
  if (!articleBody || domText.length >= STUB_LENGTH) return domText;
  const text = articleBody
    .replace(/<\/(p|div|h\d|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .split(/\n\s*\n|\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return text.length > domText.length ? text : domText;
}
