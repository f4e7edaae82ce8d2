/**
 * The digest period: the 24 hours before the configured send time on the digest date, in the configured
 * time zone (CONTRACT.md). Zone offsets come from Intl, so daylight-saving changes need no tz library.
 */
import type { DigestPeriod } from './types.ts';

const DAY_MS = 24 * 3600_000;

/** Wall-clock fields of an instant in a time zone. */
function zonedParts(instant: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** Offset of the zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. A time skipped by a spring-forward
 * change resolves to the instant after the gap; a repeated autumn hour resolves to its first occurrence.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = zoneOffsetMs(new Date(wall - DAY_MS / 2), timeZone);
  const after = zoneOffsetMs(new Date(wall + DAY_MS / 2), timeZone);
  const valid = [wall - before, wall - after].filter((t, i) => zoneOffsetMs(new Date(t), timeZone) === [before, after][i]);
  // No valid reading: the time falls in a spring-forward gap; the standard-time reading lands after it.
  return new Date(valid.length > 0 ? Math.min(...valid) : wall - before);
}

export function isDigestDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function digestPeriod(date: string, sendTime: string, timeZone: string): DigestPeriod {
  const until = zonedTimeToInstant(date, sendTime, timeZone);
  return { date, since: new Date(until.getTime() - DAY_MS), until, timeZone };
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function zonedDate(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The latest digest date whose send time has passed at `now`: today after the send time, else yesterday. */
export function latestDigestDate(now: Date, sendTime: string, timeZone: string): string {
  const today = zonedDate(now, timeZone);
  if (zonedTimeToInstant(today, sendTime, timeZone).getTime() <= now.getTime()) return today;
  return previousDate(today);
}

function previousDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}
