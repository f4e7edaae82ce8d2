/**
 * Soak check for the daemon (issue 7): one in-process daemon on a fresh SQLite database polls a loopback
 * server whose 60 feeds carry new items every cycle; after each cycle every feed is made due again.
 * Prints resident memory (RSS) and V8 heap per cycle, then a summary. Bounded: `npx tsx scripts/soak.ts [seconds=90]`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfig } from '../src/config/check.ts';
import { checkEnv } from '../src/config/env.ts';
import { runDaemon } from '../src/daemon/run-daemon.ts';
import { silentLogger } from '../src/log/logger.ts';
import { connect } from '../src/store/client.ts';

const seconds = Number(process.argv[2] ?? 90);
const FEEDS = 60;
const ITEMS = 2;
let cycle = 0;

const words = ['Siemens', 'Telekom', 'SAP', 'Berlin', 'Munich', 'chip', 'cloud', 'outage', 'merger', 'startup', 'robot', 'fibre'];
function feedXml(feed: number, origin: string): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const n = cycle * ITEMS + i;
    const title = `${words[(feed + n) % words.length]} ${words[(feed * 7 + n) % words.length]} report ${cycle}-${feed}-${i}`;
    const link = `${origin}/a/${feed}/${cycle}/${i}`;
    return `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><pubDate>${new Date().toUTCString()}</pubDate>` +
      `<description>${title}: a short text about ${words[n % words.length]} and ${words[(n + 3) % words.length]}.</description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Soak ${feed}</title><link>${origin}/</link>${items}</channel></rss>`;
}

const server = http.createServer((req, res) => {
  const match = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!match) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(Number(match[1]), origin));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-soak-'));
const url = `file:${join(dir, 'soak.db')}`;
const connection = await connect(url);
const env = checkEnv({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_DELAY_MS: '0', NEWSDESK_PER_HOST_CONCURRENCY: '16' });
if (!env.ok) throw new Error(env.errors.join('; '));
const feeds = Array.from({ length: FEEDS }, (_, i) => ({ name: `Soak ${i}`, url: `${origin}/feed/${i}.xml`, fullText: false, language: 'en' }));
const checked = checkConfig({ feeds }, env.env);
if (!checked.ok) throw new Error(checked.errors.join('; '));

const samples: { cycle: number; rssMb: number; heapMb: number }[] = [];
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
let lastCycleAt = 0;
// After each cycle: sample memory, serve new items, make every feed due again.
const watcher = setInterval(() => {
  void (async () => {
    const worker = await connection.db.worker.findUnique({ where: { id: 'soak' } });
    const at = worker?.lastCycleAt?.getTime() ?? 0;
    if (at === lastCycleAt) return;
    lastCycleAt = at;
    cycle += 1;
    const memory = process.memoryUsage();
    samples.push({ cycle, rssMb: mb(memory.rss), heapMb: mb(memory.heapUsed) });
    process.stdout.write(`cycle ${cycle}: rss ${mb(memory.rss)} MB, heap ${mb(memory.heapUsed)} MB\n`);
    await connection.db.feed.updateMany({ data: { nextDueAt: null } });
  })();
}, 100);

const stop = new AbortController();
setTimeout(() => stop.abort(), seconds * 1000);
await runDaemon({
  db: connection.db, provider: 'sqlite', config: checked.config, worker: 'soak', host: 'soak', pid: process.pid,
  log: silentLogger(), tickSeconds: 1, signal: stop.signal, graceMs: 5000,
});
clearInterval(watcher);
const articles = await connection.db.article.count();
await connection.close();
server.close();

const tail = samples.slice(Math.floor(samples.length / 2));
const summary = {
  seconds, feeds: FEEDS, cycles: samples.length, articles,
  rssMb: { first: samples[0]?.rssMb, max: Math.max(...samples.map((s) => s.rssMb)), last: samples.at(-1)?.rssMb },
  heapMb: { first: samples[0]?.heapMb, max: Math.max(...samples.map((s) => s.heapMb)), last: samples.at(-1)?.heapMb },
  secondHalfRssMb: { min: Math.min(...tail.map((s) => s.rssMb)), max: Math.max(...tail.map((s) => s.rssMb)) },
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
