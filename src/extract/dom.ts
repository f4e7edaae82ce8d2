/**
 * Small helpers over the domhandler tree that cheerio builds. The extractor walks nodes directly
 * instead of through cheerio selections: one linear pass per step keeps a page at a few ms.
 */
import { hasChildren, isCDATA, isTag, isText, type AnyNode, type ChildNode, type Element } from 'domhandler';
import { TAXONOMY_TOKENS } from './hints.ts';

export function isElement(node: AnyNode): node is Element {
  return isTag(node);
}

export function tagOf(node: AnyNode): string {
  return isElement(node) ? node.name.toLowerCase() : '';
}

export function childrenOf(node: AnyNode): ChildNode[] {
  return hasChildren(node) ? node.children : [];
}

/** Class and id for hint matching: camelCase and snake_case become kebab-case, lower-cased. */
export function hintsOf(element: Element): string {
  const { class: cls, id } = element.attribs;
  if (!cls && !id) return '';
  return `${cls ?? ''} ${id ?? ''}`
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase()
    .replace(TAXONOMY_TOKENS, ' ');
}

export function removeNode(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const siblings = parent.children;
  const index = siblings.indexOf(node);
  if (index >= 0) siblings.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** Elements in document order (pre-order), iteratively so deep pages do not overflow the stack. */
export function elementsOf(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i]!);
  }
  return out;
}

export function ancestorsOf(element: Element): Element[] {
  const out: Element[] = [];
  let parent = element.parent;
  while (parent && isElement(parent)) {
    out.push(parent);
    parent = parent.parent;
  }
  return out;
}

/** Raw text of a subtree, without normalising whitespace. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  let out = '';
  for (const child of childrenOf(node)) {
    if (isText(child) || isElement(child) || isCDATA(child)) out += textOf(child);
  }
  return out;
}

export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
