/**
 * Class/id and tag hints for what is (not) article body. Patterns after Mozilla Readability's
 * `unlikelyCandidates`/`positive`/`negative` and trafilatura's discard XPaths, extended with
 * the German markup names we meet (teilen, kommentare, anzeige, weiterlesen).
 */

/** Dropped with their content before anything else: never article text. */
export const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'video',
  'audio', 'map', 'button', 'input', 'select', 'textarea', 'option',
  'head', 'title', 'meta', 'link', 'dialog', 'picture', 'img', 'source', 'figure', 'figcaption',
]);

/** Block-level tags: their boundaries end a text block. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'hr', 'br', 'center',
  'details', 'summary', 'body', 'html', 'legend', 'hgroup', 'frameset', 'frame',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Removed when a class/id word (after a `-`, `_` or space) matches: these words are specific
 * enough to mean boilerplate wherever they appear in a class name (`article__img__caption`,
 * `c-letters-cta`, `spenden-box`, `post-author-bio`).
 */
export const UNLIKELY_ANYWHERE =
  /\b(comments?|kommentare?|disqus|respond|share|sharing|sharebar|shariff|social|sociable|socials|cookies?|consent|gdpr|cmp|newsletter|related|recommended|recommendations?|empfehlungen|outbrain|taboola|plista|breadcrumbs?|sidebar|side-bar|author|autor|autoren|about-the-author|teasers?|subscribe|subscription|follow-us|advert|advertisement|sponsored|ad-slot|adslot|adsense|ad-container|ad-wrapper|banner-ad|paywall|more-stories|more-articles|read-more|weiterlesen|also-read|caption|bildunterschrift|authorbox|saboxplugin|bio|mini-bio|cta\d*|call-to-action|donate|donation|spenden?|support-us|bildnachweis|photo-credit|image-credit|lightbox|dsgvo|popup|popmake|inline-?text-?box)s?(?![a-z])/;

/** Comment sections never wrap the article, so the "main content" guard does not apply. */
export const COMMENTS = /\b(comments?|kommentare?|disqus|respond)(?![a-z])/;

/** Removed only when a class token starts with these: short words that also occur inside content class names. */
export const UNLIKELY_TOKEN_START =
  /(?:^|\s)(nav|navbar|navigation|menu|mainmenu|footer|widget|widgets|meta|post-meta|entry-meta|article-meta|tools|toolbar|print|hidden|is-hidden|visually-hidden|sr-only|screen-reader|caption|credits?|copyright|pagination|pager|tags|tag-list|tagcloud|tag-cloud|rating|modal|popup|overlay|banner|masthead|search|login|signup|skip|toc|ads?|ad|promo|byline|dateline|carousel|slider|rss|jump-to|topbar|site-header|ticker|breaking|infobox|info-box|legend|bildtext)(?![a-z0-9])/;

/** WordPress and similar put taxonomy on the article element (`category-kommentar`, `tag-ads`); ignore those. */
export const TAXONOMY_TOKENS = /(?:^|\s)((category|tag|tags|postid|page-id|status|format|type|entry-key|term)-\S*|post-\d+)/g;

/** Structural tags dropped unless they wrap the main content (some themes put the article in an aside). */
export const STRUCTURAL_DROP = new Set(['nav', 'aside', 'footer', 'menu', 'form']);

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
