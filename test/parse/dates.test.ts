import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/parse/dates.ts';

const iso = (value: string) => parseFeedDate(value)?.toISOString() ?? null;

describe('parseFeedDate', () => {
  it.each([
    ['RFC 822 with GMT', 'Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['RFC 822 with numeric offset', 'Wed, 02 Nov 2011 17:25:27 +0100', '2011-11-02T16:25:27.000Z'],
    ['German weekday and month (Mi, Nov)', 'Mi, 29 Nov 2017 18:05:00 +0100', '2017-11-29T17:05:00.000Z'],
    ['German month name Dez', 'Do, 21 Dez 2017 08:00:00 GMT', '2017-12-21T08:00:00.000Z'],
    ['German month name März with MEZ', 'Fr, 02 März 2018 10:00:00 MEZ', '2018-03-02T09:00:00.000Z'],
    ['MESZ is CEST', 'Mo, 02 Okt 2017 12:00:00 MESZ', '2017-10-02T10:00:00.000Z'],
    ['CET', 'Mon, 06 Jan 2020 12:00:00 CET', '2020-01-06T11:00:00.000Z'],
    ['GMT+1', 'Mon, 06 Jan 2020 12:00:00 GMT+1', '2020-01-06T11:00:00.000Z'],
    ['+01:00 with a colon', 'Mon, 06 Jan 2020 12:00:00 +01:00', '2020-01-06T11:00:00.000Z'],
    ['US zone EST', 'Mon, 06 Jan 2020 12:00:00 EST', '2020-01-06T17:00:00.000Z'],
    ['two-digit year', 'Mon, 06 Jan 20 12:00:00 GMT', '2020-01-06T12:00:00.000Z'],
    ['no weekday, no seconds', '6 Jan 2020 12:00 GMT', '2020-01-06T12:00:00.000Z'],
    ['German "29. November 2017"', '29. November 2017', '2017-11-29T00:00:00.000Z'],
    ['W3C with offset', '2003-12-31T10:14:55-08:00', '2003-12-31T18:14:55.000Z'],
    ['W3C with Z and fraction', '2003-12-31T10:14:55.250Z', '2003-12-31T10:14:55.250Z'],
    ['W3C date only', '2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['W3C year and month', '2003-12', '2003-12-01T00:00:00.000Z'],
    ['ISO without zone is read as UTC', '2003-12-31 10:14:55', '2003-12-31T10:14:55.000Z'],
    ['asctime', 'Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37.000Z'],
  ])('%s', (_name, input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 9999', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    ['30 February', '2021-02-30'],
    ['month 13', '2021-13-01'],
    ['unknown zone', 'Mon, 06 Jan 2020 12:00:00 XYZZY'],
    ['words', 'yesterday'],
    ['empty', '   '],
  ])('junk gives null, never throws: %s', (_name, input) => {
    expect(parseFeedDate(input)).toBeNull();
  });
});

describe('parseFeedDate, other languages', () => {
  it('reads Portuguese month abbreviations ("Seg, 24 Set 2018")', () => {
    expect(iso('Seg, 24 Set 2018 19:42:40 -0300')).toBe('2018-09-24T22:42:40.000Z');
  });
});
