/**
 * Entry point of the `newsdesk` command. A thin command table: only the module of the command
 * that runs is loaded (start-up stays fast, and `parse-feed` never loads Prisma). This is the one
 * place that turns failures into exit codes: 0 ok, 1 a failure the user must see, 2 bad usage or config.
 */
import { Command, CommanderError } from 'commander';
import { UserError, errorMessage } from '../domain/errors.ts';
import { boundHeapGrowth } from '../runtime/heap.ts';

export interface CommandModule {
  register(program: Command): void;
}

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  fetch: { summary: 'pull due feeds, extract, analyse, cluster', load: () => import('./commands/fetch.ts') },
  feeds: { summary: 'list feeds with health; add, import/export OPML', load: () => import('./commands/feeds.ts') },
  'parse-feed': { summary: 'parse one RSS/Atom document to JSON', load: () => import('./commands/parse-feed.ts') },
  extract: { summary: 'extract the article text from one HTML page', load: () => import('./commands/extract.ts') },
  analyze: { summary: 'language and entities for JSON Lines on stdin', load: () => import('./commands/analyze.ts') },
  import: { summary: 'import articles from JSON Lines', load: () => import('./commands/import.ts') },
  export: { summary: 'export articles or stories', load: () => import('./commands/export.ts') },
  stories: { summary: 'list stories, ranked', load: () => import('./commands/stories.ts') },
  story: { summary: 'show a story; merge, split, move (corrections)', load: () => import('./commands/story.ts') },
  recluster: { summary: 'rebuild stories, keeping corrections', load: () => import('./commands/recluster.ts') },
  reanalyze: { summary: 'find the entities of stored articles again', load: () => import('./commands/reanalyze.ts') },
  search: { summary: 'full-text search with the query language', load: () => import('./commands/search.ts') },
  entities: { summary: 'top or trending entities', load: () => import('./commands/entities.ts') },
  entity: { summary: 'one entity: aliases, accounts, mentions, stories', load: () => import('./commands/entity.ts') },
  watch: { summary: 'saved searches: add, list, run, remove', load: () => import('./commands/watch.ts') },
  digest: { summary: 'render or send the daily digest', load: () => import('./commands/digest.ts') },
  daemon: { summary: 'run scheduled jobs until stopped', load: () => import('./commands/daemon.ts') },
  status: { summary: 'daemon, queue and feed status', load: () => import('./commands/status.ts') },
};

function buildProgram(): Command {
  return new Command('newsdesk')
    .description('Media monitoring for German and English tech news.')
    .option('--config <path>', 'feeds and settings file', 'feeds.json')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const name = argv.find((arg) => !arg.startsWith('-') && arg in commands);
  if (!name) {
    for (const [command, entry] of Object.entries(commands)) program.command(command).description(entry.summary);
  } else {
    const module = await commands[name]!.load();
    module.register(program);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`newsdesk: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`newsdesk: internal error: ${errorMessage(error)}\n`);
    if (process.env.NEWSDESK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

boundHeapGrowth();
process.exitCode = await main(process.argv.slice(2));
