import { Option, type Command } from 'commander';
import { writeExport, type ExportFormat } from '../../export/write-export.ts';
import { exportArticles, exportStories, type ArticleFilter } from '../../store/export-rows.ts';
import { parseOrThrow } from '../../store/search-articles.ts';
import { withContext } from '../context.ts';
import { progress } from '../output.ts';
import { parsePositiveInt, parseTimeOption } from '../time-options.ts';

interface ExportOptions {
  what: 'articles' | 'stories';
  format: ExportFormat;
  since?: string;
  until?: string;
  lang?: 'de' | 'en';
  story?: string;
  out?: string;
  query?: string;
  asOf?: string;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('export articles or stories (NDJSON, JSON or CSV)')
    .addOption(new Option('--what <kind>', 'what to export').choices(['articles', 'stories']).default('articles'))
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'json', 'csv']).default('ndjson'))
    .option('--since <time>', 'published at or after (24h, 7d, 2017-11-01)')
    .option('--until <time>', 'published before')
    .addOption(new Option('--lang <language>', 'only this language').choices(['de', 'en']))
    .option('--story <id>', 'only the articles of this story')
    .option('--query <query>', 'only articles matching this query (the search language); stories holding one')
    .option('--as-of <time>', 'a reproducible snapshot: only what was fetched by then, story membership as it was')
    .option('--out <path>', 'write to a file atomically instead of stdout')
    .action(async (options: ExportOptions, command: Command) => {
      const now = new Date();
      const filter: ArticleFilter = {
        ...(options.since ? { since: parseTimeOption(options.since, now, '--since') } : {}),
        ...(options.until ? { until: parseTimeOption(options.until, now, '--until') } : {}),
        ...(options.lang ? { language: options.lang } : {}),
        ...(options.story ? { storyId: parsePositiveInt(options.story, '--story') } : {}),
        ...(options.query ? { query: parseOrThrow(options.query) } : {}),
        ...(options.asOf ? { asOf: parseTimeOption(options.asOf, now, '--as-of') } : {}),
        now,
      };
      const count = await withContext(command, async ({ connection }) => {
        const rows = options.what === 'stories' ? exportStories(connection.db, filter) : exportArticles(connection.db, filter);
        return writeExport(rows as AsyncIterable<Record<string, unknown>>, options.format,
          options.out ? { path: options.out } : { stream: process.stdout });
      });
      if (options.out) progress(`wrote ${count} ${options.what} to ${options.out}`);
    });
}
