/**
 * A small namespace-aware element tree built with htmlparser2's tolerant XML tokenizer.
 * Why not a strict XML parser: real feeds are often ill-formed (cut off, stray `&`, HTML entities
 * such as `&auml;` that XML does not define). The tokenizer never throws, closes what is left
 * open at the end, and never reads a DTD, so internal entities ("billion laughs") and external
 * entities are not expanded: `&lol9;` stays as those five characters. See docs/decisions/0010.
 */
import { Parser } from 'htmlparser2';
import { decodeHTMLStrict } from 'entities';
import { namespacePrefix } from './namespaces.ts';
import { resolveUrl } from './url.ts';

export interface XmlElement {
  /** Qualified name as written, e.g. `dc:creator`. */
  name: string;
  /** `prefix:local` with a canonical prefix for known namespaces; just `local` for the feed's own. Lower case. */
  key: string;
  uri: string | null;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** xml:base in effect (absolute when the document base is known). */
  base: string | null;
  /** xml:lang in effect. */
  lang: string | null;
}

export type XmlNode = XmlElement | string;

interface Frame {
  element: XmlElement;
  namespaces: Map<string, string>;
}

/** Parses `text` into a tree; returns the root element, or null when there is none. */
export function parseXmlTree(text: string, baseUrl: string | null): XmlElement | null {
  const documentFrame: Frame = {
    element: { name: '#document', key: '#document', uri: null, attrs: {}, children: [], base: baseUrl, lang: null },
    namespaces: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]),
  };
  const stack: Frame[] = [documentFrame];
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1]!;
        const attrs = decodeAttributes(attribs);
        const namespaces = scopeNamespaces(parent.namespaces, attrs);
        const element = makeElement(name, attrs, namespaces, parent.element);
        parent.element.children.push(element);
        stack.push({ element, namespaces });
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        if (stack.length === 1) return; // text outside the root element (or a DTD's leftovers)
        const target = stack[stack.length - 1]!.element.children;
        const value = inCdata ? data : decodeEntities(data);
        const last = target[target.length - 1];
        if (typeof last === 'string') target[target.length - 1] = last + value;
        else target.push(value);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  const root = documentFrame.element.children.find((c): c is XmlElement => typeof c !== 'string');
  return root ?? null;
}

function decodeAttributes(attribs: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) attrs[name] = decodeEntities(value);
  return attrs;
}

/**
 * XML and HTML entities, with HTML 4's meaning for the two that HTML5 redefined: feeds were
 * written against HTML 4, where &lang; and &rang; are U+2329 and U+232A.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTMLStrict(text.replace(/&(lang|rang);/g, (_m, name: string) => (name === 'lang' ? '\u2329' : '\u232a')));
}

function scopeNamespaces(inherited: Map<string, string>, attrs: Record<string, string>): Map<string, string> {
  let scoped = inherited;
  for (const [name, value] of Object.entries(attrs)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    if (scoped === inherited) scoped = new Map(inherited);
    scoped.set(name === 'xmlns' ? '' : name.slice(6), value.trim());
  }
  return scoped;
}

function makeElement(
  name: string,
  attrs: Record<string, string>,
  namespaces: Map<string, string>,
  parent: XmlElement,
): XmlElement {
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon) : '';
  const local = colon >= 0 ? name.slice(colon + 1) : name;
  const uri = namespaces.get(prefix) ?? null;
  const canonical = namespacePrefix(uri, prefix);
  const xmlBase = attrs['xml:base'];
  const xmlLang = attrs['xml:lang'];
  return {
    name,
    key: (canonical ? `${canonical}:${local}` : local).toLowerCase(),
    uri,
    attrs,
    children: [],
    base: xmlBase !== undefined ? resolveUrl(xmlBase.trim(), parent.base) : parent.base,
    lang: xmlLang !== undefined ? xmlLang.trim() : parent.lang,
  };
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

/** Child elements, optionally only those with one of the given keys. */
export function childElements(element: XmlElement, ...keys: string[]): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (keys.length === 0 || keys.includes(c.key)),
  );
}

export function firstChild(element: XmlElement, ...keys: string[]): XmlElement | undefined {
  for (const key of keys) {
    const found = element.children.find((c): c is XmlElement => typeof c !== 'string' && c.key === key);
    if (found) return found;
  }
  return undefined;
}

/** All text below the element, in document order. */
export function textContent(node: XmlNode): string {
  if (typeof node === 'string') return node;
  return node.children.map(textContent).join('');
}

/** An attribute by local name, whatever prefix it was written with. */
export function attribute(element: XmlElement, local: string): string | undefined {
  if (element.attrs[local] !== undefined) return element.attrs[local];
  const lower = local.toLowerCase();
  for (const [name, value] of Object.entries(element.attrs)) {
    const bare = name.slice(name.indexOf(':') + 1).toLowerCase();
    if (bare === lower && !name.startsWith('xmlns')) return value;
  }
  return undefined;
}
