/**
 * The digest's data model: what the store gathers for one recipient and one period, and what the pure
 * renderer turns into a subject, an HTML body and a plain-text alternative.
 */

export interface DigestPeriod {
  /** YYYY-MM-DD in the configured time zone: the day the digest is sent. */
  date: string;
  since: Date;
  until: Date;
  timeZone: string;
}

export interface DigestArticle {
  title: string;
  url: string;
  source: string;
  language: string;
  published: Date | null;
}

export interface DigestStory {
  id: number;
  /** The story's main headline. */
  headline: string;
  /** One headline per language the story was reported in, in a stable order (de, en, others). */
  headlines: { language: string; title: string }[];
  outlets: string[];
  outletCount: number;
  articleCount: number;
  first: { source: string; title: string; url: string; published: Date | null } | null;
  entities: { name: string; type: string }[];
  /** Articles of the story, oldest first (capped by the gatherer). */
  articles: DigestArticle[];
}

export interface WatchMatch {
  title: string;
  url: string;
  source: string;
  published: Date | null;
  snippet: string | null;
}

/** A recipient's saved search or watched entity with its new matches in the period. */
export interface WatchMatches {
  name: string;
  query: string;
  kind: 'search' | 'entity';
  matches: WatchMatch[];
  /** Set when the section could not be computed as asked (e.g. the saved search does not exist). */
  note?: string;
}

export interface FeedIssue {
  name: string;
  url: string;
  problem: 'failed' | 'stale';
  failures: number;
  lastError: string | null;
  lastSuccessAt: Date | null;
}

export interface DigestData {
  period: DigestPeriod;
  recipient: { email: string; name?: string };
  stories: DigestStory[];
  watches: WatchMatches[];
  feedIssues: FeedIssue[];
  /** Stories in the period before the maxStories cut. */
  storiesInPeriod: number;
}

export interface RenderOptions {
  /** Display time zone for dates (the digest's configured zone). */
  timeZone: string;
  /** Product name shown in the subject and heading. */
  title?: string;
  maxArticlesPerStory?: number;
  maxMatchesPerWatch?: number;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}
