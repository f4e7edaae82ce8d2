/**
 * Class/id and tag hints for what is (not) article body. Patterns after Mozilla Readability's
 * `unlikelyCandidates`/`positive`/`negative` and trafilatura's discard XPaths, extended with
 * the German markup names we meet (teilen, kommentare, anzeige, weiterlesen).
 */

/** Dropped with their content before anything else: never article text. */
export const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'video',
  'audio', 'map', 'button', 'input', 'select', 'textarea', 'option', 'nav', 'aside', 'footer', 'menu',
  'head', 'title', 'meta', 'link', 'dialog', 'picture', 'img', 'source',
]);

/** Block-level tags: their boundaries end a text block. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'hr', 'br', 'center',
  'details', 'summary', 'body', 'html', 'legend', 'hgroup', 'frameset', 'frame',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Removed when an element's class or id matches, unless it also looks like content. */
export const UNLIKELY =
  /\b(comment|kommentar|disqus|respond|share|sharing|social|sociable|shariff|teilen|follow|newsletter|subscri|abonn|cookie|consent|gdpr|cmp|banner|advert|anzeige|werbung|ads?|ad-slot|adsense|sponsor|promo|related|recommend|empfehl|teaser|more-stories|more-articles|read-more|weiterlesen|also-read|widget|sidebar|side-bar|breadcrumb|pagination|pager|navigation|nav|navbar|menu|footer|masthead|toolbar|popup|modal|overlay|skip|rating|tag-cloud|tagcloud|tags?|byline|dateline|login|signup|search|outbrain|taboola|plista|paywall|author-box|author-bio|author-info|about-the-author|carousel|jump-to|toc|hidden|is-hidden|screen-reader|sr-only|visually-hidden|offscreen|post-meta|entry-meta|article-meta|meta|caption|credit|copyright|disclaimer|rss|trackback|pingback|reply|tools|print|bookmark|breaking|ticker|topbar|site-header|header-top)s?(?![a-z])/;

/** Containers that carry the article. */
export const LIKELY =
  /article|\bbody|content|entry|main|post|story|text|blog|column|page|single|detail|artikel|beitrag|inhalt|news|hentry|prose|rich-?text/;

export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|artikel|beitrag|inhalt|prose|rich-?text/;

export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|social|nav|menu|newsletter|cookie|byline|author|date|caption|credit/;

export function classWeight(hints: string): number {
  if (!hints) return 0;
  let weight = 0;
  if (NEGATIVE.test(hints)) weight -= 25;
  if (POSITIVE.test(hints)) weight += 25;
  return weight;
}
