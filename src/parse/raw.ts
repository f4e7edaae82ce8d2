/**
 * What the RSS and Atom mappings produce before normalisation: text fields still carry their
 * declared kind (text or HTML), and each item remembers the base URL its links resolve against.
 */
import type { Enclosure, FeedFormat } from '../domain/types.ts';
import type { Construct } from './text-construct.ts';

export interface RawFeedMeta {
  title: Construct | null;
  link: string | null;
  description: Construct | null;
  language: string | null;
  author: string | null;
  published: Date | null;
  updated: Date | null;
  image: string | null;
  ttlMinutes: number | null;
}

export interface RawItem {
  id: string | null;
  link: string | null;
  title: Construct | null;
  summary: Construct | null;
  content: Construct | null;
  author: string | null;
  published: Date | null;
  updated: Date | null;
  categories: string[];
  enclosures: Enclosure[];
  base: string | null;
}

export interface RawFeed {
  format: FeedFormat;
  feed: RawFeedMeta;
  items: RawItem[];
  /** Base for the feed-level fields. */
  base: string | null;
}
