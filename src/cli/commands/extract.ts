/**
 * `newsdesk extract <path|-> [--url URL] --json`: one HTML page (file, `.gz`, or stdin) to the
 * article text and metadata (CONTRACT.md). Loads only the extractor: no database, no NLP models.
 */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { UsageError, UserError, errorMessage } from '../../domain/errors.ts';
import { decodeHtml, extractArticle } from '../../extract/index.ts';
import { writeJson } from '../output.ts';

// --url is echoed as given; it only serves as a base when it is an absolute http(s) URL.
const Options = z.object({
  url: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract the article text and metadata from one HTML page (a file, .gz, or - for stdin)')
    .argument('<path>', 'HTML file, gzip-compressed HTML, or - for stdin')
    .option('--url <url>', 'the page URL (resolves relative canonical links)')
    .option('--json', 'JSON output (the only format)')
    .action(async (path: string, raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new UsageError('--url must not be empty');
      const bytes = await readInput(path);
      const page = extractArticle(decodeHtml(bytes), parsed.data.url ? { url: parsed.data.url } : {});
      writeJson({
        url: page.url,
        canonicalUrl: page.canonicalUrl,
        title: page.title,
        text: page.text,
        author: page.author,
        published: page.published ? page.published.toISOString() : null,
        language: page.language,
        siteName: page.siteName,
      });
    });
}

async function readInput(path: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (error) {
    throw new UserError(`cannot read ${path === '-' ? 'stdin' : path}: ${errorMessage(error)}`, { cause: error });
  }
  // gzip magic bytes, whatever the file is called.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch (error) {
      throw new UserError(`${path}: not a valid gzip file: ${errorMessage(error)}`, { cause: error });
    }
  }
  return bytes;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
