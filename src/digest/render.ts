/** `renderDigest`: digest data in, subject + HTML + plain text out. Pure: no clock, no IO. */
import { oneLine, truncate } from './escape.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import type { DigestData, RenderedDigest, RenderOptions } from './types.ts';

const SUBJECT_HEADLINE_MAX = 90;

export function digestSubject(data: DigestData, title = 'newsdesk'): string {
  const top = data.stories[0];
  if (!top) return `${title} digest ${data.period.date}: no new stories`;
  const more = data.stories.length > 1 ? ` (+${data.stories.length - 1} more)` : '';
  return `${title} digest ${data.period.date}: ${truncate(oneLine(top.headline), SUBJECT_HEADLINE_MAX)}${more}`;
}

export function renderDigest(data: DigestData, options: RenderOptions): RenderedDigest {
  const full = { title: 'newsdesk', maxArticlesPerStory: 6, maxMatchesPerWatch: 10, ...options };
  const subject = digestSubject(data, full.title);
  return { subject, html: renderHtml(data, subject, full), text: renderText(data, full) };
}
