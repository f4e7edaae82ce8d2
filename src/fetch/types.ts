/**
 * Public types of the fetch stage. A fetch never throws for anything the network or a server
 * can do: it returns a FetchResult value with a readable one-line reason.
 */

export interface FetcherOptions {
  /** Sent on every request; default `newsdesk/<version> (+https://github.com/newsdesk; media monitoring)`. */
  userAgent?: string;
  /** DNS + TCP (+ TLS) until the request can be sent. Default 10 s. */
  connectTimeoutMs?: number;
  /** One budget for the whole get(), redirects included. Default 30 s. */
  totalTimeoutMs?: number;
  /** Cap on the body, both as sent on the wire and after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Default 5: a 6th redirect fails. */
  maxRedirects?: number;
  /** Requests in flight to one host name at once. Default 2. */
  perHostConcurrency?: number;
  /** Minimum gap between the starts of two requests to one host name. Default 1000 ms. */
  perHostDelayMs?: number;
  /** Let article pages (and their robots.txt) reach loopback/private/link-local addresses. Default false. */
  allowPrivateNetworks?: boolean;
  /** Check robots.txt before article pages. Default true. */
  respectRobotsTxt?: boolean;
  /** Wall clock for Retry-After dates and the robots.txt cache; durations use a monotonic clock. */
  now?: () => Date;
}

export type FetchKind = 'feed' | 'page';

export interface FetchRequest {
  kind: FetchKind;
  /** Validator from the last 200 for a conditional GET (If-None-Match). */
  etag?: string | null;
  /** Validator from the last 200 for a conditional GET (If-Modified-Since). */
  lastModified?: string | null;
  /** Overrides the Accept header chosen by kind. */
  accept?: string;
  /** Aborts the request (Ctrl-C); the result is `failed` with reason `aborted`. */
  signal?: AbortSignal;
}

interface ResponseFacts {
  /** Final URL after redirects. */
  url: string;
  httpStatus: number;
  /** Lowercased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  durationMs: number;
  /** Body bytes after decompression. */
  bytes: number;
  etag: string | null;
  lastModified: string | null;
  /** Parsed Retry-After (seconds or HTTP date), when the server sent one. */
  retryAfterMs?: number;
  /** Cache-Control max-age (0 for no-cache/no-store), when the server sent one. */
  maxAgeSeconds?: number;
}

export interface FetchOk extends ResponseFacts {
  status: 'ok';
  body: Buffer;
  /** MIME type without parameters, lowercased, e.g. `application/rss+xml`. */
  contentType: string | null;
  /** `charset` parameter of Content-Type, lowercased; the parser still checks BOM and XML declaration. */
  charset: string | null;
}

export interface FetchNotModified extends ResponseFacts {
  status: 'not-modified';
}

/** Machine-readable class of a failure; `error` is the line for humans. */
export type FetchFailureReason =
  | 'invalid-url'
  | 'network'
  | 'connect-timeout'
  | 'timeout'
  | 'too-large'
  | 'decode'
  | 'http'
  | 'redirect'
  | 'private-address'
  | 'robots'
  | 'aborted';

export interface FetchFailed {
  status: 'failed';
  /** One readable line, e.g. "HTTP 503 Service Unavailable" or "redirect loop: … → …". */
  error: string;
  reason: FetchFailureReason;
  /** The URL being fetched when it failed (after any redirects). */
  url: string;
  httpStatus?: number;
  retryAfterMs?: number;
  durationMs: number;
  /** Body bytes received before the failure. */
  bytes: number;
}

export type FetchResult = FetchOk | FetchNotModified | FetchFailed;

export interface Fetcher {
  get(url: string, request: FetchRequest): Promise<FetchResult>;
  /** robots.txt verdict for a page URL (cached per origin; missing or failed robots.txt → true). */
  allowedByRobots(url: string, signal?: AbortSignal): Promise<boolean>;
}
