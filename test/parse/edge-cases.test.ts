import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { atom, parseOk, rss } from './helpers.ts';

describe('text fields', () => {
  it('decodes HTML entities that XML does not define (&auml; &szlig; &bdquo;)', () => {
    const feed = parseOk(rss('<item><title>&bdquo;Gr&uuml;&szlig;e&ldquo; aus M&auml;rkten</title></item>'));
    expect(feed.items[0]?.title).toBe('„Grüße“ aus Märkten');
  });

  it('decodes entities escaped twice in an RSS title ("AT&amp;amp;T")', () => {
    expect(parseOk(rss('<item><title>AT&amp;amp;T kauft</title></item>')).items[0]?.title).toBe('AT&T kauft');
  });

  it('keeps a literal "<" in an RSS title as text', () => {
    expect(parseOk(rss('<item><title>1 &lt; 2</title></item>')).items[0]?.title).toBe('1 < 2');
  });

  it('turns an Atom html title without markup into text', () => {
    expect(parseOk(atom('<entry><id>1</id><title type="html">Tom &amp;amp; Jerry</title></entry>')).items[0]?.title).toBe('Tom & Jerry');
  });

  it('reads CDATA without decoding entities inside it twice', () => {
    const feed = parseOk(rss('<item><title><![CDATA[Q&A: <Vorsicht>]]></title></item>'));
    expect(feed.items[0]?.title).toBe('Q&A: <Vorsicht>');
  });

  it('reads a Windows-1252 German feed end to end', () => {
    const xml = '<?xml version="1.0" encoding="windows-1252"?>' + rss('<item><title>„Übernahme“ für 5 € – Größe</title><link>https://example.de/1</link></item>');
    expect(parseOk(iconv.encode(xml, 'windows-1252')).items[0]?.title).toBe('„Übernahme“ für 5 € – Größe');
  });

  it('reads an ISO-8859-1 feed labelled by the HTTP header only', () => {
    const xml = rss('<item><title>Bärenstark</title></item>');
    expect(parseOk(iconv.encode(xml, 'latin1'), { contentTypeCharset: 'ISO-8859-1' }).items[0]?.title).toBe('Bärenstark');
  });

  it('reads a UTF-8 feed with a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('<item><title>Straße</title></item>'))]);
    expect(parseOk(bytes).items[0]?.title).toBe('Straße');
  });
});

describe('RSS mapping', () => {
  it('prefers feedburner:origLink over the tracking link', () => {
    const feed = parseOk(rss('<item xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><link>http://feedproxy.google.com/~r/x/1</link><feedburner:origLink>https://example.com/real</feedburner:origLink></item>'));
    expect(feed.items[0]?.link).toBe('https://example.com/real');
  });

  it('uses a permalink guid as the link only when there is no link', () => {
    const feed = parseOk(rss('<item><guid>https://example.com/g</guid></item><item><guid isPermaLink="false">https://example.com/h</guid></item>'));
    expect(feed.items.map((i) => i.link)).toEqual(['https://example.com/g', null]);
  });

  it('reads dc:creator, content:encoded, categories and enclosures', () => {
    const feed = parseOk(rss(`<item xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <title>t</title><dc:creator>Anna Beispiel</dc:creator><content:encoded><![CDATA[<p>Voll</p>]]></content:encoded>
      <category>Netzpolitik</category><category>KI</category>
      <enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="1234"/></item>`));
    expect(feed.items[0]).toMatchObject({
      author: 'Anna Beispiel', content: '<p>Voll</p>', categories: ['Netzpolitik', 'KI'],
      enclosures: [{ url: 'https://example.com/a.mp3', type: 'audio/mpeg', length: 1234 }],
    });
  });

  it('reads a German pubDate to UTC', () => {
    expect(parseOk(rss('<item><title>t</title><pubDate>Mi, 29 Nov 2017 19:05:00 +0100</pubDate></item>')).items[0]?.published?.toISOString()).toBe('2017-11-29T18:05:00.000Z');
  });

  it('extracts <ttl> in minutes', () => {
    expect(parseOk(rss('', '<ttl>30</ttl>')).feed.ttlMinutes).toBe(30);
    expect(parseOk(rss('', '<ttl>soon</ttl>')).feed.ttlMinutes).toBeNull();
  });

  it('calls RSS 1.0 "rdf" and reads items outside the channel', () => {
    const feed = parseOk(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://example.com/"><title>R</title><link>https://example.com/</link></channel>
      <item rdf:about="https://example.com/1"><title>Eins</title><link>https://example.com/1</link></item></rdf:RDF>`);
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({ id: 'https://example.com/1', title: 'Eins' });
  });

  it('matches namespaces by URI, whatever the prefix', () => {
    const feed = parseOk(rss('<item xmlns:foo="http://purl.org/dc/elements/1.1/"><title>t</title><foo:creator>Ada</foo:creator></item>'));
    expect(feed.items[0]?.author).toBe('Ada');
  });
});

describe('Atom mapping', () => {
  it('reads Atom 1.0 entries: alternate link, person, dates, categories', () => {
    const feed = parseOk(atom(`<entry><id>urn:1</id><title>A</title>
      <link rel="self" href="https://example.com/self"/><link rel="alternate" type="text/html" href="https://example.com/a"/>
      <author><name>Ben</name></author><published>2024-03-01T10:00:00+01:00</published><updated>2024-03-02T10:00:00Z</updated>
      <category term="tech"/><link rel="enclosure" href="https://example.com/v.mp4" type="video/mp4" length="99"/></entry>`, '<link href="https://example.com/"/>'));
    expect(feed.format).toBe('atom');
    expect(feed.feed.link).toBe('https://example.com/');
    expect(feed.items[0]).toMatchObject({
      id: 'urn:1', link: 'https://example.com/a', author: 'Ben', categories: ['tech'],
      enclosures: [{ url: 'https://example.com/v.mp4', type: 'video/mp4', length: 99 }],
    });
    expect(feed.items[0]?.published?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
  });

  it('unwraps the xhtml div of Atom 1.0 xhtml content', () => {
    const feed = parseOk(atom('<entry><id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div></content></entry>'));
    expect(feed.items[0]?.content).toBe('Example <b>Atom</b>');
  });

  it('decodes base64 content (Atom 0.3 mode="base64")', () => {
    const feed = parseOk('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><id>1</id><summary mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</summary></entry></feed>');
    expect(feed.items[0]?.summary).toBe('Example <b>Atom</b>');
  });

  it('takes the language from xml:lang', () => {
    expect(parseOk('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de_DE"><title>x</title></feed>').feed.language).toBe('de-DE');
  });
});

describe('encoding repairs', () => {
  it('maps C1 control characters back to what Windows-1252 meant ("don\\u0092t")', () => {
    expect(parseOk(rss('<item><title>don\u0092t \u0084quote\u0093</title></item>')).items[0]?.title).toBe('don’t „quote“');
  });
});

describe('prose about JavaScript', () => {
  it('keeps "JavaScript:" in a plain title untouched', () => {
    expect(parseOk(rss('<item><title>JavaScript: Neue Version von Node.js</title></item>')).items[0]?.title).toBe('JavaScript: Neue Version von Node.js');
  });
});
