/**
 * The hostile routes of the suite, served from one 127.0.0.1 test server: every way a feed or an article
 * page can be broken, oversized, slow, looping or malicious.
 */
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import type { TestServer } from '../helpers/http-server.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/hostile/${name}`);
const RSS = 'application/rss+xml; charset=utf-8';

export function rss(items: string, title = 'Feed'): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.org/</link><language>de</language>${items}</channel></rss>`;
}

export function item(link: string, title: string, extra = ''): string {
  return `<item><title>${title}</title><link>${link}</link><description>Die Telekom meldet Neuigkeiten zum Glasfaserausbau in München.</description>${extra}</item>`;
}

/**
 * About 100 MB of zeros as a gzip stream of about 100 KB: one gzipped megabyte repeated (concatenated gzip
 * members are one valid stream), so building it does not stall the server's event loop.
 */
function gzipBomb(): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: 100 }, () => member));
}

/** Routes named by the case they pin; returns the feed list (name → path). */
export function routeHostileFeeds(server: TestServer): Record<string, string> {
  const feeds: Record<string, string> = {};
  const add = (name: string, path: string, spec: Parameters<TestServer['route']>[1]) => {
    server.route(path, spec);
    feeds[name] = path;
  };
  add('good', '/good.xml', { body: rss(item(server.url('/good-1'), 'Telekom baut Glasfaser aus') + item(server.url('/good-2'), 'Vodafone senkt Preise'), 'Gut'), contentType: RSS });
  add('malformed-xml', '/malformed.xml', { body: fixture('malformed.xml'), contentType: RSS });
  add('html-page', '/page.xml', { body: fixture('not-a-feed.html'), contentType: 'text/html; charset=utf-8' });
  add('empty-body', '/empty.xml', { body: '', contentType: RSS });
  add('binary-garbage', '/garbage.xml', { body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), contentType: RSS });
  add('50-mb-body', '/huge.xml', { generateBytes: 50 * 1024 * 1024, contentType: RSS });
  feeds['gzip-bomb'] = '/bomb.xml';
  const bomb = gzipBomb();
  server.route('/bomb.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': RSS, 'content-encoding': 'gzip' }).end(bomb);
  });
  add('trickle', '/trickle.xml', { body: rss(item('http://example.org/t', 'Langsam')), contentType: RSS, trickle: { intervalMs: 1000 } });
  add('redirect-loop', '/loop-a.xml', { redirect: '/loop-b.xml' });
  server.route('/loop-b.xml', { redirect: '/loop-a.xml' });
  add('wrong-charset', '/latin1.xml', { body: fixture('latin1-declared-utf8.xml'), contentType: RSS });
  add('billion-laughs', '/laughs.xml', { body: fixture('billion-laughs.xml'), contentType: RSS });
  add('external-entity', '/xxe.xml', { body: fixture('external-entity.xml').toString().replace('HOST', server.origin), contentType: RSS });
  server.route('/xxe', { body: 'REMOTE-ENTITY-CONTENT', contentType: 'text/plain' });
  add('5-mb-title', '/big-title.xml', { body: rss(item(server.url('/big-title-item'), `Riesentitel ${'Telekom '.repeat(655_360)}`)), contentType: RSS });
  add('year-0-and-9999', '/years.xml', { body: fixture('year-0-9999.xml'), contentType: RSS });
  add('duplicate-guids', '/dups.xml', { body: fixture('duplicate-guids.xml'), contentType: RSS });
  return feeds;
}
