import type { Command } from 'commander';
import { importArticles, importParallelism } from '../../pipeline/import-articles.ts';
import { createIngestor } from '../../pipeline/ingest.ts';
import { withContext } from '../context.ts';
import { openInput } from '../input.ts';
import { progress, writeJson } from '../output.ts';

export function register(program: Command): void {
  program
    .command('import')
    .description('import articles from JSON Lines ({url, title, text, published?, language?, source?})')
    .argument('<path>', 'a .jsonl file (or .jsonl.gz), or - for stdin')
    .option('--json', 'print the summary as JSON')
    .action(async (path: string, options: { json?: boolean }, command: Command) => {
      const report = await withContext(command, async ({ config, connection }) => {
        const ingestor = createIngestor(connection.db, { clusterWindowHours: config.settings.clusterWindowHours });
        return importArticles(openInput(path), ingestor, () => new Date(), {
          ...(config.entityCorrections ? { corrections: config.entityCorrections } : {}),
        }, importParallelism());
      });
      if (options.json) writeJson(report);
      else {
        progress(
          `imported ${report.read} lines: ${report.new} new, ${report.updated} updated, ` +
            `${report.unchanged} unchanged, ${report.invalid} invalid; ${report.stories} stories touched`,
        );
        for (const { line, error } of report.errors.slice(0, 10)) progress(`  line ${line}: ${error}`);
      }
      if (report.invalid > 0) process.exitCode = 1;
    });
}
