import { createReadStream, existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../domain/errors.ts';

/** A file path (`.gz` decompressed) or `-` for stdin. */
export function openInput(path: string): Readable {
  if (path === '-') return process.stdin;
  if (!existsSync(path)) throw new UserError(`no such file: ${path}`);
  const stream = createReadStream(path);
  return path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
}
