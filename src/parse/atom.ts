/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 to our raw feed shape. 0.3 names (tagline, issued, modified,
 * created) are read alongside their 1.0 successors; for dates the last value written wins.
 */
import type { Enclosure } from '../domain/types.ts';
import {
  absoluteLink, atomLinks, childText, integer, lastDate, linkHref, nonEmpty, normaliseLanguage, personName,
} from './fields.ts';
import type { RawFeed, RawItem } from './raw.ts';
import { unique } from './rss.ts';
import { readAtomConstruct, type Construct } from './text-construct.ts';
import { type XmlElement, attribute, childElements, firstChild, textContent } from './xml-tree.ts';

export function mapAtom(root: XmlElement): RawFeed {
  const link = preferredLink(root);
  const base = root.base ?? link;
  return {
    format: 'atom',
    feed: {
      title: construct(firstChild(root, 'title')),
      link,
      description: construct(firstChild(root, 'subtitle', 'tagline', 'info')),
      language: normaliseLanguage(root.lang ?? childText(root, 'dc:language')),
      author: personName(firstChild(root, 'author')) ?? childText(root, 'dc:creator'),
      published: lastDate(root, 'published', 'issued', 'created'),
      updated: lastDate(root, 'updated', 'modified'),
      image: absoluteLink(childText(root, 'logo', 'icon'), base),
      ttlMinutes: null,
    },
    items: childElements(root, 'entry').map((entry) => mapEntry(entry, base)),
    base,
  };
}

function mapEntry(entry: XmlElement, feedBase: string | null): RawItem {
  const base = entry.base ?? feedBase;
  const content = firstChild(entry, 'content');
  return {
    id: childText(entry, 'id', 'guid'),
    link: preferredLink(entry) ?? absoluteLink(childText(entry, 'feedburner:origlink'), base),
    title: construct(firstChild(entry, 'title')),
    summary: construct(firstChild(entry, 'summary')),
    content: content && attribute(content, 'src') === undefined ? readAtomConstruct(content) : null,
    author: personName(firstChild(entry, 'author')) ?? childText(entry, 'dc:creator'),
    published: lastDate(entry, 'published', 'issued', 'created'),
    updated: lastDate(entry, 'updated', 'modified'),
    categories: unique([
      ...childElements(entry, 'category').map((c) => attribute(c, 'term') ?? attribute(c, 'label') ?? ''),
      ...childElements(entry, 'dc:subject').map((c) => textContent(c)),
    ]),
    enclosures: atomLinks(entry, 'enclosure').map((link): Enclosure => ({
      url: linkHref(link)!,
      type: nonEmpty(attribute(link, 'type')),
      length: integer(attribute(link, 'length')),
    })),
    base,
  };
}

/** rel="alternate" (or no rel), an HTML one first; feedburner:origLink wins as the real article URL. */
function preferredLink(element: XmlElement): string | null {
  const origin = childText(element, 'feedburner:origlink');
  if (origin) return absoluteLink(origin, element.base);
  const alternates = atomLinks(element, 'alternate');
  const html = alternates.find((l) => /html/i.test(attribute(l, 'type') ?? 'text/html'));
  return linkHref(html ?? alternates[0]);
}

function construct(element: XmlElement | undefined): Construct | null {
  return element ? readAtomConstruct(element) : null;
}
