/**
 * Finds the main content container, after Mozilla Readability's scoring: each paragraph-sized
 * text block earns points (length, commas) for its parent, grandparent and (less) further
 * ancestors; class/id hints add or subtract; link-heavy containers are discounted. The best
 * container is widened to an ancestor when that scores nearly as well, and siblings that look
 * like more of the same article are kept.
 */
import type { Element } from 'domhandler';
import type { BlockSet, TextBlock } from './blocks.ts';
import { hintsOf, isElement, tagOf } from './dom.ts';
import { classWeight } from './hints.ts';

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_LEVELS = 5;
const GOOD_LENGTH = 100;
const WIDEN_RATIO = 2;

export interface Totals {
  text: number;
  links: number;
  /** Text of paragraph-like blocks: long enough, few links. */
  good: number;
}

export interface Scoring {
  scores: Map<Element, number>;
  totals: Map<Element, Totals>;
}

export function scoreBlocks({ blocks, containers }: BlockSet): Scoring {
  const scores = new Map<Element, number>();
  const totals = new Map<Element, Totals>();
  for (const block of blocks) {
    addTotals(block, totals);
    if (block.text.length < 25 || block.kind === 'heading') continue;
    const points = blockPoints(block);
    const isParagraph = PARAGRAPH_TAGS.has(tagOf(block.owner)) || !containers.has(block.owner);
    let node: Element | null = isParagraph ? parentElement(block.owner) : block.owner;
    for (let level = 0; node && level < MAX_LEVELS; level += 1) {
      if (!scores.has(node)) scores.set(node, initialScore(node));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(node, scores.get(node)! + points / divider);
      node = parentElement(node);
    }
  }
  for (const [node, score] of scores) scores.set(node, score * (1 - linkDensity(node, totals)));
  return { scores, totals };
}

function blockPoints(block: TextBlock): number {
  const commas = (block.text.match(/[,，、]/g) ?? []).length;
  const base = 1 + commas + Math.min(3, Math.floor(block.text.length / 100));
  return base * (1 - block.linkChars / block.text.length);
}

function addTotals(block: TextBlock, totals: Map<Element, Totals>): void {
  const good = isGoodBlock(block) ? block.text.length : 0;
  let node: Element | null = block.owner;
  while (node) {
    const entry = totals.get(node);
    if (entry) {
      entry.text += block.text.length;
      entry.links += block.linkChars;
      entry.good += good;
    } else {
      totals.set(node, { text: block.text.length, links: block.linkChars, good });
    }
    node = parentElement(node);
  }
}

function isGoodBlock(block: TextBlock): boolean {
  return block.text.length >= GOOD_LENGTH && block.linkChars < block.text.length * 0.3 && block.kind !== 'heading';
}

function initialScore(element: Element): number {
  let score = 0;
  switch (tagOf(element)) {
    case 'div': case 'article': case 'main': case 'section': score = 5; break;
    case 'pre': case 'td': case 'blockquote': score = 3; break;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': score = -3; break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': score = -5; break;
    default: break;
  }
  return score + classWeight(hintsOf(element));
}

export function linkDensity(element: Element, totals: Map<Element, Totals>): number {
  const entry = totals.get(element);
  return entry && entry.text > 0 ? entry.links / entry.text : 0;
}

export function parentElement(element: Element): Element | null {
  const parent = element.parent;
  return parent && isElement(parent) ? parent : null;
}

/** The winning container and the siblings that belong with it. */
export function selectContent(scoring: Scoring, body: Element): Element[] {
  const { scores, totals } = scoring;
  let top: Element | null = null;
  let best = -Infinity;
  for (const [node, score] of scores) {
    if (score > best) {
      best = score;
      top = node;
    }
  }
  if (!top) return [body];
  top = commonAncestor(top, scoring, body);
  top = widen(top, scores, body);
  top = widenToParagraphs(top, totals, body);
  const parent = parentElement(top);
  if (!parent || top === body) return [top];
  const topScore = scores.get(top) ?? best;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  return parent.children.filter((sibling): sibling is Element => {
    if (!isElement(sibling)) return false;
    if (sibling === top) return true;
    const bonus = topClass && sibling.attribs.class === topClass ? topScore * 0.2 : 0;
    if ((scores.get(sibling) ?? -Infinity) + bonus >= threshold) return true;
    return tagOf(sibling) === 'p' && looksLikeParagraph(sibling, totals);
  });
}

function looksLikeParagraph(element: Element, totals: Map<Element, Totals>): boolean {
  const length = totals.get(element)?.text ?? 0;
  const density = linkDensity(element, totals);
  return (length > 80 && density < 0.25) || (length > 0 && length <= 80 && density === 0);
}

/**
 * Moves up while the parent adds paragraph text and little link text: CMS pages split one
 * article over several "content elements", and Readability's best container holds only one.
 */
function widenToParagraphs(top: Element, totals: Map<Element, Totals>, body: Element): Element {
  let best = top;
  for (let parent = parentElement(top); parent && parent !== body; parent = parentElement(parent)) {
    const inner = totals.get(best);
    const outer = totals.get(parent);
    if (!inner || !outer) continue;
    const addedGood = outer.good - inner.good;
    const addedOther = outer.text - outer.good - (inner.text - inner.good);
    if (addedGood > 0 && addedGood >= addedOther * WIDEN_RATIO) best = parent;
  }
  return best;
}

/** Moves up while an ancestor scores nearly as well (the article is split over several children). */
function widen(top: Element, scores: Map<Element, number>, body: Element): Element {
  let current = top;
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore / 3;
  let parent = parentElement(current);
  while (parent && parent !== body) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) {
      parent = parentElement(parent);
      continue;
    }
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      current = parent;
      break;
    }
    lastScore = parentScore;
    parent = parentElement(parent);
  }
  while (current !== body) {
    const up = parentElement(current);
    if (!up || up === body || up.children.filter(isElement).length !== 1) break;
    current = up;
  }
  return current;
}

const TOP_CANDIDATES = 5;
const ALTERNATIVE_SHARE = 0.75;
const MIN_ALTERNATIVES = 2;

/**
 * After Readability's alternative-candidate step: when other containers among the best five score
 * nearly as well as the top one, the article is split over them (a lead box, a text module, a
 * list module). The nearest ancestor of the top container that also holds two of them, the body
 * at most, becomes the top container. Unlike Readability, only alternatives outside the top
 * container's own line that carry a paragraph-sized block count, and nested ones count once: a
 * class-weighted stub or the top container's own wrappers are not a second part of the article.
 */
function commonAncestor(top: Element, { scores, totals }: Scoring, body: Element): Element {
  const topScore = scores.get(top) ?? 0;
  if (topScore <= 0) return top;
  const alternatives = runnersUp(scores, top, TOP_CANDIDATES - 1)
    .filter(([node, score]) => score >= topScore * ALTERNATIVE_SHARE && (totals.get(node)?.good ?? 0) > 0)
    .map(([node]) => node)
    .filter((node) => !isWithin(top, node) && !isWithin(node, top));
  const separate = alternatives.filter((node) => !alternatives.some((other) => other !== node && isWithin(node, other)));
  if (separate.length < MIN_ALTERNATIVES) return top;
  const counts = new Map<Element, number>();
  for (const node of separate) for (const up of ancestorsUpTo(node, body)) counts.set(up, (counts.get(up) ?? 0) + 1);
  return ancestorsUpTo(top, body).find((up) => (counts.get(up) ?? 0) >= MIN_ALTERNATIVES) ?? top;
}

/** The `count` best-scored containers after `top`, best first, in one pass (no sort of every score). */
function runnersUp(scores: Map<Element, number>, top: Element, count: number): Array<[Element, number]> {
  const best: Array<[Element, number]> = [];
  for (const entry of scores) {
    if (entry[0] === top || (best.length === count && entry[1] <= best[count - 1]![1])) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]![1] < entry[1]) at -= 1;
    best.splice(at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best;
}

/** Ancestors of `node`, nearest first, ending with `body` (page builders put each section straight into it). */
function ancestorsUpTo(node: Element, body: Element): Element[] {
  const out: Element[] = [];
  for (let up = parentElement(node); up; up = up === body ? null : parentElement(up)) out.push(up);
  return out;
}

/** Whether `node` lies strictly inside `ancestor`. */
function isWithin(node: Element, ancestor: Element): boolean {
  for (let up = parentElement(node); up; up = parentElement(up)) if (up === ancestor) return true;
  return false;
}
