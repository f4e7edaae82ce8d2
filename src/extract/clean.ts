/**
 * Removes what is never article body before scoring: scripts and media, navigation and asides,
 * hidden elements, and containers whose class or id says comments, sharing, cookies, teasers…
 * A container whose hints also say "content" survives unless it is small or mostly links,
 * because themes put words like "sidebar" on the wrapper of the whole page.
 */
import type { AnyNode, ChildNode, Element } from 'domhandler';
import { childrenOf, hintsOf, isElement, normaliseSpace, removeNode, tagOf, textOf } from './dom.ts';
import { DROP_TAGS, LIKELY, UNLIKELY } from './hints.ts';

const PROTECTED = new Set(['html', 'body', 'main']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function removeBoilerplateNodes(root: AnyNode): void {
  const doomed: ChildNode[] = [];
  const stack: AnyNode[] = [...childrenOf(root)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment' || node.type === 'directive') {
      doomed.push(node as ChildNode);
      continue;
    }
    if (!isElement(node)) continue;
    if (isUnwanted(node)) {
      doomed.push(node);
      continue;
    }
    stack.push(...node.children);
  }
  for (const node of doomed) removeNode(node);
}

function isUnwanted(element: Element): boolean {
  const tag = tagOf(element);
  if (DROP_TAGS.has(tag)) return true;
  if (PROTECTED.has(tag)) return false;
  const { style, hidden } = element.attribs;
  if (hidden !== undefined || (style && HIDDEN_STYLE.test(style))) return true;
  if (element.attribs['aria-hidden'] === 'true' && textOf(element).length < 200) return true;
  const role = element.attribs.role;
  if (role && /^(navigation|banner|complementary|contentinfo|dialog|alertdialog|search|menu|menubar)$/.test(role)) return true;
  const hints = hintsOf(element);
  if (!hints || !UNLIKELY.test(hints)) return false;
  if (!LIKELY.test(hints)) return true;
  return looksMinor(element);
}

/** Small, or mostly link text: a widget even if its class says "content". */
function looksMinor(element: Element): boolean {
  const text = normaliseSpace(textOf(element));
  if (text.length < 500) return true;
  let linkChars = 0;
  const stack: AnyNode[] = [...element.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (tagOf(node) === 'a') linkChars += normaliseSpace(textOf(node)).length;
    else stack.push(...node.children);
  }
  return linkChars / text.length > 0.4;
}
