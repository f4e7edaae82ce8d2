/**
 * When to poll a feed next. Pure: the clock and the jitter come in as arguments.
 * The rule (docs/decisions/0023-poll-backoff.md):
 *   healthy  → interval, stretched to the feed's freshness hint (Cache-Control max-age or
 *              RSS <ttl>) but by the hint never beyond 6 h;
 *   failing  → interval × 2^failures, at most 24 h;
 *   always   → never earlier than Retry-After (itself capped at 7 days);
 *   then up to +10 % jitter so feeds that failed together do not retry together.
 */

export interface PollPlan {
  now: Date;
  /** Configured poll interval of the feed. */
  intervalMinutes: number;
  /** Failed fetches in a row, 0 after a success or a 304. */
  consecutiveFailures: number;
  retryAfterMs?: number | null;
  maxAgeSeconds?: number | null;
  ttlMinutes?: number | null;
  /** A number in [0, 1): pass Math.random() in production, a constant in tests. Default 0. */
  jitter?: number;
}

const MINUTE_MS = 60_000;
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE_MS;
export const MAX_FRESHNESS_FLOOR_MS = 6 * 60 * MINUTE_MS;
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * MINUTE_MS;
export const JITTER_FRACTION = 0.1;

function nonNegative(value: number | null | undefined): number {
  return value === null || value === undefined || !Number.isFinite(value) ? 0 : Math.max(0, value);
}

export function nextPollAt(plan: PollPlan): Date {
  const intervalMs = Math.max(1, nonNegative(plan.intervalMinutes)) * MINUTE_MS;
  const failures = Math.min(Math.floor(nonNegative(plan.consecutiveFailures)), 32);
  let delayMs: number;
  if (failures > 0) {
    delayMs = Math.min(intervalMs * 2 ** failures, Math.max(MAX_BACKOFF_MS, intervalMs));
  } else {
    const freshnessMs = Math.max(
      nonNegative(plan.maxAgeSeconds) * 1000,
      nonNegative(plan.ttlMinutes) * MINUTE_MS,
    );
    delayMs = Math.max(intervalMs, Math.min(freshnessMs, MAX_FRESHNESS_FLOOR_MS));
  }
  delayMs = Math.max(delayMs, Math.min(nonNegative(plan.retryAfterMs), MAX_RETRY_AFTER_MS));
  const jitter = Math.min(nonNegative(plan.jitter), 1);
  delayMs += delayMs * JITTER_FRACTION * jitter;
  return new Date(plan.now.getTime() + Math.round(delayMs));
}
