/**
 * Stage data types. Data changes type as it moves through the pipeline:
 * FeedConfig → FetchResult → ParsedFeed/FeedItem → Article → AnalyzedArticle → Story.
 * Dates inside the pipeline are `Date` objects in UTC; JSON output uses ISO strings.
 */

export type Language = 'de' | 'en';
export type DetectedLanguage = Language | 'und';

/** One feed as configured in feeds.json (validated by src/config/feeds.ts). */
export interface FeedConfig {
  name: string;
  url: string;
  language?: Language;
  tags: string[];
  /** Minutes between polls; the daemon default applies when absent. */
  pollIntervalMinutes?: number;
  /** Fetch and extract the linked article page (default true). */
  fullText: boolean;
  enabled: boolean;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

/** A normalised feed entry (contract shape of `parse-feed --json`). */
export interface FeedItem {
  id: string | null;
  link: string | null;
  title: string | null;
  /** Safe HTML or text. */
  summary: string | null;
  /** Safe HTML or text. */
  content: string | null;
  author: string | null;
  published: Date | null;
  updated: Date | null;
  categories: string[];
  enclosures: Enclosure[];
}

export interface FeedMeta {
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  author: string | null;
  published: Date | null;
  updated: Date | null;
  image: string | null;
  /** Minutes from RSS <ttl>, when the feed declares one. */
  ttlMinutes?: number | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  feed: FeedMeta;
  items: FeedItem[];
  /** Items dropped because they failed validation. Items without link or id are kept (the store skips
   * what it cannot identify and counts it). */
  invalidItems: number;
}

/** Result of extracting an article page (contract shape of `extract --json`). */
export interface ExtractedPage {
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  text: string;
  author: string | null;
  published: Date | null;
  language: string | null;
  siteName: string | null;
}

export interface LanguageEvidence {
  source: 'text' | 'title' | 'page' | 'feed' | 'hint';
  language: DetectedLanguage;
  weight: number;
}

export interface LanguageResult {
  language: DetectedLanguage;
  confidence: number;
  evidence: LanguageEvidence[];
}

export type EntityType = 'person' | 'organization' | 'account' | 'location' | 'product';
export type TextField = 'title' | 'text';

/** One mention of an entity in a field of an article (contract shape of `analyze --json`). */
export interface EntityMention {
  type: EntityType;
  field: TextField;
  /** UTF-16 offsets into the field, end exclusive. */
  start: number;
  end: number;
  /** Surface form as written. */
  text: string;
  /** Canonical entity name. */
  name: string;
}

/** A canonical entity with the forms it was seen in. */
export interface EntityRef {
  name: string;
  type: EntityType;
  /** For accounts: the canonical name of the owner, when the text says so. */
  owner?: string;
}

/** Input of the analysis stage. */
export interface ArticleInput {
  title: string;
  text: string;
  languageHints?: { page?: string | null; feed?: string | null; hint?: string | null };
}

export interface Analysis {
  language: LanguageResult;
  mentions: EntityMention[];
  entities: EntityRef[];
}

/** An article as the clustering stage sees it. */
export interface ClusterArticle {
  id: number;
  url: string;
  source: string;
  title: string;
  text: string;
  language: DetectedLanguage;
  published: Date;
  entities: EntityRef[];
}
