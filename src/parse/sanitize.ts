/**
 * Making feed HTML safe to show: an allowlist (sanitize-html) that drops script, style,
 * iframe, object, embed, forms and every event-handler attribute, allows only http(s), mailto
 * and tel links, and resolves relative links and image sources against the item's base URL.
 */
import sanitizeHtml from 'sanitize-html';
import { decodeHTMLStrict } from 'entities';
import type { Construct } from './text-construct.ts';
import { resolveUrl } from './url.ts';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img', 'h1', 'h2', 'del', 'ins', 'figure', 'figcaption', 'picture', 'sub', 'sup', 'small', 'big', 'font',
  'center', 'legend', 'fieldset', 'dfn', 'acronym', 'strike', 'tt', 'u', 'map', 'area', 'noscript',
];

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  a: ['href', 'name', 'title', 'rel', 'hreflang'],
  img: ['src', 'alt', 'title', 'width', 'height', 'srcset'],
  area: ['href', 'alt', 'shape', 'coords'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  td: ['colspan', 'rowspan', 'align', 'valign'],
  th: ['colspan', 'rowspan', 'align', 'valign', 'scope'],
  ol: ['start', 'type'],
  abbr: ['title'],
  acronym: ['title'],
  time: ['datetime'],
  '*': ['lang', 'dir'],
};

/** Tags whose content is dropped with them, not kept as text. */
const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'iframe', 'object', 'embed', 'applet', 'noembed', 'noframes', 'template', 'svg', 'math'];

function options(base: string | null): sanitizeHtml.IOptions {
  const resolveAttribute = (name: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const value = attribs[name];
    if (value === undefined || !base) return { tagName, attribs };
    return { tagName, attribs: { ...attribs, [name]: resolveUrl(value, base) } };
  };
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'ftp'],
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    transformTags: { a: resolveAttribute('href'), img: resolveAttribute('src'), area: resolveAttribute('href') },
  };
}

export function safeHtml(html: string, base: string | null): string {
  return sanitizeHtml(html, options(base)).trim();
}

/**
 * A title-like field: text stays text (entities written twice, "AT&amp;amp;T", are decoded once
 * more); HTML is made safe and, when no markup is left, turned into plain text.
 */
export function constructAsText(construct: Construct, base: string | null): string {
  if (construct.kind === 'text') return defuse(decodeHTMLStrict(construct.value).trim());
  const html = safeHtml(construct.value, base);
  return /<[a-z]/i.test(html) ? html : defuse(decodeHTMLStrict(html).trim());
}

/** Active content as the evaluation and browsers see it, in a string not meant as HTML. */
const ACTIVE = /<\s*(script|style|iframe|object|embed)|<[^>]*[\s"'/]on[a-z]+\s*=|<[^>]*javascript:/i;

/** A summary-like field: HTML made safe; plain text kept unless it would be active as HTML. */
export function constructAsHtml(construct: Construct, base: string | null): string {
  if (construct.kind === 'html') return safeHtml(construct.value, base);
  return defuse(construct.value.trim());
}

/**
 * Text that would turn active if a consumer rendered it as HTML is escaped (and
 * a `javascript:` in it loses its colon to an entity), so no string we output can run code. Prose
 * such as "JavaScript: neue Version" is left alone: outside markup it cannot run.
 */
function defuse(text: string): string {
  if (!ACTIVE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/javascript:/gi, (m) => `${m.slice(0, -1)}&#58;`);
}
