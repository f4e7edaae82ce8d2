/**
 * Text and link-text length of every element, in one post-order pass (no quadratic re-walks).
 * Lengths count characters after collapsing whitespace runs to one space, approximately.
 */
import { isText, type AnyNode, type Element } from 'domhandler';
import { isElement, tagOf } from './dom.ts';

export interface TextMeasure {
  text: number;
  links: number;
}

export function measureText(root: Element): Map<Element, TextMeasure> {
  const out = new Map<Element, TextMeasure>();
  visit(root, false, out, 0);
  return out;
}

function visit(node: AnyNode, inLink: boolean, out: Map<Element, TextMeasure>, depth: number): TextMeasure {
  const total: TextMeasure = { text: 0, links: 0 };
  if (depth > 1500) return total;
  for (const child of 'children' in node ? node.children : []) {
    if (isText(child)) {
      const length = collapsedLength(child.data);
      total.text += length;
      if (inLink) total.links += length;
    } else if (isElement(child)) {
      const measure = visit(child, inLink || tagOf(child) === 'a', out, depth + 1);
      total.text += measure.text;
      total.links += measure.links;
    }
  }
  if (isElement(node)) out.set(node, total);
  return total;
}

function collapsedLength(data: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < data.length; i += 1) {
    const code = data.charCodeAt(i);
    const isSpace = code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
    if (isSpace) {
      if (!space) length += 1;
      space = true;
    } else {
      length += 1;
      space = false;
    }
  }
  return length;
}
