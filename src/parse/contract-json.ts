/** The `parse-feed --json` shape of CONTRACT.md: dates as ISO strings in UTC or null, [] for lists. */
import type { FeedItem, FeedMeta, ParsedFeed } from '../domain/types.ts';

export interface ParsedFeedJson {
  format: ParsedFeed['format'];
  feed: Record<keyof Omit<FeedMeta, 'ttlMinutes'>, string | null>;
  items: Array<Record<string, unknown>>;
}

export function toContractJson(parsed: ParsedFeed): ParsedFeedJson {
  return { format: parsed.format, feed: feedJson(parsed.feed), items: parsed.items.map(itemJson) };
}

function feedJson(feed: FeedMeta): ParsedFeedJson['feed'] {
  const { title, link, description, language, author, published, updated, image } = feed;
  return { title, link, description, language, author, published: iso(published), updated: iso(updated), image };
}

function itemJson(item: FeedItem): Record<string, unknown> {
  return {
    id: item.id,
    link: item.link,
    title: item.title,
    summary: item.summary,
    content: item.content,
    author: item.author,
    published: iso(item.published),
    updated: iso(item.updated),
    categories: item.categories,
    enclosures: item.enclosures.map(({ url, type, length }) => ({ url, type, length })),
  };
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
