/**
 * Many tiny generated RSS feeds on the loopback test server. Article i of feed f belongs to story group
 * g = feed index / 3 (three feeds carry each story, under their own URLs, with the same made-up words), so
 * the expected stories are known. A gate holds every feed response until opened, to make workers overlap.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'zo', 'bi', 'na', 'pe', 'qu', 'sa', 'vo', 'xi', 'du', 'fe', 'go'];

/** A made-up word per number: shared by nothing else, so only same-group articles look alike. */
function word(n: number): string {
  let text = '';
  for (let rest = n + 4096; rest > 0; rest = Math.floor(rest / 16)) text += SYLLABLES[rest % 16];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FeedFarm {
  server: TestServer;
  feeds: { name: string; url: string; fullText: false; language: 'en' }[];
  /** The expected stories: sets of article URLs. */
  groups: string[][];
  path(index: number): string;
  open(): void;
  close(): Promise<void>;
}

export async function startFeedFarm(count: number): Promise<FeedFarm> {
  const server = await startTestServer();
  let opened = false;
  const waiting: (() => void)[] = [];
  const groups = new Map<number, string[]>();
  const articleUrl = (index: number) => server.url(`/article/${index}`);
  for (let index = 0; index < count; index++) {
    const group = Math.floor(index / 3);
    const list = groups.get(group) ?? [];
    list.push(articleUrl(index));
    groups.set(group, list);
    server.route(`/feed/${index}.xml`, (req: IncomingMessage, res: ServerResponse) => {
      const send = () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(index, group, articleUrl(index)));
      if (opened) send();
      else waiting.push(send);
      void req;
    });
  }
  return {
    server,
    feeds: Array.from({ length: count }, (_, index) => ({
      name: `Feed ${index}`, url: server.url(`/feed/${index}.xml`), fullText: false, language: 'en',
    })),
    groups: [...groups.values()],
    path: (index) => `/feed/${index}.xml`,
    open() {
      opened = true;
      for (const send of waiting.splice(0)) send();
    },
    close: () => server.close(),
  };
}

function rss(index: number, group: number, link: string): string {
  const a = word(group * 4);
  const b = word(group * 4 + 1);
  const c = word(group * 4 + 2);
  const d = word(group * 4 + 3);
  const title = `${a} ${b} unveils ${c} ${d}`;
  const text = `${a} ${b} said on Monday that ${c} ${d} will ship; ${a} ${c} and ${b} ${d} were named.`;
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${index}</title>` +
    `<link>http://example.org/</link><item><title>${title}</title><link>${link}</link><guid>${link}</guid>` +
    `<pubDate>Mon, 23 Nov 2026 ${String(8 + (group % 10)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00 GMT</pubDate>` +
    `<description>${text}</description></item></channel></rss>`;
}
