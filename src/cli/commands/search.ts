/** `newsdesk search QUERY`: ranked full-text search with the query language (CONTRACT.md `search`). */
import { Option, type Command } from 'commander';
import { UsageError } from '../../domain/errors.ts';
import { hitJson, shortDate } from '../../query/present.ts';
import { paintSnippet } from '../../query/snippet.ts';
import { reindexAll } from '../../store/search-index.ts';
import { parseOrThrow, searchArticles, type SearchHit, type SearchSort } from '../../store/search-articles.ts';
import { withContext } from '../context.ts';
import { colour, progress, writeJson } from '../output.ts';
import { queryFromWords } from '../query-words.ts';
import { parsePositiveInt } from '../time-options.ts';

interface SearchOptions {
  json?: boolean;
  limit: string;
  sort: SearchSort;
  reindex?: boolean;
}

export function register(program: Command): void {
  program
    .command('search')
    .description('full-text search: words, "phrases", AND/OR/NOT, -word, (…), entity: type: source: lang: since: until: story: account:')
    .argument('<query...>', 'the query (quote it, or its words are joined with spaces)')
    .option('--json', 'print the hits as a JSON array')
    .option('--limit <n>', 'at most this many hits', '20')
    .addOption(new Option('--sort <order>', 'order of the hits (date: newest first, score 0; relevance: for a word in more than 10,000 articles, the best among the newest 10,000)').choices(['relevance', 'date']).default('relevance'))
    .option('--reindex', 'rebuild the full-text index from the stored articles first')
    .allowUnknownOption() // `-word` is the query's NOT: see queryFromWords
    .action(async (words: string[], options: SearchOptions, command: Command) => {
      const query = parseOrThrow(queryFromWords(words));
      const limit = parsePositiveInt(options.limit, '--limit');
      if (limit > 10_000) throw new UsageError('--limit: at most 10000');
      const hits = await withContext(command, async ({ connection }) => {
        if (options.reindex) progress(`indexed ${await reindexAll(connection.db)} articles`);
        return searchArticles(connection.db, query, { limit, sort: options.sort });
      });
      if (options.json) writeJson(hits.map(hitJson));
      else process.stdout.write(renderHits(hits));
    });
}

/** One block per hit: score, date, language, outlet, story, title; the snippet; the link. */
export function renderHits(hits: SearchHit[]): string {
  if (hits.length === 0) return 'no matches\n';
  return hits
    .map((hit) => {
      const head = [
        colour.paint('dim', hit.score.toFixed(2).padStart(6)),
        shortDate(hit.published ?? hit.fetchedAt),
        hit.language,
        colour.paint('cyan', hit.source),
        hit.storyId === null ? '' : colour.paint('dim', `story ${hit.storyId}`),
      ].filter(Boolean).join('  ');
      const snippet = paintSnippet(hit.snippet, (text) => colour.paint(['bold', 'yellow'], text));
      return `${head}\n  ${colour.paint('bold', hit.title)}\n  ${snippet}\n  ${colour.paint('dim', hit.url)}\n`;
    })
    .join('\n');
}
