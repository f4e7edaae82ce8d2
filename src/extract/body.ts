/**
 * Article body from the page DOM: clean, cut into blocks, score, pick the main container,
 * then keep its blocks minus line-level boilerplate. Paragraphs are joined by a blank line.
 */
import type { Element } from 'domhandler';
import { collectBlocks, type TextBlock } from './blocks.ts';
import { removeBoilerplateNodes, type CleanOptions } from './clean.ts';
import { hintsOf, tagOf } from './dom.ts';
import { isBoilerplateBlock } from './lines.ts';
import { parentElement, scoreBlocks, selectContent } from './score.ts';

/** How far above the chosen container we look for the `<article>` that holds its lead paragraph. */
const ARTICLE_LEVELS = 6;
const LEAD_LENGTH = 40;
/** How far above the chosen container a marked lead may sit on pages without `<article>`. */
const MARKED_LEAD_LEVELS = 3;
const LEAD_HINT = /(?:^|[\s_-])(intro|lead|leadtext|lede|summary|standfirst|excerpt|abstract|subline|sub-?headline|sub-?title|dek)(?![a-z])/;

export function extractBodyText(body: Element, options: CleanOptions = {}): string {
  removeBoilerplateNodes(body, options);
  const set = collectBlocks(body);
  const chosen = selectContent(scoreBlocks(set), body);
  const selected = new Set(chosen);
  const article = enclosingArticle(chosen[0], body);
  const scope = article ?? ancestorAt(chosen[0], body, MARKED_LEAD_LEVELS);
  const candidates: Candidate[] = [];
  let seenSelected = false;
  for (const block of set.blocks) {
    const inside = isInside(block, selected);
    seenSelected ||= inside;
    const lead = !inside && !seenSelected && scope !== null && isInside(block, new Set([scope])) && isLead(block)
      && (article !== null || hasLeadMarker(block, scope));
    if (inside || lead) candidates.push({ block, keep: !isBoilerplateBlock(block) });
  }
  return joinBlocks(dropStrayHeadings(candidates));
}

interface Candidate {
  block: TextBlock;
  keep: boolean;
}

/**
 * A heading whose section was all dropped ("Weitere Artikel" over a link list) or that ends the
 * text introduces boilerplate, not article text. An `<h1>` opening the text is the page title,
 * which `readMetadata` already returns as `title`.
 */
function dropStrayHeadings(candidates: Candidate[]): TextBlock[] {
  // Walks backwards: `sectionKept` says whether anything after the current heading survives.
  let sectionKept = false;
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const candidate = candidates[i]!;
    if (!isHeadingLike(candidate.block)) {
      sectionKept ||= candidate.keep;
      continue;
    }
    if (!sectionKept) candidate.keep = false;
    // A heading right above a surviving sub-heading keeps its section too.
    sectionKept = candidate.keep;
  }
  const kept = candidates.filter((candidate) => candidate.keep).map((candidate) => candidate.block);
  return kept[0] && tagOf(kept[0].owner) === 'h1' ? kept.slice(1) : kept;
}

function isHeadingLike(block: TextBlock): boolean {
  return block.kind === 'heading' && block.text.length <= 120;
}

/**
 * News sites put the lead paragraph in the article header, apart from the body container;
 * it belongs to the text, the header's bylines and share buttons do not.
 */
function enclosingArticle(top: Element | undefined, body: Element): Element | null {
  let node = top ? parentElement(top) : null;
  for (let level = 0; node && node !== body && level < ARTICLE_LEVELS; level += 1) {
    if (tagOf(node) === 'article' || tagOf(node) === 'main') return node;
    node = parentElement(node);
  }
  return null;
}

/**
 * Pages without an `<article>` still mark the lead apart from the body container
 * (`<p class="intro">`, `itemprop=description`); it counts when it sits close above that container.
 */
function hasLeadMarker(block: TextBlock, scope: Element): boolean {
  for (let node: Element | null = block.owner; node && node !== scope; node = parentElement(node)) {
    if (LEAD_HINT.test(hintsOf(node)) || /\bdescription\b/i.test(node.attribs.itemprop ?? '')) return true;
  }
  return false;
}

function ancestorAt(top: Element | undefined, body: Element, levels: number): Element | null {
  let node = top ?? null;
  for (let level = 0; node && node !== body && level < levels; level += 1) node = parentElement(node);
  return node && node !== body ? node : null;
}

function isLead(block: TextBlock): boolean {
  return block.kind !== 'item' && block.text.length >= LEAD_LENGTH && block.linkChars < block.text.length * 0.2;
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
