import { readFile, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { addFeedsToFile } from '../../config/edit-feeds.ts';
import { loadConfig } from '../../config/load.ts';
import { UserError } from '../../domain/errors.ts';
import { parseOpml, renderOpml } from '../../opml/opml.ts';
import { feedHealth, syncFeeds, type FeedHealth } from '../../store/feeds.ts';
import { digestFailures, type DigestFailure } from '../../store/digest-deliveries.ts';
import { withContext } from '../context.ts';
import { colour, progress, renderTable, writeJson } from '../output.ts';

function configPath(command: Command): string {
  return (command.optsWithGlobals().config as string | undefined) ?? 'feeds.json';
}

export function register(program: Command): void {
  const feeds = program
    .command('feeds')
    .description('list feeds with health (last success, failures, articles in 24 h, stale flag)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const now = new Date();
      const { rows, failures } = await withContext(
        command,
        async ({ config, connection }) => {
          await syncFeeds(connection.db, config.feeds);
          const configured = new Set(config.feeds.map((feed) => feed.name));
          return {
            rows: (await feedHealth(connection.db, now, config.settings.pollIntervalMinutes)).filter((feed) =>
              configured.has(feed.name),
            ),
            failures: await digestFailures(connection.db, new Date(now.getTime() - 7 * 86_400_000), now),
          };
        },
        { requireConfig: true },
      );
      if (options.json) writeJson(rows.map(healthJson));
      else process.stdout.write(healthTable(rows, now) + digestSection(failures));
    });

  feeds
    .command('add')
    .description('add a feed to the configuration file')
    .argument('<url>', 'feed URL')
    .option('--name <name>', 'display name (default: the host name)')
    .addOption(new Option('--lang <language>', 'declared language').choices(['de', 'en']))
    .option('--tag <tag...>', 'tags')
    .action(async (url: string, options: { name?: string; lang?: 'de' | 'en'; tag?: string[] }, command: Command) => {
      const path = configPath(command);
      const config = await loadConfig(path);
      const name = options.name ?? hostName(url);
      const result = await addFeedsToFile(
        path,
        [{ name, url, ...(options.lang ? { language: options.lang } : {}), tags: options.tag ?? [] }],
        config.env,
      );
      if (result.skipped.length) throw new UserError(`a feed with this name or URL is already configured: ${name}`);
      progress(`added "${name}" to ${path}`);
    });

  feeds
    .command('import-opml')
    .description('add every feed of an OPML file to the configuration file')
    .argument('<file>', 'OPML file')
    .action(async (file: string, _options: unknown, command: Command) => {
      const path = configPath(command);
      const config = await loadConfig(path);
      const parsed = parseOpml(await readFile(file, 'utf8').catch(() => {
        throw new UserError(`cannot read ${file}`);
      }));
      if (parsed.status === 'failed') throw new UserError(`${file}: ${parsed.error}`);
      const result = await addFeedsToFile(path, parsed.feeds, config.env);
      progress(`added ${result.added.length} feeds to ${path}; ${result.skipped.length} already there`);
    });

  feeds
    .command('export-opml')
    .description('write the configured feeds as OPML')
    .option('--out <path>', 'file to write (default: stdout)')
    .action(async (options: { out?: string }, command: Command) => {
      const config = await loadConfig(configPath(command));
      const opml = renderOpml(config.feeds, new Date());
      if (options.out) await writeFile(options.out, opml);
      else process.stdout.write(opml);
    });
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function healthJson(feed: FeedHealth) {
  return {
    name: feed.name, url: feed.url, language: feed.language, tags: feed.tags, enabled: feed.enabled,
    lastFetchAt: feed.lastFetchAt, lastSuccessAt: feed.lastSuccessAt, lastStatus: feed.lastStatus,
    lastError: feed.lastError, consecutiveFailures: feed.consecutiveFailures, nextDueAt: feed.nextDueAt,
    articlesLast24h: feed.articlesLast24h, stale: feed.stale,
  };
}

function ago(date: Date | null, now: Date): string {
  if (!date) return 'never';
  const minutes = Math.round((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}

function healthTable(rows: FeedHealth[], now: Date): string {
  return renderTable(
    ['feed', 'lang', 'last success', 'failures', '24h', 'state', 'last error'],
    rows.map((feed) => [
      feed.name,
      feed.language ?? '',
      ago(feed.lastSuccessAt, now),
      String(feed.consecutiveFailures),
      String(feed.articlesLast24h),
      feed.stale ? colour.paint('yellow', 'stale') : feed.lastStatus === 'failed' ? colour.paint('red', 'failing') : 'ok',
      (feed.lastError ?? '').slice(0, 60),
    ]),
  );
}

/** Failed digest deliveries of the last week: a newsroom notices a silent mail server here. */
function digestSection(failures: DigestFailure[]): string {
  if (failures.length === 0) return '';
  const lines = failures.map(
    (f) => `  ${f.digestDate} ${f.recipient}: ${f.state}, ${f.attempts} attempts — ${f.lastError ?? 'unknown error'}`,
  );
  return `\n${colour.paint('red', 'Digest deliveries failing:')}\n${lines.join('\n')}\n`;
}
