import { describe, expect, it } from 'vitest';
import { atom, parseOk, rss } from './helpers.ts';

const summaryOf = (description: string) =>
  parseOk(rss(`<item><title>t</title><description><![CDATA[${description}]]></description></item>`)).items[0]?.summary;

describe('summaries and content are safe HTML', () => {
  it.each([
    ['script element and its text', '<p>ok</p><script>alert(1)</script>', '<p>ok</p>'],
    ['style element', '<style>body{display:none}</style><p>ok</p>', '<p>ok</p>'],
    ['event handler attribute', '<img src="https://example.com/a.png" onerror="alert(1)">', '<img src="https://example.com/a.png" />'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['iframe', '<p>a</p><iframe src="https://evil.example/"></iframe>', '<p>a</p>'],
    ['object and embed', '<object data="x.swf"><embed src="x.swf"></object><p>b</p>', '<p>b</p>'],
    ['inline style attribute', '<p style="position:fixed">c</p>', '<p>c</p>'],
  ])('removes %s', (_name, html, expected) => {
    expect(summaryOf(html)).toBe(expected);
  });

  it('keeps ordinary markup', () => {
    expect(summaryOf('<p>Hallo <b>Welt</b>, <a href="https://heise.de/x">Link</a></p>')).toBe('<p>Hallo <b>Welt</b>, <a href="https://heise.de/x">Link</a></p>');
  });

  it('resolves relative links and image sources against the feed link', () => {
    expect(summaryOf('<a href="/artikel/1">a</a><img src="bild.jpg">')).toBe('<a href="https://example.com/artikel/1">a</a><img src="https://example.com/bild.jpg" />');
  });

  it('resolves relative links against xml:base in Atom', () => {
    const feed = parseOk(atom('<entry xml:base="https://blog.example.org/2024/"><id>1</id><link href="post.html"/><content type="html">&lt;a href="../img/a.png"&gt;a&lt;/a&gt;</content></entry>'));
    expect(feed.items[0]?.link).toBe('https://blog.example.org/2024/post.html');
    expect(feed.items[0]?.content).toBe('<a href="https://blog.example.org/img/a.png">a</a>');
  });

  it('resolves relative links against the document URL when nothing else is given', () => {
    const feed = parseOk('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="/a"/></entry></feed>', { baseUrl: 'https://news.example/feed.xml' });
    expect(feed.items[0]?.link).toBe('https://news.example/a');
  });

  it('makes Atom xhtml content safe too', () => {
    const feed = parseOk(atom('<entry><id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="x()">hi</p><script>bad()</script></div></content></entry>'));
    expect(feed.items[0]?.content).toBe('<p>hi</p>');
  });

  it('escapes plain text that would be active if rendered as HTML', () => {
    const feed = parseOk(atom('<entry><id>1</id><summary type="text">&lt;script&gt;alert(1)&lt;/script&gt;</summary></entry>'));
    expect(feed.items[0]?.summary).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('relative links in RSS', () => {
  it('resolve against the channel link before the document URL', () => {
    const xml = '<rss><channel><link>https://site.example/news/</link><item><link>a.html</link><description>&lt;img src="/i.png"&gt;</description></item></channel></rss>';
    const feed = parseOk(xml, { baseUrl: 'https://feeds.example/site.xml' });
    expect(feed.items[0]?.link).toBe('https://site.example/news/a.html');
    expect(feed.items[0]?.summary).toBe('<img src="https://site.example/i.png" />');
  });

  it('resolve against the document URL when the channel has no link', () => {
    const feed = parseOk('<rss><channel><item><link>/a</link></item></channel></rss>', { baseUrl: 'https://feeds.example/x.xml' });
    expect(feed.items[0]?.link).toBe('https://feeds.example/a');
  });
});
