import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/parse/index.ts';
import { atom, parseOk, rss } from './helpers.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('hostile and broken documents', () => {
  it('billion laughs: internal entities are not expanded', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE rss [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<rss version="2.0"><channel><title>&lol9;</title><item><title>laugh &lol9;</title><link>https://example.com/1</link></item></channel></rss>',
    ].join('\n');
    const feed = parseOk(lol);
    expect(feed.feed.title).toBe('&lol9;');
    expect(feed.items[0]?.title).toBe('laugh &lol9;');
  });

  it('external entities are never read', () => {
    const doc = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>x&xxe;y</title><item><title>&xxe;</title><link>https://example.com/1</link></item></channel></rss>`;
    const feed = parseOk(doc);
    expect(feed.feed.title).toBe('x&xxe;y');
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  it('rejects an HTML page with one clear line', () => {
    const result = parseFeed(bytes('<!DOCTYPE html><html><head><title>Moved</title></head><body><a href="/feed">here</a></body></html>'));
    expect(result).toEqual({ status: 'failed', error: expect.stringMatching(/^not a feed: .*<html>/) });
    if (result.status === 'failed') expect(result.error).not.toContain('\n');
  });

  it('rejects an empty document', () => {
    expect(parseFeed(new Uint8Array())).toEqual({ status: 'failed', error: 'empty document' });
    expect(parseFeed(bytes('  \n '))).toEqual({ status: 'failed', error: 'empty document' });
  });

  it('rejects binary garbage', () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(parseFeed(garbage).status).toBe('failed');
  });

  it('rejects plain text that is not XML', () => {
    expect(parseFeed(bytes('Service unavailable, try again later.'))).toEqual({ status: 'failed', error: 'not a feed: no XML element found' });
  });

  it('reads a truncated feed as far as it goes', () => {
    const whole = rss('<item><title>One</title><link>https://example.com/1</link></item><item><title>Two</title><link>https://example.com/2</link></item>');
    const cut = whole.slice(0, whole.indexOf('/2') + 2);
    const feed = parseOk(cut);
    expect(feed.items.map((i) => i.title)).toEqual(['One', 'Two']);
  });

  it('survives ill-formed markup: an unclosed tag and a stray ampersand', () => {
    const feed = parseOk(rss('<item><title>Fish & Chips</title><link>https://example.com/1</link><description><b>bold</description></item>'));
    expect(feed.items[0]?.title).toBe('Fish & Chips');
    expect(feed.items[0]?.link).toBe('https://example.com/1');
  });

  it('parses 10,000 items', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://example.com/${i}</link></item>`).join('');
    const feed = parseOk(rss(items));
    expect(feed.items).toHaveLength(10_000);
    expect(feed.items[9_999]?.link).toBe('https://example.com/9999');
  });

  it('truncates a 5 MB title to a sane length', () => {
    const feed = parseOk(rss(`<item><title>${'A'.repeat(5_000_000)}</title><link>https://example.com/1</link></item>`));
    const title = feed.items[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(2_000);
    expect(title.endsWith('…')).toBe(true);
  });

  it('keeps items with duplicate GUIDs as separate items (the store deduplicates)', () => {
    const feed = parseOk(rss('<item><guid>same</guid><title>A</title></item><item><guid>same</guid><title>B</title></item>'));
    expect(feed.items.map((i) => [i.id, i.title])).toEqual([['same', 'A'], ['same', 'B']]);
  });

  it('keeps items without link or id, with unsafe links removed (identity is the store\'s business)', () => {
    const feed = parseOk(rss('<item><title>Real</title></item><item><title> </title><link>javascript:void(0)</link></item><item><category>only</category></item>'));
    expect(feed.items.map((i) => [i.title, i.link, i.categories])).toEqual([['Real', null, []], [null, null, []], [null, null, ['only']]]);
    expect(feed.invalidItems).toBe(0);
  });

  it('removes javascript: links from items', () => {
    const feed = parseOk(atom('<entry><id>1</id><title>x</title><link href="javascript:alert(1)"/></entry>'));
    expect(feed.items[0]?.link).toBeNull();
  });
});

describe('huge bodies', () => {
  it('clips a 5 MB description of HTML to the body limit, still sanitised', () => {
    const feed = parseOk(rss(`<item><title>t</title><description><![CDATA[<p>${'Wort '.repeat(1_000_000)}</p><script>x()</script>]]></description></item>`));
    const summary = feed.items[0]?.summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(1_000_000);
    expect(summary.startsWith('<p>Wort Wort')).toBe(true);
    expect(summary).not.toContain('<script');
  });
});
