/**
 * Trending entities: articles mentioning an entity in the current window against the previous window of
 * the same length. Growth is scored like a Poisson z-value, (current − previous) / √(previous + 1), so a
 * jump from 40 to 80 outranks one from 1 to 3, and a single new mention is not a trend.
 */
export interface TrendRow {
  id: number;
  current: number;
  previous: number;
  mentions: number;
}

export const MIN_TRENDING_ARTICLES = 2;

export function trendScore(current: number, previous: number): number {
  return (current - previous) / Math.sqrt(previous + 1);
}

export function rankTrending(rows: TrendRow[]): (TrendRow & { trend: number })[] {
  return rows
    .filter((row) => row.current >= MIN_TRENDING_ARTICLES && row.current > row.previous)
    .map((row) => ({ ...row, trend: Math.round(trendScore(row.current, row.previous) * 100) / 100 }))
    .sort((a, b) => b.trend - a.trend || b.current - a.current || a.id - b.id);
}
