/**
 * Cuts a DOM subtree into text blocks: runs of inline text between block-level boundaries, each
 * remembering the element that owns it, how much of it is link text, and whether it is a heading
 * or a list item. Scoring and output both work on these blocks.
 */
import { isText, type AnyNode, type Element } from 'domhandler';
import { childrenOf, isElement, tagOf } from './dom.ts';
import { BLOCK_TAGS, HEADING_TAGS } from './hints.ts';

export interface TextBlock {
  text: string;
  /** Nearest block-level element around the text. */
  owner: Element;
  linkChars: number;
  kind: 'heading' | 'item' | 'quote' | 'pre' | 'cell' | 'text';
}

const MAX_DEPTH = 1500;

export interface BlockSet {
  blocks: TextBlock[];
  /** Elements with block-level children (the others are paragraphs in Readability's sense). */
  containers: Set<Element>;
}

export function collectBlocks(root: Element): BlockSet {
  const blocks: TextBlock[] = [];
  const containers = new Set<Element>();
  let raw = '';
  let linkChars = 0;
  let owner = root;

  const flush = (): void => {
    const text = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (text) blocks.push({ text, owner, linkChars: Math.min(linkChars, text.length), kind: kindOf(owner) });
    raw = '';
    linkChars = 0;
  };

  const walk = (node: AnyNode, inLink: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of childrenOf(node)) {
      if (isText(child)) {
        const data = child.data;
        raw += data;
        if (inLink) linkChars += data.replace(/\s+/g, ' ').trim().length;
        continue;
      }
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (!BLOCK_TAGS.has(tag)) {
        walk(child, inLink || tag === 'a', depth + 1);
        continue;
      }
      flush();
      containers.add(owner);
      const outer = owner;
      if (tag !== 'br' && tag !== 'hr') owner = child;
      walk(child, inLink, depth + 1);
      flush();
      owner = outer;
    }
  };

  walk(root, false, 0);
  flush();
  return { blocks, containers };
}

function kindOf(owner: Element): TextBlock['kind'] {
  const tag = tagOf(owner);
  if (HEADING_TAGS.has(tag)) return 'heading';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'item';
  if (tag === 'blockquote') return 'quote';
  if (tag === 'pre') return 'pre';
  if (tag === 'td' || tag === 'th') return 'cell';
  return 'text';
}

export function ownerChain(owner: Element, stop: Element): Element[] {
  const chain: Element[] = [];
  let node: AnyNode | null = owner;
  while (node && node !== stop && isElement(node)) {
    chain.push(node);
    node = node.parent;
  }
  return chain;
}
