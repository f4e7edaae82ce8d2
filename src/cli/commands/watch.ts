/** `newsdesk watch add|list|run|remove`: saved searches; `run` shows what is new since the last run. */
import type { Command } from 'commander';
import { hitJson, shortDate } from '../../query/present.ts';
import { addSavedSearch, listSavedSearches, removeSavedSearch, runWatch } from '../../store/saved-searches.ts';
import { parseOrThrow } from '../../store/search-articles.ts';
import { UserError } from '../../domain/errors.ts';
import { withContext } from '../context.ts';
import { progress, renderTable, writeJson } from '../output.ts';
import { queryFromWords } from '../query-words.ts';
import { parsePositiveInt } from '../time-options.ts';
import { renderHits } from './search.ts';

export function register(program: Command): void {
  const watch = program.command('watch').description('saved searches: add, list, run, remove');

  watch
    .command('add')
    .description('save a search under a name')
    .argument('<name>', 'a short name')
    .argument('<query...>', 'the query (same language as search)')
    .option('--owner <email>', 'the recipient it belongs to (for the digest)')
    .option('--json', 'print the saved search as JSON')
    .allowUnknownOption() // `-word` is the query's NOT: see queryFromWords
    .action(async (name: string, words: string[], options: { owner?: string; json?: boolean }, command: Command) => {
      const query = queryFromWords(words);
      parseOrThrow(query);
      const saved = await withContext(command, ({ connection }) =>
        addSavedSearch(connection.db, { name, query, owner: options.owner ?? null }),
      );
      if (options.json) writeJson(savedJson(saved));
      else progress(`saved "${saved.name}": ${saved.query}`);
    });

  watch
    .command('list')
    .description('list saved searches')
    .option('--json', 'print a JSON array')
    .option('--limit <n>', 'at most this many', '1000')
    .action(async (options: { json?: boolean; limit: string }, command: Command) => {
      const limit = parsePositiveInt(options.limit, '--limit');
      const rows = (await withContext(command, ({ connection }) => listSavedSearches(connection.db))).slice(0, limit);
      if (options.json) writeJson(rows.map(savedJson));
      else if (rows.length === 0) progress('no saved searches (add one with `newsdesk watch add NAME QUERY`)');
      else process.stdout.write(renderTable(['name', 'query', 'last run', 'owner'], rows.map((r) => [r.name, r.query, shortDate(r.lastRunAt), r.owner ?? ''])));
    });

  watch
    .command('run')
    .description('new matches since the last run (then records this run)')
    .argument('<name>', 'the saved search')
    .option('--json', 'print { name, query, since, until, hits }')
    .option('--limit <n>', 'at most this many hits', '50')
    .action(async (name: string, options: { json?: boolean; limit: string }, command: Command) => {
      const limit = parsePositiveInt(options.limit, '--limit');
      const now = new Date();
      const run = await withContext(command, ({ connection }) => runWatch(connection.db, name, now, limit));
      if (run.hits.length === limit) progress(`showing the newest ${limit} matches; there may be more (--limit)`);
      if (options.json) {
        writeJson({ name: run.search.name, query: run.search.query, since: run.since?.toISOString() ?? null, until: now.toISOString(), hits: run.hits.map(hitJson) });
      } else {
        progress(`${run.hits.length} new for "${run.search.name}" since ${run.since ? shortDate(run.since) : 'the beginning'}`);
        if (run.hits.length > 0) process.stdout.write(renderHits(run.hits));
      }
    });

  watch
    .command('remove')
    .description('delete a saved search')
    .argument('<name>', 'the saved search')
    .action(async (name: string, _options: unknown, command: Command) => {
      const removed = await withContext(command, ({ connection }) => removeSavedSearch(connection.db, name));
      if (!removed) throw new UserError(`no saved search named "${name}"`);
      progress(`removed "${name}"`);
    });
}

function savedJson(row: { name: string; query: string; owner: string | null; lastRunAt: Date | null; createdAt: Date }) {
  return { name: row.name, query: row.query, owner: row.owner, lastRunAt: row.lastRunAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}
