/**
 * Lenient readers for the response headers the fetcher reports: they return undefined or null
 * on junk and never throw, because servers send all kinds of things.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Node already lowercases header names; repeated headers are joined the way HTTP allows. */
export function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    record[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '\n' : ', ') : value;
  }
  return record;
}

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). A date in the past
 * means "now" (0 ms).
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined; // "-5", "1.5": not a date either
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** `max-age` from Cache-Control; `no-cache`/`no-store` mean 0. */
export function parseMaxAge(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const directives = value
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-cache') || directives.includes('no-store')) return 0;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

export interface ContentType {
  mimeType: string | null;
  charset: string | null;
}

export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined || value.trim() === '') return { mimeType: null, charset: null };
  const [type = '', ...params] = value.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param);
    if (match?.[1] !== undefined) charset = match[1].toLowerCase();
  }
  const mimeType = type.trim().toLowerCase();
  return { mimeType: mimeType === '' ? null : mimeType, charset };
}

/** Readable byte sizes for error lines: "10 MB", "512 KB", "37 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
