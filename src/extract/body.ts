/**
 * Article body from the page DOM: clean, cut into blocks, score, pick the main container,
 * then keep its blocks minus line-level boilerplate. Paragraphs are joined by a blank line.
 */
import type { Element } from 'domhandler';
import { collectBlocks, type TextBlock } from './blocks.ts';
import { removeBoilerplateNodes } from './clean.ts';
import { isBoilerplateBlock } from './lines.ts';
import { parentElement, scoreBlocks, selectContent } from './score.ts';

export function extractBodyText(body: Element): string {
  removeBoilerplateNodes(body);
  const set = collectBlocks(body);
  const selected = new Set(selectContent(scoreBlocks(set), body));
  const kept = set.blocks.filter((block) => isInside(block, selected) && !isBoilerplateBlock(block));
  return joinBlocks(kept);
}

function isInside(block: TextBlock, selected: Set<Element>): boolean {
  let node: Element | null = block.owner;
  while (node) {
    if (selected.has(node)) return true;
    node = parentElement(node);
  }
  return false;
}

export function joinBlocks(blocks: TextBlock[]): string {
  return blocks.map((block) => block.text).join('\n\n');
}
