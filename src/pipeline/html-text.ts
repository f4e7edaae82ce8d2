import { load } from 'cheerio';

/** Plain text of a feed's (already sanitised) HTML summary or content: paragraphs kept apart. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const $ = load(`<body>${html}</body>`);
  $('br').replaceWith('\n');
  $('p, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr').each((_, element) => {
    $(element).prepend('\n\n').append('\n\n');
  });
  return $('body')
    .text()
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
