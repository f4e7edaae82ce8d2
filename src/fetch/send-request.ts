/**
 * One HTTP GET, no redirects: resolves with the response as soon as its headers arrive.
 * A fresh connection per request (no keep-alive pool) so the connect timeout and the private
 * address check apply to every request, and nothing lingers after a run.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { abortReason, FetchError, toFetchError } from './fetch-error.ts';
import type { NetworkGuard } from './guarded-lookup.ts';

export interface SendOptions {
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** Refuse private addresses: IP literals here, resolved names inside the socket's lookup. */
  guard: NetworkGuard | undefined;
  /** Aborting destroys the request with `signal.reason`. */
  signal: AbortSignal;
}

function watchConnect(request: http.ClientRequest, socket: Socket, timeoutMs: number, host: string): void {
  const ready = socket instanceof TLSSocket ? 'secureConnect' : 'connect';
  const timer = setTimeout(() => {
    request.destroy(new FetchError('connect-timeout', `could not connect to ${host} within ${timeoutMs} ms`));
  }, timeoutMs);
  const clear = (): void => clearTimeout(timer);
  socket.once(ready, clear);
  socket.once('close', clear);
}

export function sendRequest(url: URL, options: SendOptions): Promise<IncomingMessage> {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const { signal } = options;
    if (signal.aborted) return reject(abortReason(signal));
    options.guard?.assertPublicHost(url.hostname);
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      headers: options.headers,
      agent: false,
      ...(options.guard === undefined ? {} : { lookup: options.guard.lookup }),
    });
    const onAbort = (): void => {
      request.destroy(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.once('close', () => signal.removeEventListener('abort', onAbort));
    request.once('socket', (socket) => watchConnect(request, socket, options.connectTimeoutMs, url.host));
    // A persistent listener: a late error (after the response arrived) must not become an uncaught one.
    request.on('error', (error) => reject(toFetchError(error, url.host)));
    request.once('response', resolve);
    request.end();
  });
}
