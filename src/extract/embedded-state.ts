/**
 * Article text from a script-rendered page's embedded state: React/Rails props in a `data-*`
 * attribute or a `<script type="application/json">` block (homify keeps a whole DIY article in
 * `data-react-props`, the DOM has none of it). Pages also embed related items there, so only the
 * object whose title matches the page title counts, and only its HTML fragments are read.
 */
import { load } from 'cheerio';
import { normaliseSpace } from './dom.ts';

const MIN_STATE_LENGTH = 200;
const MIN_TITLE_LENGTH = 10;
const MAX_DEPTH = 12;
const TITLE_KEYS = /^(title|headline|name)$/i;

export function embeddedStateText(html: string, pageTitle: string | null): string {
  const title = pageTitle ? fold(pageTitle) : '';
  if (title.length < MIN_TITLE_LENGTH) return '';
  let best = '';
  for (const state of embeddedStates(html)) {
    const article = findTitled(state, title, 0);
    const text = article ? htmlFragments(article, 0).map(fragmentText).filter(Boolean).join('\n\n') : '';
    if (text.length > best.length) best = text;
  }
  return best;
}

function embeddedStates(html: string): unknown[] {
  const $ = load(html);
  const raw: string[] = $('script[type="application/json"]').toArray().map((element) => $(element).text());
  for (const element of $('[data-react-props], [data-props], [data-state]').toArray()) {
    for (const [name, value] of Object.entries(element.attribs)) if (name.startsWith('data-')) raw.push(value);
  }
  const states: unknown[] = [];
  for (const text of raw) {
    if (text.length < MIN_STATE_LENGTH || !/^\s*[[{]/.test(text)) continue;
    try {
      states.push(JSON.parse(text));
    } catch {
      // Not JSON after all: skip it.
    }
  }
  return states;
}

/** The first object (depth first) with a title-like field that the page title contains. */
function findTitled(value: unknown, title: string, depth: number): object | null {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (!Array.isArray(value)) {
    for (const [key, field] of Object.entries(value)) {
      if (TITLE_KEYS.test(key) && typeof field === 'string' && field.length >= MIN_TITLE_LENGTH && title.includes(fold(field))) return value;
    }
  }
  for (const child of Object.values(value)) {
    const found = findTitled(child, title, depth + 1);
    if (found) return found;
  }
  return null;
}

/** String fields holding HTML paragraphs, in document order. */
function htmlFragments(value: unknown, depth: number): string[] {
  if (typeof value === 'string') return /<p[\s>]/i.test(value) ? [value] : [];
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap((child) => htmlFragments(child, depth + 1));
}

function fragmentText(fragment: string): string {
  const $ = load(fragment);
  return $('p, h2, h3, h4, li').toArray()
    .map((element) => normaliseSpace($(element).text()))
    .filter(Boolean)
    .join('\n\n');
}

function fold(text: string): string {
  return normaliseSpace(text).toLowerCase();
}
