import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/dedup/canonical-url.ts';

describe('canonicalUrl', () => {
  it.each([
    ['drops utm_* and click ids', 'https://www.heise.de/news/x.html?utm_source=rss&utm_medium=feed&fbclid=abc',
      'https://www.heise.de/news/x.html'],
    ['drops the fragment', 'https://t3n.de/news/a/#comments', 'https://t3n.de/news/a/'],
    ['drops default ports and lower-cases the host', 'HTTPS://WWW.Golem.DE:443/news/a.html', 'https://www.golem.de/news/a.html'],
    ['keeps meaningful query strings, sorted', 'https://example.com/article.php?p=42&id=7&utm_campaign=x',
      'https://example.com/article.php?id=7&p=42'],
    ['keeps non-default ports', 'http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/a'],
    ['resolves against a base', '/news/b.html', 'https://www.heise.de/news/b.html', 'https://www.heise.de/rss'],
  ])('%s', (_quirk, raw, expected, base?: string) => {
    expect(canonicalUrl(raw, base)).toBe(expected);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('mailto:a@b.de')).toBeNull();
  });

  it('gives one URL for the same article reached through two feeds', () => {
    const fromFeedA = canonicalUrl('https://www.spiegel.de/netzwelt/a.html?utm_source=feed#ref=rss');
    const fromFeedB = canonicalUrl('https://www.spiegel.de/netzwelt/a.html?wt_mc=rss.netzwelt');
    expect(fromFeedA).toBe(fromFeedB);
  });
});
