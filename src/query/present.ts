/** Shapes query results for people and programs: contract JSON, compact dates, sparklines. Pure. */
import type { Snippet } from './snippet.ts';

export interface HitLike {
  id: number;
  url: string;
  title: string;
  source: string;
  language: string;
  published: Date | null;
  storyId: number | null;
  score: number;
  snippet: Snippet;
}

/** The `search --json` record of CONTRACT.md (snippet as plain text). */
export function hitJson(hit: HitLike) {
  return {
    id: hit.id,
    url: hit.url,
    title: hit.title,
    source: hit.source,
    language: hit.language,
    published: hit.published ? hit.published.toISOString() : null,
    storyId: hit.storyId,
    score: hit.score,
    snippet: hit.snippet.text,
  };
}

/** `2017-11-03 09:00` (UTC): short enough for a table column. */
export function shortDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16).replace('T', ' ') : '—';
}

const BARS = '▁▂▃▄▅▆▇█';

/** A one-line chart of counts, scaled to the largest. */
export function sparkline(counts: number[]): string {
  const max = Math.max(0, ...counts);
  if (max === 0) return BARS[0]!.repeat(counts.length);
  return counts.map((n) => (n === 0 ? ' ' : BARS[Math.min(BARS.length - 1, Math.floor((n / max) * (BARS.length - 1)))]!)).join('');
}

/** Truncates to `width` characters with an ellipsis. */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
