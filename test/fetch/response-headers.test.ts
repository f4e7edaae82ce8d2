import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  parseContentType,
  parseMaxAge,
  parseRetryAfter,
} from '../../src/fetch/response-headers.ts';

const now = new Date('2015-10-21T07:28:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:30:00 GMT', 120_000],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0], // in the past: retry now
    ['Wednesday, 21-Oct-15 07:29:00 GMT', 60_000], // obsolete RFC 850 form
  ])('%j → %d ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([undefined, '', '-5', '1.5', 'soon'])('%j → undefined', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('parseMaxAge', () => {
  it.each([
    ['max-age=600', 600],
    ['public, MAX-AGE = 60, must-revalidate', 60],
    ['max-age="30"', 30],
    ['no-cache', 0],
    ['private, no-store, max-age=600', 0],
  ])('%j → %d', (value, expected) => {
    expect(parseMaxAge(value)).toBe(expected);
  });

  it.each([undefined, 'public', 'max-age=abc', 's-maxage=60'])('%j → undefined', (value) => {
    expect(parseMaxAge(value)).toBeUndefined();
  });
});

describe('parseContentType', () => {
  it('splits type and charset, lowercased', () => {
    expect(parseContentType('text/XML; charset="Windows-1252"')).toEqual({
      mimeType: 'text/xml',
      charset: 'windows-1252',
    });
    expect(parseContentType('application/rss+xml;charset=utf-8; foo=bar')).toEqual({
      mimeType: 'application/rss+xml',
      charset: 'utf-8',
    });
    expect(parseContentType('text/html')).toEqual({ mimeType: 'text/html', charset: null });
    expect(parseContentType(undefined)).toEqual({ mimeType: null, charset: null });
    expect(parseContentType('  ')).toEqual({ mimeType: null, charset: null });
  });
});

describe('formatBytes', () => {
  it('reads like a person would write it', () => {
    expect(formatBytes(37)).toBe('37 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
});
