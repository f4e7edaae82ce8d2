/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and CDF to our raw feed shape. Element precedence follows what
 * publishers mean: feedburner:origLink beats the tracking <link> (feedjira's TechCrunch spec),
 * an explicit <link> beats a permalink <guid>, content:encoded is the full text.
 */
import type { Enclosure } from '../domain/types.ts';
import {
  absoluteLink, atomLinks, childText, firstDate, integer, linkHref, nonEmpty, normaliseLanguage, ownText,
} from './fields.ts';
import { parseFeedDate } from './dates.ts';
import type { RawFeed, RawItem } from './raw.ts';
import { readHtmlElement, type Construct } from './text-construct.ts';
import { type XmlElement, attribute, childElements, firstChild, textContent } from './xml-tree.ts';

/**
 * RSS has no base of its own: relative links resolve against an xml:base when one is set, else the
 * channel link (the site), else the document URL (`documentBase`, where the feed was fetched from).
 */
export function mapRss(root: XmlElement, format: 'rss' | 'rdf', documentBase: string | null): RawFeed {
  const channel = root.key === 'channel' ? root : firstChild(root, 'channel') ?? root;
  const link = channelLink(channel);
  const items = [...childElements(channel, 'item'), ...(channel === root ? [] : childElements(root, 'item'))];
  return {
    format,
    feed: {
      title: plain(firstChild(channel, 'title', 'dc:title')),
      link,
      description: html(firstChild(channel, 'description', 'dc:description', 'abstract', 'subtitle', 'itunes:subtitle', 'itunes:summary')),
      language: normaliseLanguage(childText(channel, 'language', 'dc:language') ?? channel.lang ?? root.lang),
      author: childText(channel, 'managingeditor', 'author', 'dc:creator', 'itunes:author', 'dc:publisher', 'webmaster'),
      published: firstDate(channel, 'pubdate', 'dcterms:issued', 'dc:date', 'dcterms:created'),
      updated: firstDate(channel, 'lastbuilddate', 'dcterms:modified', 'lastmod', 'updated') ?? cdfLastMod(channel),
      image: channelImage(channel, root),
      ttlMinutes: integer(childText(channel, 'ttl')),
    },
    items: items.map((item) => mapRssItem(item, item.base !== documentBase ? item.base : link ?? documentBase)),
    base: link,
  };
}

/** Microsoft CDF puts the modification date in a LASTMOD attribute. */
function cdfLastMod(element: XmlElement): Date | null {
  return parseFeedDate(attribute(element, 'lastmod'));
}

function channelLink(channel: XmlElement): string | null {
  const textLink = childElements(channel, 'link').find((l) => nonEmpty(textContent(l)) !== null);
  if (textLink) return absoluteLink(textContent(textLink), channel.base);
  return linkHref(atomLinks(channel, 'alternate')[0]) ?? absoluteLink(attribute(channel, 'href'), channel.base);
}

function channelImage(channel: XmlElement, root: XmlElement): string | null {
  const image = firstChild(channel, 'image') ?? firstChild(root, 'image');
  const url = image ? childText(image, 'url') ?? attribute(image, 'resource') : undefined;
  const itunes = firstChild(channel, 'itunes:image');
  return absoluteLink(url ?? (itunes ? attribute(itunes, 'href') : undefined), channel.base);
}

function mapRssItem(item: XmlElement, base: string | null): RawItem {
  const guid = firstChild(item, 'guid');
  const guidText = guid ? nonEmpty(textContent(guid)) : null;
  return {
    id: guidText ?? nonEmpty(attribute(item, 'about')) ?? null,
    link: itemLink(item, guid, guidText, base),
    title: plain(firstChild(item, 'title', 'dc:title', 'media:title', 'itunes:title')),
    summary: html(firstChild(item, 'description', 'dc:description', 'abstract', 'summary', 'itunes:summary', 'itunes:subtitle')),
    content: html(firstChild(item, 'content:encoded', 'xhtml:body', 'fullitem', 'content')),
    author: childText(item, 'author', 'dc:creator', 'itunes:author', 'dc:contributor'),
    published: firstDate(item, 'pubdate', 'dcterms:issued', 'dc:date', 'dcterms:created', 'published'),
    updated: firstDate(item, 'dcterms:modified', 'lastmod', 'updated') ?? cdfLastMod(item),
    categories: itemCategories(item),
    enclosures: itemEnclosures(item, base),
    base,
  };
}

function itemLink(item: XmlElement, guid: XmlElement | undefined, guidText: string | null, base: string | null): string | null {
  const origin = childText(item, 'feedburner:origlink');
  if (origin) return absoluteLink(origin, base);
  const text = childElements(item, 'link').find((l) => nonEmpty(textContent(l)) !== null);
  if (text) return absoluteLink(textContent(text), base);
  const alternate = linkHref(atomLinks(item, 'alternate')[0]);
  if (alternate) return alternate;
  const href = attribute(item, 'href');
  if (href) return absoluteLink(href, base);
  const permalink = guid && (attribute(guid, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
  if (permalink && guidText && /^https?:\/\//i.test(guidText)) return guidText;
  return null;
}

function itemCategories(item: XmlElement): string[] {
  const found: string[] = [];
  // Made-up <tags> and iTunes keywords are comma-separated lists.
  for (const category of childElements(item, 'tags', 'itunes:keywords')) {
    found.push(...(ownText(category) ?? '').split(',').map((t) => t.trim()));
  }
  for (const category of childElements(item, 'category', 'dc:subject')) found.push(ownText(category) ?? attribute(category, 'term') ?? '');
  for (const category of childElements(item, 'itunes:category')) collectItunesCategories(category, found);
  return unique(found);
}

function collectItunesCategories(category: XmlElement, into: string[]): void {
  into.push(attribute(category, 'text') ?? '');
  for (const nested of childElements(category, 'itunes:category')) collectItunesCategories(nested, into);
}

function itemEnclosures(item: XmlElement, base: string | null): Enclosure[] {
  const enclosures: Enclosure[] = [];
  for (const enclosure of childElements(item, 'enclosure')) {
    const url = absoluteLink(attribute(enclosure, 'url') ?? attribute(enclosure, 'href'), base);
    if (url) enclosures.push({ url, type: nonEmpty(attribute(enclosure, 'type')), length: integer(attribute(enclosure, 'length')) });
  }
  for (const link of atomLinks(item, 'enclosure')) {
    const url = linkHref(link);
    if (url) enclosures.push({ url, type: nonEmpty(attribute(link, 'type')), length: integer(attribute(link, 'length')) });
  }
  return enclosures;
}

export function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** RSS titles are plain text. */
function plain(element: XmlElement | undefined): Construct | null {
  return element ? { kind: 'text', value: textContent(element) } : null;
}

/** RSS descriptions carry HTML by convention. */
function html(element: XmlElement | undefined): Construct | null {
  return element ? readHtmlElement(element) : null;
}
