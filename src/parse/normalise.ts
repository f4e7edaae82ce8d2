/**
 * Raw mapped fields to the contract shape: HTML made safe, text clipped to sane lengths, links
 * with active schemes removed, then every item checked with zod. An item that fails the check is
 * dropped and counted; it never fails the feed. Items without a link or id are kept: the stage
 * mirrors the document, and identity is the store's business (docs/decisions/0011).
 */
import { z } from 'zod';
import type { FeedItem, FeedMeta, ParsedFeed } from '../domain/types.ts';
import { MAX_BODY_LENGTH, MAX_LINE_LENGTH, clip, nonEmpty } from './fields.ts';
import type { RawFeed, RawItem } from './raw.ts';
import { constructAsHtml, constructAsText } from './sanitize.ts';
import type { Construct } from './text-construct.ts';

const text = z.string().min(1).nullable();
const date = z.date().refine((d) => !Number.isNaN(d.getTime())).nullable().catch(null);

const FeedItemSchema = z.object({
  id: text,
  link: text,
  title: text,
  summary: text,
  content: text,
  author: text,
  published: date,
  updated: date,
  categories: z.array(z.string().min(1)),
  enclosures: z.array(z.object({ url: z.string().min(1), type: text, length: z.number().int().nonnegative().nullable() })),
});

/** Schemes that would run code when a consumer follows the link. */
const ACTIVE_SCHEME = /^\s*(javascript|vbscript|data|livescript):/i;

export function normaliseFeed(raw: RawFeed): ParsedFeed {
  const items: FeedItem[] = [];
  let invalidItems = 0;
  for (const rawItem of raw.items) {
    const item = normaliseItem(rawItem);
    if (item) items.push(item);
    else invalidItems += 1;
  }
  return { format: raw.format, feed: normaliseMeta(raw), items, invalidItems };
}

function normaliseMeta(raw: RawFeed): FeedMeta {
  const { feed } = raw;
  return {
    title: line(feed.title, raw.base),
    link: safeLink(feed.link),
    description: body(feed.description, raw.base),
    language: clip(nonEmpty(feed.language), 35),
    author: clip(nonEmpty(feed.author), MAX_LINE_LENGTH),
    published: feed.published,
    updated: feed.updated,
    image: safeLink(feed.image),
    ttlMinutes: feed.ttlMinutes,
  };
}

function normaliseItem(raw: RawItem): FeedItem | null {
  const candidate = {
    id: clip(nonEmpty(raw.id), MAX_LINE_LENGTH),
    link: safeLink(raw.link),
    title: line(raw.title, raw.base),
    summary: body(raw.summary, raw.base),
    content: body(raw.content, raw.base),
    author: clip(nonEmpty(raw.author), MAX_LINE_LENGTH),
    published: raw.published,
    updated: raw.updated,
    categories: raw.categories.map((c) => clip(c, MAX_LINE_LENGTH)!),
    enclosures: raw.enclosures.filter((e) => safeLink(e.url) !== null),
  };
  const parsed = FeedItemSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

function line(construct: Construct | null, base: string | null): string | null {
  if (!construct) return null;
  const text = constructAsText(bounded(construct, MAX_LINE_LENGTH * 4), base);
  return clip(nonEmpty(text.replace(/[ \t\r\n]+/g, ' ')), MAX_LINE_LENGTH);
}

function body(construct: Construct | null, base: string | null): string | null {
  if (!construct) return null;
  return clip(nonEmpty(constructAsHtml(bounded(construct, MAX_BODY_LENGTH * 2), base)), MAX_BODY_LENGTH);
}

/** Cut absurdly long input before sanitising it, so a 50 MB description costs no more than a 2 MB one. */
function bounded(construct: Construct, limit: number): Construct {
  return construct.value.length <= limit ? construct : { ...construct, value: construct.value.slice(0, limit) };
}

function safeLink(value: string | null): string | null {
  const link = nonEmpty(value);
  if (link === null || ACTIVE_SCHEME.test(link) || link.length > MAX_LINE_LENGTH) return null;
  return link;
}
