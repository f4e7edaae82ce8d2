import { Option, type Command } from 'commander';
import { listStories, type StorySummary } from '../../store/story-queries.ts';
import { withContext } from '../context.ts';
import { colour, renderTable, writeJson } from '../output.ts';
import { parsePositiveInt, parseTimeOption } from '../time-options.ts';

interface StoriesOptions {
  since: string;
  lang?: 'de' | 'en';
  minSources?: string;
  entity?: string;
  limit: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('stories')
    .description('stories ranked by size, distinct outlets, both languages and recency')
    .option('--since <time>', 'last article at or after (24h, 7d, 2017-11-01)', '24h')
    .addOption(new Option('--lang <language>', 'stories reported in this language').choices(['de', 'en']))
    .option('--min-sources <n>', 'at least this many distinct outlets')
    .option('--entity <name>', 'stories mentioning this entity (canonical name or alias)')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (options: StoriesOptions, command: Command) => {
      const now = new Date();
      const stories = await withContext(command, ({ connection }) =>
        listStories(
          connection.db,
          {
            since: parseTimeOption(options.since, now, '--since'),
            ...(options.lang ? { language: options.lang } : {}),
            ...(options.minSources ? { minSources: parsePositiveInt(options.minSources, '--min-sources') } : {}),
            ...(options.entity ? { entity: options.entity } : {}),
            limit: parsePositiveInt(options.limit, '--limit'),
          },
          now,
        ),
      );
      if (options.json) writeJson(stories);
      else process.stdout.write(table(stories));
    });
}

function table(stories: StorySummary[]): string {
  if (stories.length === 0) return 'no stories in this period\n';
  return renderTable(
    ['id', 'articles', 'outlets', 'lang', 'first', 'title'],
    stories.map((story) => [
      String(story.id),
      String(story.articleCount),
      String(story.sourceCount),
      story.languages.join('+'),
      story.first ? `${story.first.source} ${story.firstSeen.toISOString().slice(0, 16).replace('T', ' ')}` : '',
      colour.paint('bold', story.title.slice(0, 90)),
    ]),
  );
}
