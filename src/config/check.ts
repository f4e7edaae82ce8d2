/**
 * Pure configuration check: the parsed config file and environment in, a typed Config or a list of
 * readable errors out (each naming the feed and field at fault). Never throws.
 */
import type { z } from 'zod';
import type { FeedConfig } from '../domain/types.ts';
import { ConfigFileSchema, FeedSchema, type DigestSettings, type Settings } from './schema.ts';
import type { Env } from './env.ts';
import type { EntityCorrections } from '../entities/index.ts';

export interface Config {
  feeds: FeedConfig[];
  settings: Settings;
  digest: DigestSettings;
  env: Env;
  /** The researcher's entity corrections file named by settings.entityCorrections, when there is one. */
  entityCorrections?: EntityCorrections;
}

export type ConfigCheck = { ok: true; config: Config } | { ok: false; errors: string[] };

export function checkConfig(raw: unknown, env: Env): ConfigCheck {
  const file = ConfigFileSchema.safeParse(raw);
  if (!file.success) return { ok: false, errors: file.error.issues.map((issue) => describe(issue)) };
  const errors: string[] = [];
  const feeds: FeedConfig[] = [];
  const names = new Set<string>();
  const urls = new Set<string>();
  file.data.feeds.forEach((entry, index) => {
    const label = feedLabel(entry, index);
    const feed = FeedSchema.safeParse(entry);
    if (!feed.success) {
      for (const issue of feed.error.issues) errors.push(`${label}: ${describe(issue)}`);
      return;
    }
    if (names.has(feed.data.name.toLowerCase())) errors.push(`${label}: name: used by another feed`);
    if (urls.has(feed.data.url)) errors.push(`${label}: url: used by another feed`);
    names.add(feed.data.name.toLowerCase());
    urls.add(feed.data.url);
    feeds.push(feed.data);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: { feeds, settings: withEnv(file.data.settings, env), digest: file.data.digest, env } };
}

/** Environment variables override the file (CONTRACT.md names them). */
function withEnv(settings: Settings, env: Env): Settings {
  return {
    ...settings,
    fetch: {
      ...settings.fetch,
      allowPrivateNetworks: env.NEWSDESK_ALLOW_PRIVATE_NETWORKS ?? settings.fetch.allowPrivateNetworks,
      perHostConcurrency: env.NEWSDESK_PER_HOST_CONCURRENCY ?? settings.fetch.perHostConcurrency,
      perHostDelayMs: env.NEWSDESK_PER_HOST_DELAY_MS ?? settings.fetch.perHostDelayMs,
    },
  };
}

function feedLabel(entry: unknown, index: number): string {
  const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? `feed "${name}" (feeds[${index}])` : `feeds[${index}]`;
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? `${path}: ` : '';
    return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return path ? `${path}: ${issue.message}` : issue.message;
}
