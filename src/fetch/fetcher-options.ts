/**
 * Defaults for FetcherOptions, and the User-Agent newsdesk sends. The options come from config
 * already validated at the CLI's edge; this only fills gaps and clamps nonsense to something safe.
 */
import { createRequire } from 'node:module';
import type { FetcherOptions } from './types.ts';

export interface ResolvedOptions {
  userAgent: string;
  /** Product token matched against robots.txt User-agent lines. */
  robotsToken: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  perHostConcurrency: number;
  perHostDelayMs: number;
  allowPrivateNetworks: boolean;
  respectRobotsTxt: boolean;
  now: () => Date;
}

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  perHostDelayMs: 1000,
} as const;

/** `newsdesk/<version> (+https://github.com/newsdesk; media monitoring)` */
export function buildUserAgent(version: string): string {
  return `newsdesk/${version} (+https://github.com/newsdesk; media monitoring)`;
}

function packageVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0';
  } catch {
    return '0';
  }
}

function positive(value: number | undefined, fallback: number, min = 1): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(min, Math.floor(value));
}

export function resolveFetcherOptions(options: FetcherOptions): ResolvedOptions {
  const userAgent = options.userAgent ?? buildUserAgent(packageVersion());
  return {
    userAgent,
    robotsToken: /^[^\s/]+/.exec(userAgent)?.[0]?.toLowerCase() ?? 'newsdesk',
    connectTimeoutMs: positive(options.connectTimeoutMs, FETCH_DEFAULTS.connectTimeoutMs),
    totalTimeoutMs: positive(options.totalTimeoutMs, FETCH_DEFAULTS.totalTimeoutMs),
    maxBytes: positive(options.maxBytes, FETCH_DEFAULTS.maxBytes),
    maxRedirects: positive(options.maxRedirects, FETCH_DEFAULTS.maxRedirects, 0),
    perHostConcurrency: positive(options.perHostConcurrency, FETCH_DEFAULTS.perHostConcurrency),
    perHostDelayMs: positive(options.perHostDelayMs, FETCH_DEFAULTS.perHostDelayMs, 0),
    allowPrivateNetworks: options.allowPrivateNetworks ?? false,
    respectRobotsTxt: options.respectRobotsTxt ?? true,
    now: options.now ?? (() => new Date()),
  };
}
