/**
 * The fetch stage's internal failure carrier. It crosses function boundaries inside src/fetch/
 * as an exception and is turned into a `failed` FetchResult value in one place (fetcher.ts).
 */
import type { FetchFailureReason } from './types.ts';

export class FetchError extends Error {
  override name = 'FetchError';

  constructor(
    readonly reason: FetchFailureReason,
    message: string,
    options?: { cause?: unknown; httpStatus?: number; retryAfterMs?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.httpStatus = options?.httpStatus;
    this.retryAfterMs = options?.retryAfterMs;
  }

  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** Body bytes received before the failure, filled in by the body reader. */
  bytes = 0;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset before the response was complete',
  EPIPE: 'connection closed while sending the request',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  HPE_INVALID_CONSTANT: 'malformed HTTP response',
  HPE_HEADER_OVERFLOW: 'response headers too large',
  ERR_HTTP_INVALID_HEADER_VALUE: 'malformed HTTP response header',
};

function codeOf(error: unknown): string | undefined {
  if (error instanceof AggregateError) return codeOf(error.errors[0]);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns whatever node:http, node:tls or node:zlib threw into a FetchError with a readable line. */
export function toFetchError(error: unknown, host: string): FetchError {
  if (error instanceof FetchError) return error;
  const code = codeOf(error) ?? '';
  const message = error instanceof Error && error.message !== '' ? error.message : code;
  if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ZLIB')) {
    return new FetchError('decode', `could not decompress body: ${message}`, { cause: error });
  }
  const known = NETWORK_CODES[code] ?? (code.startsWith('HPE_') ? 'malformed HTTP response' : undefined);
  if (known !== undefined) return new FetchError('network', `${known} (${host})`, { cause: error });
  if (/CERT|TLS|SSL|EPROTO/.test(code) || /certificate|ssl|tls/i.test(message)) {
    // OpenSSL messages carry addresses and source paths; its reason text is the readable part.
    const reason = /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? message;
    return new FetchError('network', `TLS error (${host}): ${reason}`, { cause: error });
  }
  return new FetchError('network', `${message || 'network error'} (${host})`, { cause: error });
}

/** The reason an aborted signal carries, as an Error (our budget aborts with FetchErrors). */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new FetchError('aborted', 'aborted');
}
