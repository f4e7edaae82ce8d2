/**
 * `newsdesk analyze --json`: JSON Lines in, JSON Lines out, in input order (CONTRACT.md).
 * Streams line by line, so memory does not grow with the input; a bad line gets an error record.
 */
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { detectLanguage } from '../../language/index.ts';
import { extractEntities } from '../../entities/index.ts';
import { writeJsonLine } from '../output.ts';

const AnalyzeLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().nullish(),
  text: z.string().nullish(),
  languageHint: z.enum(['de', 'en']).nullish(),
});

export function register(program: Command): void {
  program
    .command('analyze')
    .description('language and entities for JSON Lines on stdin ({id, title?, text?, languageHint?})')
    .option('--json', 'JSON Lines output (the only format)')
    .action(async () => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        writeJsonLine(analyzeLine(line, lineNumber));
      }
    });
}

function analyzeLine(line: string, lineNumber: number): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { line: lineNumber, error: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = AnalyzeLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { line: lineNumber, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const { id, title, text, languageHint } = parsed.data;
  const language = detectLanguage({ title: title ?? '', text: text ?? '', declared: { hint: languageHint } });
  const { mentions } = extractEntities({ title: title ?? '', text: text ?? '', language: language.language });
  return {
    id,
    language: language.language,
    languageConfidence: Number(language.confidence.toFixed(3)),
    entities: mentions.map(({ type, field, start, end, text: surface, name }) => ({
      type, field, start, end, text: surface, name,
    })),
  };
}
