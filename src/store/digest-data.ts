/**
 * Gathers what one recipient's digest shows for one period: the top stories (ranked as `newsdesk stories`),
 * their watchlist matches, and the feeds that failed or went stale. Read-only.
 */
import type { DigestArticle, DigestData, DigestPeriod, DigestStory, FeedIssue, WatchMatch, WatchMatches } from '../digest/types.ts';
import { rankStories } from '../query/rank-stories.ts';
import type { Db } from './client.ts';
import { entityKeysOf } from './entities.ts';
import { feedHealth } from './feeds.ts';
import { listStories, storyArticles, type StorySummary } from './story-queries.ts';

export interface DigestRecipient {
  email: string;
  name?: string;
  languages: ('de' | 'en')[];
  /** Names of saved searches. */
  watch: string[];
  /** Entity names. */
  entities: string[];
}

export interface GatherOptions {
  period: DigestPeriod;
  recipient: DigestRecipient;
  maxStories: number;
  pollIntervalMinutes: number;
  maxArticlesPerStory?: number;
  maxMatchesPerWatch?: number;
}

const LANGUAGE_ORDER = ['de', 'en'];

export async function gatherDigestData(db: Db, options: GatherOptions): Promise<DigestData> {
  const { period, recipient } = options;
  const inPeriod = await storiesInPeriod(db, period, recipient.languages);
  const stories: DigestStory[] = [];
  for (const summary of inPeriod.slice(0, options.maxStories)) {
    stories.push(await digestStory(db, summary, period, options.maxArticlesPerStory ?? 6));
  }
  return {
    period,
    recipient: { email: recipient.email, ...(recipient.name ? { name: recipient.name } : {}) },
    stories,
    watches: await gatherWatches(db, recipient, period, options.maxMatchesPerWatch ?? 10),
    feedIssues: await feedIssues(db, period, options.pollIntervalMinutes),
    storiesInPeriod: inPeriod.length,
  };
}

/**
 * Stories with news in the period. Filtering on lastSeen < until would drop a story that got one more
 * article between the send time and the run, so stories seen since `since` and begun before `until` count.
 * They are ranked by what they were at the period's end (see `asOf`).
 */
async function storiesInPeriod(db: Db, period: DigestPeriod, languages: ('de' | 'en')[]): Promise<StorySummary[]> {
  const language = languages.length === 1 ? languages[0] : undefined;
  const listed = await listStories(db, { since: period.since, limit: 500, ...(language ? { language } : {}) }, period.until);
  const bounded = await asOf(db, listed.filter((s) => s.firstSeen < period.until), period.until);
  return rankStories(
    bounded.filter((s) => s.lastSeen >= period.since && s.languages.some((l) => languages.includes(l as 'de' | 'en'))),
    period.until,
  );
}

/**
 * A story's counts, outlets, languages and last article as they stood at `until`. A digest rendered
 * for a past date (or run late) must not rank a story by the articles it gained after its period.
 */
async function asOf(db: Db, stories: StorySummary[], until: Date): Promise<StorySummary[]> {
  const grown = stories.filter((s) => s.lastSeen >= until).map((s) => s.id);
  if (grown.length === 0) return stories;
  const members = await db.storyMember.findMany({
    where: { storyId: { in: grown }, leftAt: null },
    select: { storyId: true, article: { select: { source: true, language: true, publishedAt: true, fetchedAt: true } } },
  });
  const before = new Map<number, { count: number; sources: Set<string>; languages: Set<string>; last: Date }>();
  for (const { storyId, article } of members) {
    const at = article.publishedAt ?? article.fetchedAt;
    if (at >= until) continue;
    const story = before.get(storyId) ?? { count: 0, sources: new Set(), languages: new Set(), last: at };
    story.count += 1;
    story.sources.add(article.source);
    story.languages.add(article.language);
    if (at > story.last) story.last = at;
    before.set(storyId, story);
  }
  return stories.flatMap((s) => {
    if (s.lastSeen < until) return [s];
    const then = before.get(s.id);
    if (!then) return [];
    return [{
      ...s,
      articleCount: then.count,
      sourceCount: then.sources.size,
      sources: [...then.sources],
      languages: s.languages.filter((l) => then.languages.has(l)),
      lastSeen: then.last,
    }];
  });
}

async function digestStory(db: Db, story: StorySummary, period: DigestPeriod, maxArticles: number): Promise<DigestStory> {
  const articles = (await storyArticles(db, story.id)).filter((a) => (a.published ?? a.fetchedAt) < period.until);
  // Links to what is new in the period; a story that began days ago would otherwise list its oldest reports.
  const recent = articles.filter((a) => (a.published ?? a.fetchedAt) >= period.since);
  const headlines = Object.entries(story.titles)
    .filter(([, title]) => title.trim())
    .sort(([a], [b]) => rankLanguage(a) - rankLanguage(b))
    .map(([language, title]) => ({ language, title }));
  const outlets = [...new Set(articles.map((a) => a.source))];
  const shown: DigestArticle[] = (recent.length ? recent : articles).slice(0, maxArticles).map((a) => ({
    title: a.title,
    url: a.url,
    source: a.source,
    language: a.language,
    published: a.published ?? a.fetchedAt,
  }));
  return {
    id: story.id,
    headline: story.title,
    headlines,
    outlets: outlets.length ? outlets : story.sources,
    outletCount: outlets.length || story.sourceCount,
    articleCount: articles.length || story.articleCount,
    first: story.first ? { source: story.first.source, title: story.first.title, url: story.first.url, published: story.first.published } : null,
    entities: story.keyEntities.slice(0, 6).map((e) => ({ name: e.name, type: e.type })),
    articles: shown,
  };
}

function rankLanguage(language: string): number {
  const index = LANGUAGE_ORDER.indexOf(language);
  return index === -1 ? LANGUAGE_ORDER.length : index;
}

interface RunnerHit {
  title: string;
  url: string;
  source: string;
  published: Date | string | null;
  fetchedAt?: Date | string;
  snippet?: string | { text: string; highlights?: [number, number][] } | null;
}

type SavedSearchRunner = (
  db: Db,
  name: string,
  options: { since: Date; until: Date; limit: number; now: Date },
) => Promise<RunnerHit[] | { hits: RunnerHit[] }>;

/**
 * `runSavedSearch` comes from the search module (src/store/saved-searches.ts), loaded when it is there so
 * the digest works before and without full-text search; otherwise entity names stand in.
 */
async function savedSearchRunner(): Promise<SavedSearchRunner | undefined> {
  const module = './saved-searches.ts';
  try {
    const loaded = (await import(module)) as { runSavedSearch?: SavedSearchRunner };
    return loaded.runSavedSearch;
  } catch {
    return undefined;
  }
}

function toMatch(hit: RunnerHit): WatchMatch {
  const snippet = typeof hit.snippet === 'string' ? hit.snippet : (hit.snippet?.text ?? null);
  const published = hit.published ?? hit.fetchedAt ?? null;
  return { title: hit.title, url: hit.url, source: hit.source, published: published ? new Date(published) : null, snippet };
}

async function gatherWatches(db: Db, recipient: DigestRecipient, period: DigestPeriod, max: number): Promise<WatchMatches[]> {
  const owned = await db.savedSearch.findMany({ where: { owner: recipient.email.toLowerCase() }, select: { name: true } });
  const names = [...new Set([...recipient.watch, ...owned.map((s) => s.name)])];
  const sections: WatchMatches[] = [];
  const runner = names.length ? await savedSearchRunner() : undefined;
  for (const name of names) sections.push(await savedSearchSection(db, name, period, max, runner));
  for (const name of recipient.entities) {
    sections.push({ name, query: name, kind: 'entity', matches: await entityMatches(db, name, period, max) });
  }
  return sections;
}

async function savedSearchSection(
  db: Db,
  name: string,
  period: DigestPeriod,
  max: number,
  runner: SavedSearchRunner | undefined,
): Promise<WatchMatches> {
  const saved = await db.savedSearch.findUnique({ where: { name } });
  if (!saved) return { name, query: '', kind: 'search', matches: [], note: 'No saved search by this name.' };
  let note = 'Full-text search unavailable: showing articles that mention an entity of this name.';
  if (runner) {
    try {
      const result = await runner(db, name, { since: period.since, until: period.until, limit: max, now: period.until });
      const hits = Array.isArray(result) ? result : result.hits;
      return { name, query: saved.query, kind: 'search', matches: hits.slice(0, max).map(toMatch) };
    } catch (error) {
      note = `Search failed (${error instanceof Error ? error.message : String(error)}): showing entity matches.`;
    }
  }
  const term = saved.query.replace(/["()]/g, ' ').replace(/\s+/g, ' ').trim();
  return {
    name,
    query: saved.query,
    kind: 'search',
    matches: await entityMatches(db, term, period, max),
    note,
  };
}

/** Articles in the period mentioning the entity (by canonical name or any alias), newest first. */
async function entityMatches(db: Db, name: string, period: DigestPeriod, max: number): Promise<WatchMatch[]> {
  const mentions = await db.mention.findMany({
    where: {
      entity: { OR: [{ name }, { key: { in: entityKeysOf(name) } }, { aliases: { some: { alias: name } } }] },
      article: { OR: [{ publishedAt: { gte: period.since, lt: period.until } }, { publishedAt: null, fetchedAt: { gte: period.since, lt: period.until } }] },
    },
    select: {
      field: true,
      start: true,
      end: true,
      article: { select: { id: true, title: true, url: true, source: true, publishedAt: true, fetchedAt: true, bodyText: true, summary: true } },
    },
    take: max * 20,
  });
  const byArticle = new Map<number, WatchMatch & { at: number }>();
  for (const m of mentions) {
    const a = m.article;
    if (byArticle.has(a.id)) continue;
    const source = m.field === 'text' ? a.bodyText : null;
    const snippet = source ? around(source, m.start, m.end) : (a.summary ? around(a.summary, 0, 0) : null);
    const published = a.publishedAt ?? a.fetchedAt;
    byArticle.set(a.id, { title: a.title, url: a.url, source: a.source, published, snippet, at: published.getTime() });
  }
  return [...byArticle.values()]
    .sort((x, y) => y.at - x.at)
    .slice(0, max)
    .map(({ at: _at, ...match }) => match);
}

/** About 200 characters of context around a mention, cut at word boundaries. */
function around(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 90);
  const to = Math.min(text.length, Math.max(end, start) + 110);
  let slice = text.slice(from, to);
  if (from > 0) slice = `…${slice.replace(/^\S*\s/, '')}`;
  if (to < text.length) slice = `${slice.replace(/\s\S*$/, '')}…`;
  return slice.replace(/\s+/g, ' ').trim();
}

/** Feeds with failed fetches in the period, then feeds stale at its end. */
async function feedIssues(db: Db, period: DigestPeriod, pollIntervalMinutes: number): Promise<FeedIssue[]> {
  const failed = await db.fetchAttempt.groupBy({
    by: ['feedId'],
    where: { status: 'failed', startedAt: { gte: period.since, lt: period.until } },
    _count: { _all: true },
  });
  const counts = new Map(failed.map((f) => [f.feedId, f._count._all]));
  const issues: FeedIssue[] = [];
  for (const feed of await feedHealth(db, period.until, pollIntervalMinutes)) {
    const failures = counts.get(feed.id) ?? 0;
    if (!feed.enabled || (failures === 0 && !feed.stale)) continue;
    const lastError = failures > 0 ? await lastFailure(db, feed.id, period) : feed.lastError;
    issues.push({
      name: feed.name,
      url: feed.url,
      problem: failures > 0 ? 'failed' : 'stale',
      failures,
      lastError,
      lastSuccessAt: feed.lastSuccessAt,
    });
  }
  return issues.sort((a, b) => b.failures - a.failures || a.name.localeCompare(b.name));
}

async function lastFailure(db: Db, feedId: number, period: DigestPeriod): Promise<string | null> {
  const row = await db.fetchAttempt.findFirst({
    where: { feedId, status: 'failed', startedAt: { gte: period.since, lt: period.until } },
    orderBy: { startedAt: 'desc' },
    select: { error: true },
  });
  return row?.error ?? null;
}
