import type { Command } from 'commander';
import { recluster } from '../../pipeline/recluster.ts';
import { withContext } from '../context.ts';
import { progress, writeJson } from '../output.ts';
import { parseTimeOption } from '../time-options.ts';

export function register(program: Command): void {
  program
    .command('recluster')
    .description('rebuild stories (of articles since a time, or all), keeping researchers\' corrections')
    .option('--since <time>', 'only articles at or after (7d, 2017-11-01)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { since?: string; json?: boolean }, command: Command) => {
      const report = await withContext(command, ({ config, connection }) =>
        recluster(connection.db, {
          ...(options.since ? { since: parseTimeOption(options.since, new Date(), '--since') } : {}),
          windowHours: config.settings.clusterWindowHours,
          now: () => new Date(),
        }),
      );
      if (options.json) writeJson(report);
      else progress(`reclustered ${report.articles} articles into ${report.stories} stories (${report.pinned} pinned by corrections)`);
    });
}
