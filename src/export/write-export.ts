/**
 * Writes export records as NDJSON, JSON or CSV to a stream; with a file path, atomically (a temporary
 * file renamed into place), so a reader never sees half an export.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export type ExportFormat = 'ndjson' | 'json' | 'csv';

export async function writeExport(
  records: AsyncIterable<Record<string, unknown>>,
  format: ExportFormat,
  out: { path: string } | { stream: Writable },
): Promise<number> {
  if ('stream' in out) return writeRecords(records, format, out.stream);
  const temporary = join(dirname(out.path), `.${basename(out.path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  try {
    const count = await writeRecords(records, format, stream);
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, out.path);
    return count;
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Lines are gathered into chunks of about 64 KB: one write (and one await) per chunk, not per record. */
async function writeRecords(records: AsyncIterable<Record<string, unknown>>, format: ExportFormat, stream: Writable) {
  let count = 0;
  let columns: string[] | undefined;
  let buffer = '';
  const flush = async () => {
    if (buffer && !stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };
  if (format === 'json') buffer += '[';
  for await (const record of records) {
    if (format === 'ndjson') buffer += `${JSON.stringify(record)}\n`;
    else if (format === 'json') buffer += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
    else {
      if (!columns) {
        columns = Object.keys(record);
        buffer += `${columns.join(',')}\n`;
      }
      buffer += `${columns.map((column) => csvCell(record[column])).join(',')}\n`;
    }
    count += 1;
    if (buffer.length >= 65_536) await flush();
  }
  if (format === 'json') buffer += count === 0 ? ']\n' : '\n]\n';
  await flush();
  return count;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
