/**
 * Removes what is never article body before scoring: scripts and media, navigation and asides,
 * hidden elements, and containers whose class or id says comments, sharing, cookies, teasers…
 * Guards keep real content: an element that wraps the page's main content (`<main>`,
 * `itemprop=articleBody`, or a large share of the page's non-link text) is never removed, since
 * themes put words like "sidebar" or "nav" on layout wrappers; and a container whose hints also
 * say "content" survives unless it is small or mostly links.
 */
import type { AnyNode, ChildNode, Element } from 'domhandler';
import { childrenOf, elementsOf, hintsOf, isElement, removeNode, tagOf } from './dom.ts';
import { COMMENTS, DROP_TAGS, LIKELY, STRUCTURAL_DROP, UNLIKELY_ANYWHERE, UNLIKELY_TOKEN_START } from './hints.ts';
import { measureText, type TextMeasure } from './measure.ts';

const PROTECTED = new Set(['html', 'body', 'main']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const LANDMARK_ROLES = /^(navigation|banner|complementary|contentinfo|dialog|alertdialog|search|menu|menubar)$/;
/** Share of the page's non-link text above which an element is the content, whatever its class. */
const MAIN_SHARE = 0.4;

interface CleanContext {
  keep: Set<Element>;
  measure: Map<Element, TextMeasure>;
  pageText: number;
}

export function removeBoilerplateNodes(root: Element): void {
  const measure = measureText(root);
  const context: CleanContext = { keep: wrappersOfMainContent(root), measure, pageText: plainChars(measure.get(root)) };
  const doomed: ChildNode[] = [];
  const stack: AnyNode[] = [...childrenOf(root)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment' || node.type === 'directive') {
      doomed.push(node as ChildNode);
      continue;
    }
    if (!isElement(node)) continue;
    if (isUnwanted(node, context)) {
      doomed.push(node);
      continue;
    }
    stack.push(...node.children);
  }
  for (const node of doomed) removeNode(node);
}

function plainChars(measure: TextMeasure | undefined): number {
  return measure ? measure.text - measure.links : 0;
}

/** Ancestors (inclusive) of elements that mark the main content. */
function wrappersOfMainContent(root: Element): Set<Element> {
  const keep = new Set<Element>();
  for (const element of elementsOf(root)) {
    if (!isMainMarker(element)) continue;
    let node: AnyNode | null = element;
    while (node && isElement(node) && !keep.has(node)) {
      keep.add(node);
      node = node.parent;
    }
  }
  return keep;
}

function isMainMarker(element: Element): boolean {
  if (tagOf(element) === 'main' || element.attribs.role === 'main') return true;
  const itemprop = element.attribs.itemprop;
  return Boolean(itemprop && /\barticleBody\b/i.test(itemprop));
}

function isUnwanted(element: Element, context: CleanContext): boolean {
  const tag = tagOf(element);
  if (DROP_TAGS.has(tag)) return true;
  if (PROTECTED.has(tag)) return false;
  const hints = hintsOf(element);
  if (isComments(element, hints)) return true;
  if (context.keep.has(element) || isLargeShare(element, context)) return false;
  if (STRUCTURAL_DROP.has(tag)) return true;
  const { style, hidden } = element.attribs;
  if (hidden !== undefined || (style && HIDDEN_STYLE.test(style))) return true;
  const measure = context.measure.get(element);
  if (element.attribs['aria-hidden'] === 'true' && (measure?.text ?? 0) < 200) return true;
  const role = element.attribs.role;
  if (role && LANDMARK_ROLES.test(role)) return true;
  if (!hints || !(UNLIKELY_ANYWHERE.test(hints) || UNLIKELY_TOKEN_START.test(hints))) return false;
  if (!LIKELY.test(hints)) return true;
  return isMinor(measure);
}

function isComments(element: Element, hints: string): boolean {
  return Boolean(hints) && COMMENTS.test(hints) && !LIKELY.test(hints.replace(COMMENTS, ' '));
}

function isLargeShare(element: Element, context: CleanContext): boolean {
  return context.pageText > 0 && plainChars(context.measure.get(element)) >= MAIN_SHARE * context.pageText;
}

/** Small, or mostly link text: a widget even if its class says "content". */
function isMinor(measure: TextMeasure | undefined): boolean {
  if (!measure || measure.text < 500) return true;
  return measure.links / measure.text > 0.4;
}
