import type { Command } from 'commander';
import type { FeedReport, FetchRunReport } from '../../pipeline/fetch-feeds.ts';
import { runFetch } from '../../pipeline/run-fetch.ts';
import { withContext } from '../context.ts';
import { abortOnSignals } from '../interrupt.ts';
import { colour, progress, renderTable, writeJson } from '../output.ts';

export function register(program: Command): void {
  program
    .command('fetch')
    .description('one pass over the due feeds: fetch, extract, analyse, deduplicate, cluster')
    .option('--feed <name>', 'only this feed (due or not)')
    .option('--all', 'every configured feed, due or not')
    .option('--json', 'print the run summary as one JSON object')
    .action(async (options: { feed?: string; all?: boolean; json?: boolean }, command: Command) => {
      const interrupt = abortOnSignals();
      try {
        const report = await withContext(
          command,
          ({ config, connection }) =>
            runFetch(connection.db, config, {
              ...(options.feed ? { feedName: options.feed } : {}),
              all: Boolean(options.all),
              signal: interrupt.signal,
              onFeedDone: (feed) => progress(progressLine(feed)),
            }),
          { requireConfig: true },
        );
        if (options.json) writeJson(toJson(report));
        else process.stdout.write(summary(report));
        if (report.failedFeeds > 0 || report.aborted) process.exitCode = 1;
      } finally {
        interrupt.dispose();
      }
    });
}

function progressLine(feed: FeedReport): string {
  const what = feed.status === 'failed' ? `failed: ${feed.error}` : feed.status === 'ok' ? `${feed.newArticles} new` : 'not modified';
  return `  ${feed.name}: ${what}`;
}

function toJson(report: FetchRunReport) {
  return {
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    feeds: report.feeds.map((feed) => ({
      name: feed.name, url: feed.url, status: feed.status, newArticles: feed.newArticles, error: feed.error,
      updatedArticles: feed.updatedArticles, items: feed.items, invalidItems: feed.invalidItems,
      httpStatus: feed.httpStatus, durationMs: Math.round(feed.durationMs),
    })),
    newArticles: report.newArticles,
    failedFeeds: report.failedFeeds,
    storiesTouched: report.storiesTouched,
    aborted: report.aborted,
  };
}

function summary(report: FetchRunReport): string {
  if (report.feeds.length === 0) return 'no feed is due (use --all to fetch anyway)\n';
  const rows = report.feeds.map((feed) => [
    feed.name,
    feed.status === 'failed' ? colour.paint('red', 'failed') : feed.status === 'ok' ? colour.paint('green', 'ok') : 'not modified',
    String(feed.newArticles),
    feed.error ?? '',
  ]);
  const seconds = ((report.finishedAt.getTime() - report.startedAt.getTime()) / 1000).toFixed(1);
  return (
    renderTable(['feed', 'status', 'new', 'reason'], rows) +
    `\n${report.newArticles} new articles from ${report.feeds.length} feeds in ${seconds} s; ` +
    `${report.failedFeeds} failed; ${report.storiesTouched} stories touched` +
    (report.aborted ? ' (interrupted)' : '') + '\n'
  );
}
