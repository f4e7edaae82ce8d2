/**
 * Removes what is never article body before scoring: scripts and media, navigation and asides,
 * hidden elements, and containers whose class or id says comments, sharing, cookies, teasers…
 * Guards keep real content: an element that wraps the page's main content (`<main>`,
 * `itemprop=articleBody`, or a large share of the page's non-link text) is never removed, since
 * themes put words like "sidebar" or "nav" on layout wrappers; and a container whose hints also
 * say "content" survives unless it is small or mostly links.
 */
import { isComment, isDirective, type AnyNode, type ChildNode, type Element } from 'domhandler';
import { childrenOf, elementsOf, hintsOf, isElement, removeNode, tagOf } from './dom.ts';
import { COMMENTS, DROP_TAGS, LIKELY, STRUCTURAL_DROP, UNLIKELY_ANYWHERE, UNLIKELY_TOKEN_START } from './hints.ts';
import { measureText, type TextMeasure } from './measure.ts';

const PROTECTED = new Set(['html', 'body', 'main']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const LANDMARK_ROLES = /^(navigation|banner|complementary|contentinfo|dialog|alertdialog|search|menu|menubar)$/;
/** Share of the page's non-link text above which an element is the content, whatever its class. */
const MAIN_SHARE = 0.4;
const TEASER = /teasers?/;
const TEASERS = /teasers?/g;
const OVERLAY = /\b(popup|popmake|dsgvo|cookies?|consent|gdpr|lightbox)(?![a-z])/;

export interface CleanOptions {
  /** Keep `<noscript>` content: the fallback for pages that render their text from scripts. */
  keepNoscript?: boolean;
}

interface CleanContext extends CleanOptions {
  keep: Set<Element>;
  /** Ancestors (inclusive) of `<main>`, `<article>` and `itemprop=articleBody` elements. */
  marked: Set<Element>;
  /** How often each class attribute occurs on the page. */
  classCounts: Map<string, number>;
  measure: Map<Element, TextMeasure>;
  pageText: number;
}

export function removeBoilerplateNodes(root: Element, options: CleanOptions = {}): void {
  const measure = measureText(root);
  const context: CleanContext = { ...options, ...surveyPage(root, measure), measure, pageText: plainChars(measure.get(root)) };
  const doomed: ChildNode[] = [];
  const stack: AnyNode[] = [...childrenOf(root)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isComment(node) || isDirective(node)) {
      doomed.push(node);
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

/**
 * One pass over the page. `keep`: ancestors (inclusive) of elements that mark the main content:
 * `<main>`, `itemprop=articleBody`, and the element with the most paragraph text in its direct `<p>`
 * children (the article body on almost every page; comment threads spread their paragraphs over many
 * small containers). `marked`: the same for the explicit markers and `<article>`. `classCounts`: how
 * often each class attribute occurs.
 */
function surveyPage(root: Element, measure: Map<Element, TextMeasure>): Pick<CleanContext, 'keep' | 'marked' | 'classCounts'> {
  const keep = new Set<Element>();
  const classCounts = new Map<string, number>();
  const markers: Element[] = [];
  const articles: Element[] = [];
  let densest: Element | null = null;
  let densestText = 0;
  for (const element of elementsOf(root)) {
    const cls = element.attribs.class;
    if (cls) classCounts.set(cls, (classCounts.get(cls) ?? 0) + 1);
    if (isMainMarker(element)) markers.push(element);
    else if (tagOf(element) === 'article') articles.push(element);
    const text = directParagraphText(element, measure);
    if (text > densestText) {
      densestText = text;
      densest = element;
    }
  }
  const marked = withAncestors([...markers, ...articles], new Set<Element>());
  if (densest) markers.push(densest);
  return { keep: withAncestors(markers, keep), marked, classCounts };
}

function withAncestors(elements: Element[], into: Set<Element>): Set<Element> {
  for (const element of elements) {
    let node: AnyNode | null = element;
    while (node && isElement(node) && !into.has(node)) {
      into.add(node);
      node = node.parent;
    }
  }
  return into;
}

function directParagraphText(element: Element, measure: Map<Element, TextMeasure>): number {
  let total = 0;
  for (const child of element.children) {
    if (!isElement(child) || tagOf(child) !== 'p') continue;
    const m = measure.get(child);
    if (m && m.links < m.text * 0.5) total += m.text - m.links;
  }
  return total;
}

function isMainMarker(element: Element): boolean {
  if (tagOf(element) === 'main' || element.attribs.role === 'main') return true;
  const itemprop = element.attribs.itemprop;
  return Boolean(itemprop && /\barticleBody\b/i.test(itemprop));
}

function isUnwanted(element: Element, context: CleanContext): boolean {
  const tag = tagOf(element);
  if (DROP_TAGS.has(tag)) return !(tag === 'noscript' && context.keepNoscript);
  if (PROTECTED.has(tag)) return false;
  const hints = hintsOf(element);
  if (isComments(element, hints)) return true;
  if (isOverlayBesideArticle(element, hints, context)) return true;
  if (context.keep.has(element) || isLargeShare(element, context)) return false;
  if (STRUCTURAL_DROP.has(tag)) return true;
  const { style, hidden } = element.attribs;
  if (hidden !== undefined || (style && HIDDEN_STYLE.test(style))) return true;
  const measure = context.measure.get(element);
  if (element.attribs['aria-hidden'] === 'true' && (measure?.text ?? 0) < 200) return true;
  const role = element.attribs.role;
  if (role && LANDMARK_ROLES.test(role)) return true;
  if (!hints || !isUnlikely(hints)) return false;
  if (isLeadTeaser(element, hints, context)) return false;
  if (!likelyElsewhere(hints) || AUTHOR_BOX.test(hints)) return true;
  return isMinor(measure);
}

/**
 * Words that do not disqualify a "content" word in the same token: `article-teaser` is often the
 * lead paragraph, and forums mark every post `…-forum-comment-…` (comment sections are handled apart).
 */
const WEAK_IN_TOKEN = /teaser|comment|kommentar/;

/**
 * A class token that names an author box on its own (`author-box`, `about-the-author`) decides
 * even beside a content word: themes style the box as one more `main-box` or `entry-content`.
 */
const AUTHOR_BOX =
  /(?:^|\s)((about-)?(the-)?(author|autor|autoren)-?(box|bio|info|infos|details|description|card|profile|wrapper|area|block)|about-(the-)?author|authorbox|author-bio|bio-box)(?=\s|$)/;

/**
 * A "content" word only vouches for the element when it sits in a class token of its own:
 * `article-page-author-info` or `post-author` name the author box, not the post.
 */
function likelyElsewhere(hints: string): boolean {
  return hints.split(/\s+/).some((token) => LIKELY.test(token) && (!UNLIKELY_ANYWHERE.test(token) || WEAK_IN_TOKEN.test(token)));
}

function isUnlikely(hints: string): boolean {
  return UNLIKELY_ANYWHERE.test(hints) || UNLIKELY_TOKEN_START.test(hints);
}

/**
 * News systems (TYPO3 news, many others) class the article's lead `teaser-text` just like the
 * teaser cards of other articles. The lead is the one element of its class and holds no links;
 * cards come in series and link to their article.
 */
function isLeadTeaser(element: Element, hints: string, context: CleanContext): boolean {
  if (!TEASER.test(hints) || isUnlikely(hints.replace(TEASERS, ' '))) return false;
  const measure = context.measure.get(element);
  return context.classCounts.get(element.attribs.class ?? '') === 1 && measure !== undefined && measure.text >= 40 && measure.links === 0;
}

/**
 * Privacy pop-ups and overlays can hold more paragraph text than the article (a consent dialog
 * listing every tracker, a pop-up with a second story), so the main-content guards would keep
 * them. They go when the page marks its content elsewhere (`<main>`, `<article>`, articleBody).
 */
function isOverlayBesideArticle(element: Element, hints: string, context: CleanContext): boolean {
  return context.marked.size > 0 && !context.marked.has(element) && OVERLAY.test(hints);
}

function isComments(element: Element, hints: string): boolean {
  return Boolean(hints) && COMMENTS.test(hints) && !LIKELY.test(hints.replace(COMMENTS, ' '));
}

function isLargeShare(element: Element, context: CleanContext): boolean {
  return context.pageText > 0 && plainChars(context.measure.get(element)) >= MAIN_SHARE * context.pageText;
}

/** Small, or mostly link text: a widget even if its class says "content". */
function isMinor(measure: TextMeasure | undefined): boolean {
  if (!measure || measure.text < 200) return true;
  return measure.links / measure.text > 0.4;
}
