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

async function writeRecords(records: AsyncIterable<Record<string, unknown>>, format: ExportFormat, stream: Writable) {
  let count = 0;
  let columns: string[] | undefined;
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  if (format === 'json') await write('[');
  for await (const record of records) {
    if (format === 'ndjson') await write(`${JSON.stringify(record)}\n`);
    else if (format === 'json') await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
    else {
      if (!columns) {
        columns = Object.keys(record);
        await write(`${columns.join(',')}\n`);
      }
      await write(`${columns.map((column) => csvCell(record[column])).join(',')}\n`);
    }
    count += 1;
  }
  if (format === 'json') await write(count === 0 ? ']\n' : '\n]\n');
  return count;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
