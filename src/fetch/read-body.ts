/**
 * Reads a response body into memory with two caps: bytes on the wire and bytes after
 * decompression, so neither a 50 MB body nor a gzip bomb (a few KB that inflate to GBs) can eat
 * memory. Streams are destroyed as soon as a cap is crossed.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from './fetch-error.ts';
import { formatBytes } from './response-headers.ts';

export interface Body {
  body: Buffer;
  bytes: number;
}

/** "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate: look at the header. */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.inner === undefined) {
      const [b0 = 0, b1 = 0] = chunk;
      const zlibWrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
      this.inner = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (this.inner === undefined) return callback();
    this.inner.once('end', () => callback());
    this.inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

function decoderFor(encoding: string): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FetchError('decode', `unsupported content-encoding "${encoding}"`);
  }
}

/** Decoders in the order to apply them: Content-Encoding lists codings in the order applied. */
export function decodersFor(contentEncoding: string | undefined): Transform[] {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.reverse().map(decoderFor);
}

function wireCap(maxBytes: number, counter: { wire: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.wire += chunk.length;
      if (counter.wire > maxBytes) {
        return callback(new FetchError('too-large', `body larger than the ${formatBytes(maxBytes)} limit`));
      }
      callback(null, chunk);
    },
  });
}

export async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Body> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FetchError(
      'too-large',
      `body of ${formatBytes(declared)} is larger than the ${formatBytes(maxBytes)} limit`,
    );
  }
  const decoders = decodersFor(response.headers['content-encoding']);
  const counter = { wire: 0 };
  const chunks: Buffer[] = [];
  let bytes = 0;
  const collector = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        const what =
          decoders.length > 0 ? `decompressed body (from ${formatBytes(counter.wire)} on the wire)` : 'body';
        return callback(
          new FetchError('too-large', `${what} larger than the ${formatBytes(maxBytes)} limit`),
        );
      }
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline([response, wireCap(maxBytes, counter), ...decoders, collector], { signal });
  } catch (error) {
    const failure: unknown = signal.aborted ? signal.reason : error;
    if (failure instanceof FetchError) failure.bytes = Math.max(bytes, counter.wire);
    throw failure;
  }
  return { body: Buffer.concat(chunks, bytes), bytes };
}
