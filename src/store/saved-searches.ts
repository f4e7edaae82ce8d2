/**
 * Saved searches (watchlists): `watch add/list/run/remove`, and the digest's "new matches" for a period.
 * A run reports articles fetched since the previous run, so nothing is reported twice or skipped.
 */
import { UsageError, UserError } from '../domain/errors.ts';
import type { Db } from './client.ts';
import { parseOrThrow, searchArticles, type SearchHit, type SearchSort } from './search-articles.ts';

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  owner: string | null;
  lastRunAt: Date | null;
  createdAt: Date;
}

export async function addSavedSearch(db: Db, input: { name: string; query: string; owner?: string | null }): Promise<SavedSearchRow> {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,79}$/u.test(name)) {
    throw new UsageError(`watch name "${input.name}": use letters, digits, space, _ . - (at most 80)`);
  }
  parseOrThrow(input.query);
  const existing = await db.savedSearch.findUnique({ where: { name } });
  if (existing) throw new UsageError(`a saved search named "${name}" exists already (remove it first)`);
  return db.savedSearch.create({ data: { name, query: input.query, owner: input.owner ?? null } });
}

export function listSavedSearches(db: Db): Promise<SavedSearchRow[]> {
  return db.savedSearch.findMany({ orderBy: { name: 'asc' } });
}

export async function removeSavedSearch(db: Db, name: string): Promise<boolean> {
  const { count } = await db.savedSearch.deleteMany({ where: { name } });
  return count > 0;
}

async function findSavedSearch(db: Db, name: string): Promise<SavedSearchRow> {
  const row = await db.savedSearch.findUnique({ where: { name } });
  if (!row) throw new UserError(`no saved search named "${name}" (see \`newsdesk watch list\`)`);
  return row;
}

export interface RunOptions {
  /** Articles fetched in [since, until). */
  since?: Date;
  until?: Date;
  limit?: number;
  sort?: SearchSort;
  now?: Date;
}

/** The matches of a saved search among articles fetched in a period; records nothing (for the digest). */
export async function runSavedSearch(db: Db, name: string, options: RunOptions = {}): Promise<{ search: SavedSearchRow; hits: SearchHit[] }> {
  const search = await findSavedSearch(db, name);
  const hits = await searchArticles(db, search.query, {
    limit: options.limit ?? 100,
    sort: options.sort ?? 'date',
    ...(options.now ? { now: options.now } : {}),
    ...(options.since ? { fetchedSince: options.since } : {}),
    ...(options.until ? { fetchedUntil: options.until } : {}),
  });
  return { search, hits };
}

/** `watch run`: matches fetched since the last run (all matches the first time), then records this run. */
export async function runWatch(db: Db, name: string, now: Date, limit = 50): Promise<{ search: SavedSearchRow; since: Date | null; hits: SearchHit[] }> {
  const search = await findSavedSearch(db, name);
  const since = search.lastRunAt;
  const result = await runSavedSearch(db, name, { ...(since ? { since } : {}), until: now, now, limit });
  await db.savedSearch.update({ where: { id: search.id }, data: { lastRunAt: now } });
  return { search, since, hits: result.hits };
}
