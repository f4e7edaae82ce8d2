/**
 * Reading a text-bearing element (Atom text constructs, RSS description, content:encoded) as
 * either plain text or HTML, following the element's declared type: Atom 1.0 `type` text/html/
 * xhtml/other, Atom 0.3 `mode` escaped/xml/base64 (RFC 4287 §3.1, Atom 0.3 draft §3.1).
 */
import { type XmlElement, type XmlNode, attribute, isElement, textContent } from './xml-tree.ts';

export interface Construct {
  kind: 'text' | 'html';
  value: string;
}

const XHTML = 'http://www.w3.org/1999/xhtml';
/** Elements an HTML parser reads as empty; any other `<x />` would open an element that never closes. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** An Atom text construct (title, subtitle, summary, content, rights). */
export function readAtomConstruct(element: XmlElement): Construct {
  const type = (attribute(element, 'type') ?? '').trim().toLowerCase();
  const mode = (attribute(element, 'mode') ?? '').trim().toLowerCase();
  const hasMarkup = element.children.some(isElement);
  if (mode === 'base64' || isBinaryType(type)) return { kind: 'html', value: decodeBase64(textContent(element)) };
  if (type === 'xhtml' || type === 'application/xhtml+xml' || hasMarkup) {
    return { kind: 'html', value: serializeChildren(unwrapXhtmlDiv(element, type === 'xhtml')) };
  }
  if (mode === 'escaped' || type === 'html' || type === 'text/html') return { kind: 'html', value: textContent(element) };
  return { kind: 'text', value: textContent(element) };
}

/** RSS elements that carry HTML by convention (description, content:encoded, summary). */
export function readHtmlElement(element: XmlElement): Construct {
  if (element.children.some(isElement)) return { kind: 'html', value: serializeChildren(element.children) };
  return { kind: 'html', value: textContent(element) };
}

function isBinaryType(type: string): boolean {
  if (type === '' || type === 'text' || type === 'html' || type === 'xhtml') return false;
  if (type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml')) return false;
  return type.includes('/');
}

function decodeBase64(text: string): string {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=_-]*$/.test(compact)) return text;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Atom 1.0 xhtml content is wrapped in one xhtml:div that is not part of the content. */
function unwrapXhtmlDiv(element: XmlElement, isAtom10Xhtml: boolean): XmlNode[] {
  if (!isAtom10Xhtml) return element.children;
  const elements = element.children.filter(isElement);
  const onlyWhitespaceAround = element.children.every((c) => isElement(c) || c.trim() === '');
  const wrapper = elements[0];
  if (elements.length === 1 && onlyWhitespaceAround && wrapper && wrapper.key.endsWith('div')) {
    if (wrapper.uri === null || wrapper.uri === XHTML) return wrapper.children;
  }
  return element.children;
}

/** Inline XML back to markup; namespace prefixes of XHTML elements are dropped. */
export function serializeChildren(nodes: XmlNode[]): string {
  return nodes.map(serializeNode).join('');
}

function serializeNode(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const name = node.uri === XHTML ? node.name.slice(node.name.indexOf(':') + 1) : node.name;
  const attrs = Object.entries(node.attrs)
    .filter(([key]) => !(node.uri === XHTML && (key === 'xmlns' || key.startsWith('xmlns:'))))
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  if (node.children.length === 0 && VOID_ELEMENTS.has(name.toLowerCase())) return `<${name}${attrs} />`;
  return `<${name}${attrs}>${serializeChildren(node.children)}</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
