import { describe, expect, it } from 'vitest';
import { digestPeriod, isDigestDate, latestDigestDate, zonedDate, zonedTimeToInstant } from '../../src/digest/period.ts';

describe('digestPeriod', () => {
  it('is the 24 hours before 07:00 Berlin time, in winter and in summer', () => {
    expect(digestPeriod('2026-11-23', '07:00', 'Europe/Berlin')).toEqual({
      date: '2026-11-23',
      since: new Date('2026-11-22T06:00:00Z'),
      until: new Date('2026-11-23T06:00:00Z'),
      timeZone: 'Europe/Berlin',
    });
    expect(digestPeriod('2026-07-01', '07:00', 'Europe/Berlin').until).toEqual(new Date('2026-07-01T05:00:00Z'));
  });

  it('ends at the local send time on the days the clocks change', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(digestPeriod('2026-03-29', '07:00', 'Europe/Berlin')).toMatchObject({
      since: new Date('2026-03-28T05:00:00Z'),
      until: new Date('2026-03-29T05:00:00Z'),
    });
    expect(digestPeriod('2026-10-25', '07:00', 'Europe/Berlin').until).toEqual(new Date('2026-10-25T06:00:00Z'));
  });

  it('resolves skipped and repeated wall-clock times', () => {
    expect(zonedTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin')).toEqual(new Date('2026-03-29T01:30:00Z'));
    expect(zonedTimeToInstant('2026-10-25', '02:30', 'Europe/Berlin')).toEqual(new Date('2026-10-25T00:30:00Z'));
  });

  it('works in zones west of UTC and with half-hour offsets', () => {
    expect(zonedTimeToInstant('2026-11-23', '07:00', 'America/New_York')).toEqual(new Date('2026-11-23T12:00:00Z'));
    expect(zonedTimeToInstant('2026-11-23', '07:00', 'Asia/Kolkata')).toEqual(new Date('2026-11-23T01:30:00Z'));
  });
});

describe('latestDigestDate', () => {
  it('is today once the send time has passed, else yesterday (across a year boundary too)', () => {
    expect(latestDigestDate(new Date('2026-11-23T05:59:00Z'), '07:00', 'Europe/Berlin')).toBe('2026-11-22');
    expect(latestDigestDate(new Date('2026-11-23T06:00:00Z'), '07:00', 'Europe/Berlin')).toBe('2026-11-23');
    expect(latestDigestDate(new Date('2026-01-01T05:00:00Z'), '07:00', 'Europe/Berlin')).toBe('2025-12-31');
    expect(zonedDate(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-23');
  });
});

describe('isDigestDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isDigestDate('2026-02-28')).toBe(true);
    expect(isDigestDate('2026-02-30')).toBe(false);
    expect(isDigestDate('2026-2-3')).toBe(false);
    expect(isDigestDate('yesterday')).toBe(false);
  });
});
