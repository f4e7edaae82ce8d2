import { describe, expect, it } from 'vitest';
import { nextPollAt } from '../../src/fetch/index.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const minutesAfterNow = (date: Date) => (date.getTime() - now.getTime()) / 60_000;

describe('nextPollAt', () => {
  it('polls a healthy feed after its interval', () => {
    expect(minutesAfterNow(nextPollAt({ now, intervalMinutes: 30, consecutiveFailures: 0 }))).toBe(30);
  });

  it('doubles the wait per consecutive failure', () => {
    const waits = [1, 2, 3, 4].map((failures) =>
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 15, consecutiveFailures: failures })),
    );
    expect(waits).toEqual([30, 60, 120, 240]);
  });

  it('caps the backoff at 24 hours, also for absurd failure counts', () => {
    expect(minutesAfterNow(nextPollAt({ now, intervalMinutes: 60, consecutiveFailures: 10 }))).toBe(24 * 60);
    expect(minutesAfterNow(nextPollAt({ now, intervalMinutes: 60, consecutiveFailures: 5000 }))).toBe(
      24 * 60,
    );
  });

  it('never polls before Retry-After', () => {
    const at = nextPollAt({
      now,
      intervalMinutes: 15,
      consecutiveFailures: 1,
      retryAfterMs: 3 * 60 * 60_000,
    });
    expect(minutesAfterNow(at)).toBe(180);
  });

  it('does not let Retry-After shorten the backoff', () => {
    expect(
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 15, consecutiveFailures: 3, retryAfterMs: 60_000 })),
    ).toBe(120);
  });

  it('caps Retry-After at 7 days', () => {
    const at = nextPollAt({
      now,
      intervalMinutes: 15,
      consecutiveFailures: 1,
      retryAfterMs: 365 * 24 * 60 * 60_000,
    });
    expect(minutesAfterNow(at)).toBe(7 * 24 * 60);
  });

  it('stretches a healthy interval to max-age or ttl, but by them never past 6 hours', () => {
    expect(
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 15, consecutiveFailures: 0, maxAgeSeconds: 1800 })),
    ).toBe(30);
    expect(
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 15, consecutiveFailures: 0, ttlMinutes: 60 })),
    ).toBe(60);
    expect(
      minutesAfterNow(
        nextPollAt({ now, intervalMinutes: 15, consecutiveFailures: 0, maxAgeSeconds: 31_536_000 }),
      ),
    ).toBe(360);
    expect(
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 60, consecutiveFailures: 0, maxAgeSeconds: 60 })),
    ).toBe(60);
  });

  it('adds up to 10 % jitter from the injected value', () => {
    expect(
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 60, consecutiveFailures: 1, jitter: 0.5 })),
    ).toBe(126);
    expect(
      minutesAfterNow(nextPollAt({ now, intervalMinutes: 60, consecutiveFailures: 0, jitter: 0.999 })),
    ).toBeCloseTo(65.994, 3);
  });

  it('survives junk input without returning an invalid date', () => {
    const at = nextPollAt({
      now,
      intervalMinutes: Number.NaN,
      consecutiveFailures: -3,
      retryAfterMs: null,
      maxAgeSeconds: Number.POSITIVE_INFINITY,
      jitter: 7,
    });
    expect(Number.isNaN(at.getTime())).toBe(false);
    expect(at.getTime()).toBeGreaterThan(now.getTime());
  });
});
