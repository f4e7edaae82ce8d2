/**
 * A real HTTP server on 127.0.0.1 (random port) for tests of anything that fetches: fixed bodies,
 * status codes, headers, gzip/deflate/br, redirects, slow and trickling responses, huge streamed
 * bodies, 304 on If-None-Match/If-Modified-Since, and a record of every request with the number
 * of requests in flight (to check per-host concurrency and delays from the server's side).
 *
 *   const server = await startTestServer();
 *   server.route('/feed.xml', { body: xml, contentType: 'application/rss+xml', etag: '"v1"', encoding: 'gzip' });
 *   server.url('/feed.xml'); server.count('/feed.xml'); server.maxInFlight; await server.close();
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

export type Encoding = 'gzip' | 'deflate' | 'deflate-raw' | 'br';

export interface RouteSpec {
  status?: number;
  headers?: Record<string, string>;
  contentType?: string;
  body?: string | Buffer;
  /** Compress `body` and send Content-Encoding ("deflate-raw" sends raw deflate labelled "deflate"). */
  encoding?: Encoding;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  etag?: string;
  /** Sent as Last-Modified; a request whose If-Modified-Since is not older gets 304. */
  lastModified?: string;
  /** Location header; status defaults to 302. */
  redirect?: string;
  /** Wait before sending the headers. */
  delayMs?: number;
  /** After the headers, send the body `chunkBytes` at a time (default 1) every `intervalMs`. */
  trickle?: { intervalMs: number; chunkBytes?: number };
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Stream this many bytes of "x" without holding them in memory (for size-cap tests). */
  generateBytes?: number;
  /** Send Content-Length for generated/trickled bodies (default: chunked). */
  declareLength?: boolean;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** performance.now() when the request arrived. */
  at: number;
  /** Requests in flight, this one included, when it arrived. */
  inFlight: number;
}

export interface TestServer {
  readonly port: number;
  readonly origin: string;
  url(path: string): string;
  route(path: string, spec: RouteSpec | RouteHandler): void;
  readonly requests: RecordedRequest[];
  count(path: string): number;
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Forget recorded requests and the in-flight maximum (routes stay). */
  resetStats(): void;
  close(): Promise<void>;
}

function encode(body: Buffer, encoding: Encoding | undefined): Buffer {
  switch (encoding) {
    case 'gzip':
      return zlib.gzipSync(body);
    case 'deflate':
      return zlib.deflateSync(body);
    case 'deflate-raw':
      return zlib.deflateRawSync(body);
    case 'br':
      return zlib.brotliCompressSync(body);
    default:
      return body;
  }
}

function isFresh(req: IncomingMessage, spec: RouteSpec): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (spec.etag !== undefined && noneMatch !== undefined) {
    return noneMatch.split(',').some((tag) => tag.trim() === spec.etag || tag.trim() === '*');
  }
  const since = req.headers['if-modified-since'];
  if (spec.lastModified !== undefined && since !== undefined) {
    return Date.parse(since) >= Date.parse(spec.lastModified);
  }
  return false;
}

function streamGenerated(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function trickle(res: ServerResponse, body: Buffer, intervalMs: number, chunkBytes: number): void {
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed || offset >= body.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(offset, offset + chunkBytes));
    offset += chunkBytes;
  }, intervalMs);
  res.once('close', () => clearInterval(timer));
}

function respond(req: IncomingMessage, res: ServerResponse, spec: RouteSpec): void {
  if (spec.hang === true) return;
  const headers: Record<string, string | number> = { ...spec.headers };
  if (spec.contentType !== undefined) headers['content-type'] = spec.contentType;
  if (spec.etag !== undefined) headers.etag = spec.etag;
  if (spec.lastModified !== undefined) headers['last-modified'] = spec.lastModified;
  if (spec.redirect !== undefined) headers.location = spec.redirect;
  if (isFresh(req, spec)) return void res.writeHead(304, headers).end();
  const status = spec.status ?? (spec.redirect !== undefined ? 302 : 200);
  if (spec.generateBytes !== undefined) {
    if (spec.declareLength === true) headers['content-length'] = spec.generateBytes;
    res.writeHead(status, headers);
    return streamGenerated(res, spec.generateBytes);
  }
  const raw = typeof spec.body === 'string' ? Buffer.from(spec.body) : (spec.body ?? Buffer.alloc(0));
  const body = encode(raw, spec.encoding);
  if (spec.encoding !== undefined)
    headers['content-encoding'] = spec.encoding === 'deflate-raw' ? 'deflate' : spec.encoding;
  if (spec.trickle !== undefined) {
    if (spec.declareLength === true) headers['content-length'] = body.length;
    res.writeHead(status, headers);
    return trickle(res, body, spec.trickle.intervalMs, spec.trickle.chunkBytes ?? 1);
  }
  headers['content-length'] = body.length;
  res.writeHead(status, headers).end(body);
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, RouteSpec | RouteHandler>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = http.createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const path = req.url ?? '/';
    requests.push({
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      at: performance.now(),
      inFlight,
    });
    res.once('close', () => (inFlight -= 1));
    const spec = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    if (spec === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (typeof spec === 'function') return spec(req, res);
    if (spec.delayMs !== undefined) setTimeout(() => respond(req, res, spec), spec.delayMs);
    else respond(req, res, spec);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, spec) => void routes.set(path, spec),
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    resetStats: () => {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: () => closeAll(server, sockets),
  };
}

function closeAll(server: net.Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A TCP server on 127.0.0.1 that accepts connections and never sends a byte (stalls TLS handshakes and HTTP alike). */
export async function startSilentServer(): Promise<{
  port: number;
  connections: number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    get connections() {
      return connections;
    },
    close: () => closeAll(server, sockets),
  };
}
