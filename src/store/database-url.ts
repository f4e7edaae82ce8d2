/** Which database DATABASE_URL names: SQLite (`file:…`, the default) or PostgreSQL (`postgresql://…`). */
import { resolve } from 'node:path';
import { UsageError } from '../domain/errors.ts';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; path: string }
  | { provider: 'postgresql'; url: string };

export const DEFAULT_DATABASE_URL = 'file:./newsdesk.db';

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  if (url.startsWith('file:')) {
    const path = resolve(url.slice('file:'.length).replace(/\?.*$/, ''));
    return { provider: 'sqlite', url: `file:${path}`, path };
  }
  throw new UsageError(`DATABASE_URL must start with file: or postgresql:// (got "${url}")`);
}
