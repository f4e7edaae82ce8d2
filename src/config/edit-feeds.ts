/**
 * Adding feeds writes them into the configuration file, which stays the one source of truth for what is
 * polled. The file is checked again before it is replaced (atomically), so an edit cannot break it.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { UsageError } from '../domain/errors.ts';
import type { Env } from './env.ts';
import { checkConfig } from './check.ts';

export interface NewFeed {
  name: string;
  url: string;
  language?: 'de' | 'en';
  tags?: string[];
}

export async function addFeedsToFile(path: string, feeds: NewFeed[], env: Env): Promise<{ added: string[]; skipped: string[] }> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as { feeds: Record<string, unknown>[] };
  const added: string[] = [];
  const skipped: string[] = [];
  for (const feed of feeds) {
    const clash = raw.feeds.some(
      (existing) => existing.url === feed.url || String(existing.name).toLowerCase() === feed.name.toLowerCase(),
    );
    if (clash) {
      skipped.push(feed.name);
      continue;
    }
    raw.feeds.push({
      name: feed.name,
      url: feed.url,
      ...(feed.language ? { language: feed.language } : {}),
      tags: feed.tags ?? [],
    });
    added.push(feed.name);
  }
  const checked = checkConfig(raw, env);
  if (!checked.ok) throw new UsageError(checked.errors.join('; '));
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(raw, null, 2)}\n`);
  await rename(temporary, path);
  return { added, skipped };
}
