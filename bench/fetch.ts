/**
 * `npm run bench -- fetch [--feeds 1000] [--hosts 50] [--items 2] [--concurrency 16] [--delay-ms 1000] [--json]`
 * One poll cycle over many feeds on loopback servers (127.0.0.1 … 127.0.0.N, all loopback on Linux, so the
 * per-host limits see N distinct hosts) with 20–200 ms latency, ETag 304s on the second cycle and some
 * failures, through fetchFeeds with the real fetcher. Reports wall and CPU time per cycle and the most
 * requests any one host had in flight, counted on the server side.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { checkConfig, type Config } from '../src/config/check.ts';
import { checkEnv } from '../src/config/env.ts';
import { fetchFeeds } from '../src/pipeline/fetch-feeds.ts';
import { createIngestor } from '../src/pipeline/ingest.ts';
import { fetcherFor } from '../src/pipeline/run-fetch.ts';
import { connect } from '../src/store/client.ts';
import { syncFeeds } from '../src/store/feeds.ts';
import { createWorkspace } from './archive.ts';
import { seededRandom } from './generate.ts';
import { round, timed } from './measure.ts';

interface HostStats { inFlight: number; maxInFlight: number; requests: number }

function feedXml(origin: string, feed: number, items: number): string {
  const entries = Array.from({ length: items }, (_, j) =>
    `<item><title>Meldung ${j} aus Feed ${feed}: Telekom erweitert Glasfasernetz</title><link>${origin}/a/${feed}-${j}</link>` +
    `<guid>${origin}/a/${feed}-${j}</guid><pubDate>${new Date(Date.now() - j * 3_600_000).toUTCString()}</pubDate>` +
    `<description>Die Deutsche Telekom baut in Feed ${feed} weiter aus; Meldung ${j}.</description></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${feed}</title><link>${origin}/</link><language>de</language>${entries}</channel></rss>`;
}

/** Feed i: latency 20–200 ms; every 20th answers 500, every 25th resets the connection; ETag "v1". */
function handler(stats: HostStats, origin: () => string, items: number, random: () => number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    stats.inFlight += 1;
    stats.requests += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    res.once('close', () => (stats.inFlight -= 1));
    const feed = Number(/^\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
    setTimeout(() => {
      if (feed < 0) return void res.writeHead(404).end();
      if (feed % 25 === 24) return void req.socket.destroy();
      if (feed % 20 === 19) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(feedXml(origin(), feed, items));
    }, 20 + Math.floor(random() * 180));
  };
}

async function startHosts(count: number, items: number) {
  const random = seededRandom(11);
  const hosts: { origin: string; stats: HostStats; server: http.Server }[] = [];
  for (let i = 1; i <= count; i += 1) {
    const stats: HostStats = { inFlight: 0, maxInFlight: 0, requests: 0 };
    const address = `127.0.0.${i}`;
    let origin = '';
    const server = http.createServer(handler(stats, () => origin, items, random));
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    origin = `http://${address}:${(server.address() as AddressInfo).port}`;
    hosts.push({ origin, stats, server });
  }
  return hosts;
}

function benchConfig(feeds: unknown[], concurrency: number, delayMs: number): Config {
  const env = checkEnv({ NEWSDESK_PER_HOST_DELAY_MS: String(delayMs) });
  if (!env.ok) throw new Error(env.errors.join('; '));
  const checked = checkConfig({ feeds, settings: { fetch: { concurrency, timeoutSeconds: 10 } } }, env.env);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      feeds: { type: 'string', default: '1000' }, hosts: { type: 'string', default: '50' },
      items: { type: 'string', default: '2' }, concurrency: { type: 'string', default: '16' },
      'delay-ms': { type: 'string', default: '1000' }, json: { type: 'boolean', default: false },
    },
  });
  const feedCount = Number(values.feeds);
  const hosts = await startHosts(Math.min(254, Number(values.hosts)), Number(values.items));
  const workspace = createWorkspace();
  try {
    const feeds = Array.from({ length: feedCount }, (_, i) => ({
      name: `feed-${i}`, url: `${hosts[i % hosts.length]!.origin}/feed/${i}.xml`, language: 'de', fullText: false,
    }));
    const config = benchConfig(feeds, Number(values.concurrency), Number(values['delay-ms']));
    const connection = await connect(`file:${await workspace.freshDb('fetch.db')}`);
    const cycle = async () => {
      for (const host of hosts) host.stats.maxInFlight = 0;
      const rows = await syncFeeds(connection.db, config.feeds);
      const deps = {
        db: connection.db, fetcher: fetcherFor(config), config, now: () => new Date(),
        ingestor: createIngestor(connection.db, { clusterWindowHours: config.settings.clusterWindowHours }),
      };
      const t = await timed(() => fetchFeeds(deps, rows));
      const statuses: Record<string, number> = {};
      for (const feed of t.value.feeds) statuses[feed.status] = (statuses[feed.status] ?? 0) + 1;
      return {
        wallSeconds: round(t.wallMs / 1000, 1), cpuSeconds: round(t.cpuMs / 1000, 1), statuses,
        newArticles: t.value.newArticles, maxInFlightPerHost: Math.max(...hosts.map((h) => h.stats.maxInFlight)),
      };
    };
    process.stderr.write(`[bench fetch] ${feedCount} feeds on ${hosts.length} loopback hosts, cycle 1 (cold)\n`);
    const cold = await cycle();
    process.stderr.write('[bench fetch] cycle 2 (conditional requests)\n');
    const warm = await cycle();
    await connection.close();
    const result = {
      feeds: feedCount, hosts: hosts.length, perHostConcurrency: config.settings.fetch.perHostConcurrency,
      perHostDelayMs: config.settings.fetch.perHostDelayMs, concurrency: config.settings.fetch.concurrency, cold, warm,
      limitRespected: Math.max(cold.maxInFlightPerHost, warm.maxInFlightPerHost) <= config.settings.fetch.perHostConcurrency,
    };
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await Promise.all(hosts.map((h) => new Promise((resolve) => h.server.close(resolve))));
    workspace.remove();
  }
}
