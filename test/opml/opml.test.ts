import { describe, expect, it } from 'vitest';
import { parseOpml, renderOpml } from '../../src/opml/opml.ts';

describe('OPML', () => {
  it('reads feeds from nested outlines, folders becoming tags', () => {
    const parsed = parseOpml(`<?xml version="1.0"?><opml version="1.0"><head><title>Abos</title></head><body>
      <outline text="Deutsch"><outline text="heise &amp; Co" type="rss" xmlUrl="https://www.heise.de/rss/heise-atom.xml" language="de-DE"/></outline>
      <outline title="The Register" xmlUrl="https://www.theregister.com/headlines.atom" category="it,uk"/>
      <outline text="no feed here" htmlUrl="https://example.com/"/>
    </body></opml>`);
    expect(parsed).toEqual({
      status: 'ok',
      feeds: [
        { name: 'heise & Co', url: 'https://www.heise.de/rss/heise-atom.xml', tags: ['Deutsch'], language: 'de' },
        { name: 'The Register', url: 'https://www.theregister.com/headlines.atom', tags: ['it', 'uk'] },
      ],
    });
  });

  it('refuses what is not OPML', () => {
    expect(parseOpml('<rss><channel/></rss>')).toEqual({ status: 'failed', error: 'not an OPML document (no <opml> element)' });
  });

  it('round-trips what it writes, escaping names', () => {
    const feeds = [{ name: 'A "quoted" <name>', url: 'https://a.example/feed?x=1&y=2', language: 'en' as const,
      tags: ['tech'], fullText: true, enabled: true }];
    const parsed = parseOpml(renderOpml(feeds, new Date('2026-01-01T00:00:00Z')));
    expect(parsed).toEqual({ status: 'ok', feeds: [{ name: feeds[0]!.name, url: feeds[0]!.url, language: 'en', tags: ['tech'] }] });
  });
});
