/**
 * `newsdesk parse-feed <path|-> --json`: one RSS/Atom document (raw bytes) to the JSON shape of
 * CONTRACT.md. Loads only the parse stage, so the ~1000 calls of the evaluation start fast.
 */
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { UserError, errorMessage } from '../../domain/errors.ts';
import { parseFeed } from '../../parse/index.ts';
import { toContractJson } from '../../parse/contract-json.ts';
import { writeJson } from '../output.ts';

export function register(program: Command): void {
  program
    .command('parse-feed')
    .description('parse one RSS/Atom document to JSON (encoding found from BOM, XML declaration or bytes)')
    .argument('<path>', 'feed file, or - for stdin')
    .option('--json', 'print JSON (the only format)')
    .action(async (path: string) => {
      const bytes = await readInput(path);
      const result = parseFeed(bytes);
      if (result.status === 'failed') throw new UserError(`${path}: ${result.error}`);
      writeJson(toContractJson(result.feed));
    });
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    if (path === '-') return await readStdin();
    return await readFile(path);
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${errorMessage(error)}`, { cause: error });
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
