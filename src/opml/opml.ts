/** OPML 1.0/2.0 feed lists in and out (the format every feed reader exchanges subscriptions in). */
import { load } from 'cheerio';
import type { FeedConfig } from '../domain/types.ts';

export interface OpmlFeed {
  name: string;
  url: string;
  language?: 'de' | 'en';
  tags: string[];
}

/** Outlines with an xmlUrl are feeds; enclosing outlines' titles become tags. Never throws. */
export function parseOpml(xml: string): { status: 'ok'; feeds: OpmlFeed[] } | { status: 'failed'; error: string } {
  const $ = load(xml, { xml: { xmlMode: true, decodeEntities: true } });
  if ($('opml').length === 0) return { status: 'failed', error: 'not an OPML document (no <opml> element)' };
  const feeds: OpmlFeed[] = [];
  $('outline[xmlUrl], outline[xmlurl]').each((_, element) => {
    const outline = $(element);
    const url = (outline.attr('xmlUrl') ?? outline.attr('xmlurl') ?? '').trim();
    if (!/^https?:\/\//i.test(url)) return;
    const name = (outline.attr('title') ?? outline.attr('text') ?? url).trim() || url;
    const tags = outline
      .parents('outline')
      .map((_, parent) => ($(parent).attr('title') ?? $(parent).attr('text') ?? '').trim())
      .get()
      .filter(Boolean)
      .reverse();
    for (const category of (outline.attr('category') ?? '').split(',')) {
      const tag = category.trim().replace(/^\//, '');
      if (tag && !tags.includes(tag)) tags.push(tag);
    }
    const language = (outline.attr('language') ?? '').slice(0, 2).toLowerCase();
    feeds.push({ name, url, tags, ...(language === 'de' || language === 'en' ? { language } : {}) });
  });
  return { status: 'ok', feeds };
}

export function renderOpml(feeds: FeedConfig[], now: Date): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const outlines = feeds.map((feed) => {
    const language = feed.language ? ` language="${feed.language}"` : '';
    const category = feed.tags.length ? ` category="${escape(feed.tags.join(','))}"` : '';
    return `    <outline type="rss" text="${escape(feed.name)}" title="${escape(feed.name)}" xmlUrl="${escape(feed.url)}"${language}${category}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>newsdesk feeds</title><dateCreated>${now.toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
