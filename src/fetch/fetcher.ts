/**
 * The HTTP client of newsdesk: conditional GET, decompression, redirects, timeouts, size caps,
 * per-host politeness, private-address guard and robots.txt for article pages. Every outcome is
 * a FetchResult value; nothing a server does makes get() throw.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { FetchError, toFetchError } from './fetch-error.ts';
import { createBudget, type Budget } from './time-budget.ts';
import { nextLocation, parseStartUrl, type Redirect } from './redirects.ts';
import { createHostLimiter } from './host-limiter.ts';
import { readBody } from './read-body.ts';
import { headerRecord, parseContentType, parseMaxAge, parseRetryAfter } from './response-headers.ts';
import { createRobotsCache } from './robots.ts';
import { sendRequest } from './send-request.ts';
import { createNetworkGuard } from './guarded-lookup.ts';
import { resolveFetcherOptions, type ResolvedOptions } from './fetcher-options.ts';
import type { FetchFailed, Fetcher, FetcherOptions, FetchRequest, FetchResult } from './types.ts';

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
} as const;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function requestHeaders(options: ResolvedOptions, request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: request.accept ?? ACCEPT[request.kind],
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

/** Test seams, not configuration: production code calls createFetcher(options) only. */
export interface FetcherInternals {
  isPrivateAddress?: (address: string) => boolean;
}

export function createFetcher(
  fetcherOptions: FetcherOptions = {},
  internals: FetcherInternals = {},
): Fetcher {
  const options = resolveFetcherOptions(fetcherOptions);
  const guard = options.allowPrivateNetworks ? undefined : createNetworkGuard(internals.isPrivateAddress);
  const limiter = createHostLimiter(options.perHostConcurrency, options.perHostDelayMs);
  const robots = createRobotsCache({
    fetchRobots: (url, signal) =>
      getUrl(url, { kind: 'page', accept: 'text/plain, */*;q=0.5', signal }, false),
    agentToken: options.robotsToken,
    now: options.now,
  });

  async function getUrl(url: string, request: FetchRequest, checkRobots: boolean): Promise<FetchResult> {
    const budget = createBudget(options.totalTimeoutMs, request.signal);
    let current: URL | undefined;
    try {
      current = parseStartUrl(url);
      const visited = [current];
      for (;;) {
        const robotsVerdict = checkRobots ? await robots.check(current, budget.signal) : undefined;
        if (robotsVerdict?.allowed === false) {
          throw new FetchError('robots', `disallowed by robots.txt (${current.href})`);
        }
        const outcome = await fetchHop(current, request, budget, robotsVerdict?.crawlDelayMs);
        if (!('redirect' in outcome)) return outcome;
        current = nextLocation(outcome, current, visited, options.maxRedirects);
      }
    } catch (error) {
      const cause: unknown = budget.signal.aborted ? budget.signal.reason : error;
      return failed(toFetchError(cause, current?.host ?? url), current?.href ?? url, budget);
    } finally {
      budget.dispose();
    }
  }

  async function fetchHop(
    current: URL,
    request: FetchRequest,
    budget: Budget,
    crawlDelayMs?: number,
  ): Promise<FetchResult | Redirect> {
    const release = await limiter.acquire(current.hostname, budget.signal, crawlDelayMs);
    try {
      budget.start();
      const response = await sendRequest(current, {
        headers: requestHeaders(options, request),
        connectTimeoutMs: options.connectTimeoutMs,
        guard: request.kind === 'page' ? guard : undefined,
        signal: budget.signal,
      });
      return await settle(response, current, request, budget);
    } finally {
      release();
    }
  }

  async function settle(
    response: IncomingMessage,
    current: URL,
    request: FetchRequest,
    budget: Budget,
  ): Promise<FetchResult | Redirect> {
    const status = response.statusCode ?? 0;
    const headers = headerRecord(response.headers);
    const retryAfterMs = parseRetryAfter(headers['retry-after'], options.now());
    const maxAgeSeconds = parseMaxAge(headers['cache-control']);
    const facts = {
      url: current.href,
      httpStatus: status,
      headers,
      etag: headers.etag ?? null,
      lastModified: headers['last-modified'] ?? null,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }),
    };
    if (status >= 200 && status < 300) {
      const { body, bytes } = await readBody(response, options.maxBytes, budget.signal);
      const { mimeType, charset } = parseContentType(headers['content-type']);
      return {
        status: 'ok',
        ...facts,
        body,
        bytes,
        durationMs: budget.elapsedMs(),
        contentType: mimeType,
        charset,
      };
    }
    response.destroy();
    if (status === 304) {
      const etag = facts.etag ?? request.etag ?? null;
      const lastModified = facts.lastModified ?? request.lastModified ?? null;
      return {
        status: 'not-modified',
        ...facts,
        etag,
        lastModified,
        bytes: 0,
        durationMs: budget.elapsedMs(),
      };
    }
    if (REDIRECTS.has(status)) return { redirect: true, httpStatus: status, location: headers.location };
    const retry = retryAfterMs === undefined ? '' : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
    throw new FetchError('http', `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim() + retry, {
      httpStatus: status,
      retryAfterMs,
    });
  }

  return {
    get: (url, request) => getUrl(url, request, request.kind === 'page' && options.respectRobotsTxt),
    allowedByRobots: async (url, signal) => {
      try {
        return (await robots.check(parseStartUrl(url), signal)).allowed;
      } catch {
        return false;
      }
    },
  };
}

function failed(error: FetchError, url: string, budget: Budget): FetchFailed {
  return {
    status: 'failed',
    error: oneLine(error.message),
    reason: error.reason,
    url,
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    durationMs: budget.elapsedMs(),
    bytes: error.bytes,
  };
}

/** A failure reason is shown in a table cell and stored in a column: one line, bounded. */
function oneLine(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
