import type { Command } from 'commander';
import { reanalyzeEntities } from '../../pipeline/reanalyze.ts';
import { withContext } from '../context.ts';
import { progress, writeJson } from '../output.ts';
import { parseTimeOption } from '../time-options.ts';

export function register(program: Command): void {
  program
    .command('reanalyze')
    .description('find the entities of stored articles again (after the lists or the corrections file changed)')
    .option('--since <time>', 'only articles at or after (7d, 2017-11-01)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { since?: string; json?: boolean }, command: Command) => {
      const report = await withContext(command, ({ config, connection }) =>
        reanalyzeEntities(connection.db, {
          ...(options.since ? { since: parseTimeOption(options.since, new Date(), '--since') } : {}),
          ...(config.entityCorrections ? { corrections: config.entityCorrections } : {}),
        }),
      );
      if (options.json) writeJson(report);
      else {
        progress(
          `re-analysed ${report.articles} articles: ${report.changed} with changed entities; ` +
            `${report.entitiesRemoved} entities no article names any more removed`,
        );
        if (report.changed > 0) progress(`stories keep their grouping: run \`newsdesk recluster${options.since ? ` --since ${options.since}` : ''}\` to regroup them`);
      }
    });
}
