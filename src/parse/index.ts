/**
 * The parse stage: feed bytes in, a normalised, validated feed out. Expected failures (not a
 * feed at all) come back as values with one readable line; damaged feeds are read as far as
 * they go. Pure: no network, no clock.
 */
import type { ParsedFeed } from '../domain/types.ts';
import { mapAtom } from './atom.ts';
import { decodeFeedBytes } from './decode.ts';
import { normaliseFeed } from './normalise.ts';
import type { RawFeed } from './raw.ts';
import { mapRss } from './rss.ts';
import { type XmlElement, parseXmlTree } from './xml-tree.ts';

export { decodeFeedBytes, detectFeedEncoding } from './decode.ts';
export { parseFeedDate } from './dates.ts';

export type ParseResult = { status: 'ok'; feed: ParsedFeed } | { status: 'failed'; error: string };

export interface ParseOptions {
  /** The charset parameter of the HTTP Content-Type, when the feed was fetched. */
  contentTypeCharset?: string | null;
  /** The document's URL: relative links resolve against it when the feed sets no xml:base. */
  baseUrl?: string;
}

export function parseFeed(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  if (bytes.length === 0) return failed('empty document');
  return parseFeedText(decodeFeedBytes(bytes, options.contentTypeCharset), options);
}

/** For text already decoded (tests, stdin in a known encoding). */
export function parseFeedText(text: string, options: Pick<ParseOptions, 'baseUrl'> = {}): ParseResult {
  if (text.trim() === '') return failed('empty document');
  if (looksBinary(text)) return failed('not a feed: the document is binary data, not XML');
  const root = parseXmlTree(text, options.baseUrl ?? null);
  if (!root) return failed('not a feed: no XML element found');
  const raw = mapRoot(root, options.baseUrl ?? null);
  if (!raw) return failed(`not a feed: the root element is <${root.name}>, expected <rss>, <rdf:RDF> or <feed>`);
  return { status: 'ok', feed: normaliseFeed(raw) };
}

function mapRoot(root: XmlElement, documentBase: string | null): RawFeed | null {
  switch (root.key) {
    case 'rss':
    case 'channel':
      return mapRss(root, 'rss', documentBase);
    case 'rdf:rdf':
      return mapRss(root, 'rdf', documentBase);
    case 'feed':
      return mapAtom(root);
    default:
      return null;
  }
}

/** Control characters other than tab/newline in the first kilobyte: not a text document. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 1024);
  const controls = head.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls > head.length / 10;
}

function failed(error: string): ParseResult {
  return { status: 'failed', error };
}
