import type { Command } from 'commander';
import { gatherStatus, type DaemonStatus } from '../../daemon/status.ts';
import { withContext } from '../context.ts';
import { colour, renderTable, writeJson } from '../output.ts';

export function register(program: Command): void {
  program
    .command('status')
    .description('daemon workers and their last cycle, queue depth, failing feeds, next digest')
    .option('--json', 'print the status as one JSON object')
    .action(async (options: { json?: boolean }, command: Command) => {
      const status = await withContext(command, ({ config, connection }) => gatherStatus(connection.db, config, new Date()));
      if (options.json) writeJson(status);
      else process.stdout.write(render(status));
    });
}

function ago(now: Date, then: Date | null): string {
  if (!then) return '-';
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

function render(status: DaemonStatus): string {
  const { now } = status;
  const lines: string[] = [];
  const live = status.workers.filter((w) => w.alive || !w.stoppedAt);
  lines.push(`workers alive: ${status.workersAlive}`);
  if (live.length > 0) {
    lines.push(renderTable(['worker', 'host', 'pid', 'state', 'heartbeat', 'last cycle'], live.map((w) => [
      w.id, w.host, String(w.pid), w.alive ? colour.paint('green', 'alive') : colour.paint('red', 'silent'),
      ago(now, w.heartbeatAt), ago(now, w.lastCycleAt),
    ])).trimEnd());
  }
  lines.push(status.lastCycle ? `last cycle: ${ago(now, status.lastCycle.at)} by ${status.lastCycle.worker}` : 'last cycle: never (is `newsdesk daemon` running?)');
  const q = status.queue;
  lines.push(`queue: ${q.dueFeeds} feeds due (${q.leasedFeeds} being fetched), ${q.articlesPending} articles waiting for a story`);
  if (status.failingFeeds.length === 0) lines.push('failing feeds: none');
  else {
    lines.push(`failing feeds: ${status.failingFeeds.length}`);
    lines.push(renderTable(['feed', 'failures', 'next try', 'error'], status.failingFeeds.map((f) => [
      f.name, String(f.consecutiveFailures), f.nextDueAt?.toISOString() ?? '-', f.lastError ?? '',
    ])).trimEnd());
  }
  const digest = status.nextDigest;
  lines.push(digest ? `next digest: ${digest.at.toISOString()} (${digest.timeZone}), ${digest.recipients} recipients` : 'next digest: -');
  for (const f of status.digestFailures) {
    lines.push(colour.paint('red', `digest ${f.digestDate} to ${f.recipient}: ${f.state} after ${f.attempts} attempts: ${f.lastError ?? 'unknown error'}`));
  }
  return `${lines.join('\n')}\n`;
}
