/** `newsdesk entities [--type …] [--since 7d] [--trending]`: the most mentioned (or fastest rising) entities. */
import { Option, type Command } from 'commander';
import { topEntities } from '../../store/entity-queries.ts';
import { withContext } from '../context.ts';
import { colour, progress, renderTable, writeJson } from '../output.ts';
import { parsePositiveInt, parseTimeOption } from '../time-options.ts';

interface EntitiesOptions {
  type?: string;
  since?: string;
  until?: string;
  trending?: boolean;
  limit: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('entities')
    .description('top entities by articles mentioning them; --trending compares with the previous window')
    .addOption(new Option('--type <type>', 'only this type').choices(['person', 'organization', 'account', 'location', 'product']))
    .option('--since <time>', 'mentioned at or after (24h, 7d, 2017-11-01); trending defaults to 7d')
    .option('--until <time>', 'mentioned before (default now)')
    .option('--trending', 'rank by growth against the previous window of the same length')
    .option('--limit <n>', 'at most this many', '20')
    .option('--json', 'print a JSON array')
    .action(async (options: EntitiesOptions, command: Command) => {
      const now = new Date();
      const limit = parsePositiveInt(options.limit, '--limit');
      const since = options.since ? parseTimeOption(options.since, now, '--since') : undefined;
      const until = options.until ? parseTimeOption(options.until, now, '--until') : undefined;
      const rows = await withContext(command, ({ connection }) =>
        topEntities(connection.db, {
          limit,
          ...(options.type ? { type: options.type } : {}),
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          ...(options.trending ? { trending: true } : {}),
        }, now),
      );
      if (options.json) {
        writeJson(rows.map(({ id: _id, ...row }) => row));
        return;
      }
      if (rows.length === 0) {
        progress('no entities in that window');
        return;
      }
      const headers = options.trending ? ['name', 'type', 'articles', 'before', 'trend'] : ['name', 'type', 'articles', 'mentions'];
      process.stdout.write(renderTable(headers, rows.map((r) => [
        colour.paint('bold', r.name),
        r.type,
        String(r.articles),
        ...(options.trending ? [String(r.previous ?? 0), colour.paint('green', `+${r.trend ?? 0}`)] : [String(r.mentions)]),
      ])));
    });
}
