import { expect } from 'vitest';
import type { ParsedFeed } from '../../src/domain/types.ts';
import { parseFeed, type ParseOptions } from '../../src/parse/index.ts';

/** Parses a feed given as text (UTF-8) or bytes and fails the test unless it parsed. */
export function parseOk(input: string | Uint8Array, options?: ParseOptions): ParsedFeed {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const result = parseFeed(bytes, options);
  if (result.status !== 'ok') expect.fail(`expected a feed, got: ${result.error}`);
  return result.feed;
}

export function rss(items: string, channel = ''): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.com/</link>${channel}${items}</channel></rss>`;
}

export function atom(entries: string, feed = ''): string {
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${feed}${entries}</feed>`;
}
