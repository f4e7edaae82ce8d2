/**
 * Lenient field readers shared by the RSS and Atom mappings: each returns null (or []) on junk
 * and never throws, so one odd element cannot fail an item.
 */
import { parseFeedDate } from './dates.ts';
import { type XmlElement, attribute, childElements, textContent } from './xml-tree.ts';
import { resolveUrl } from './url.ts';

/** Longest text we keep in a single-line field; a 5 MB title is an attack or a bug, not a title. */
export const MAX_LINE_LENGTH = 2_000;
/** Longest summary or content we keep. */
export const MAX_BODY_LENGTH = 1_000_000;

export function clip(value: string | null, limit: number): string | null {
  if (value === null) return null;
  if (value.length <= limit) return value;
  return `${value.slice(0, limit - 1).trimEnd()}…`;
}

export function nonEmpty(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Trimmed text of the first child with one of the keys (in key priority order). */
export function childText(element: XmlElement, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const child of childElements(element, key)) {
      const text = nonEmpty(textContent(child));
      if (text !== null) return text;
    }
  }
  return null;
}

/** Text directly inside the element, ignoring nested elements (`<category>x<image>…</image></category>`). */
export function ownText(element: XmlElement): string | null {
  return nonEmpty(element.children.filter((c): c is string => typeof c === 'string').join(''));
}

/** The date of the last child (in document order) with one of the keys: later values overwrite earlier ones. */
export function lastDate(element: XmlElement, ...keys: string[]): Date | null {
  const found = childElements(element, ...keys);
  for (let i = found.length - 1; i >= 0; i -= 1) {
    const date = parseFeedDate(textContent(found[i]!));
    if (date) return date;
  }
  return null;
}

/** The first parseable date among the keys, in key priority order. */
export function firstDate(element: XmlElement, ...keys: string[]): Date | null {
  for (const key of keys) {
    for (const child of childElements(element, key)) {
      const date = parseFeedDate(textContent(child));
      if (date) return date;
    }
  }
  return null;
}

export function absoluteLink(value: string | null | undefined, base: string | null): string | null {
  const text = nonEmpty(value);
  return text === null ? null : resolveUrl(text, base);
}

/** Language tags as BCP 47 writes them ("en_US" → "en-US"). */
export function normaliseLanguage(value: string | null | undefined): string | null {
  const text = nonEmpty(value);
  return text === null ? null : text.replace(/_/g, '-');
}

/** "Name (email)" from an Atom person construct or similar (name, email, uri children). */
export function personName(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const name = childText(element, 'name', 'dc:creator');
  const email = childText(element, 'email');
  if (name && email) return `${name} (${email})`;
  return name ?? email ?? ownText(element);
}

export function integer(value: string | null | undefined): number | null {
  const text = nonEmpty(value);
  if (text === null || !/^\d+$/.test(text)) return null;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : null;
}

/** Atom-style `<link rel="…" href="…">` of the given relation (alternate also matches a missing rel). */
export function atomLinks(element: XmlElement, rel: string): XmlElement[] {
  return childElements(element, 'link').filter((link) => {
    const linkRel = (attribute(link, 'rel') ?? 'alternate').trim().toLowerCase();
    return linkRel === rel && attribute(link, 'href') !== undefined;
  });
}

export function linkHref(link: XmlElement | undefined): string | null {
  if (!link) return null;
  return absoluteLink(attribute(link, 'href'), link.base);
}
