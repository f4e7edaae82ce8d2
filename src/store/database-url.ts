/** Which database DATABASE_URL names: SQLite (`file:…`, the default) or PostgreSQL (`postgresql://…`). */
import { resolve } from 'node:path';
import { UsageError } from '../domain/errors.ts';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; path: string }
  | { provider: 'postgresql'; url: string; connectionString: string; schema: string };

export const DEFAULT_DATABASE_URL = 'file:./newsdesk.db';

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return postgresTarget(url);
  if (url.startsWith('file:')) {
    const path = resolve(url.slice('file:'.length).replace(/\?.*$/, ''));
    return { provider: 'sqlite', url: `file:${path}`, path };
  }
  throw new UsageError(`DATABASE_URL must start with file: or postgresql:// (got "${url}")`);
}

/** Prisma's `?schema=` parameter is ours to honour: it is not a libpq option. */
function postgresTarget(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('DATABASE_URL is not a valid postgresql:// URL');
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new UsageError(`DATABASE_URL: invalid schema "${schema}"`);
  parsed.searchParams.delete('schema');
  return { provider: 'postgresql', url, connectionString: parsed.toString(), schema };
}
