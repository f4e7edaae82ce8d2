import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Config } from '../../config/check.ts';
import type { DigestSender } from '../../daemon/digest-job.ts';
import { DAEMON_DEFAULTS, runDaemon } from '../../daemon/run-daemon.ts';
import { UsageError } from '../../domain/errors.ts';
import { createSmtpMailer } from '../../digest/smtp-mailer.ts';
import { createLogger } from '../../log/logger.ts';
import type { Db } from '../../store/client.ts';
import { withContext } from '../context.ts';
import { DELIVERY, sendDigests } from './digest.ts';

const Options = z.object({
  cycles: z.coerce.number().int().min(1).optional(),
  untilIdle: z.boolean().optional(),
  tick: z.coerce.number().int().min(1).max(3600).default(DAEMON_DEFAULTS.tickSeconds),
  leaseSeconds: z.coerce.number().int().min(1).max(86_400).default(DAEMON_DEFAULTS.leaseMs / 1000),
  graceSeconds: z.coerce.number().min(0).max(3600).default(DAEMON_DEFAULTS.graceMs / 1000),
});

export function register(program: Command): void {
  program
    .command('daemon')
    .description('run the scheduled jobs (poll feeds, assign stories, send the digest, prune logs) until stopped')
    .option('--cycles <n>', 'stop after this many poll cycles')
    .option('--until-idle', 'stop after a cycle that leaves no feed due and no article waiting for a story')
    .option('--tick <seconds>', 'seconds between poll cycles', String(DAEMON_DEFAULTS.tickSeconds))
    .option('--lease-seconds <n>', 'lease on claimed work: how long a crashed worker\'s work waits', String(DAEMON_DEFAULTS.leaseMs / 1000))
    .option('--grace-seconds <n>', 'on SIGTERM/SIGINT, how long in-flight fetches may still run', String(DAEMON_DEFAULTS.graceMs / 1000))
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      const options = parsed.data;
      const stop = new AbortController();
      const onSignal = (name: NodeJS.Signals) => {
        // A second signal leaves at once: every write is a transaction, so the database stays consistent.
        if (stop.signal.aborted) process.exit(130);
        stop.abort(new Error(name));
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        await withContext(command, async ({ config, connection }) => {
          const worker = config.env.NEWSDESK_WORKER_ID ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
          const log = createLogger({
            level: config.env.NEWSDESK_LOG_LEVEL,
            ...(config.env.NEWSDESK_LOG_FILE ? { file: config.env.NEWSDESK_LOG_FILE } : {}),
            base: { worker },
          });
          const result = await runDaemon({
            db: connection.db, provider: connection.target.provider, config, worker, host: hostname(), pid: process.pid, log,
            leaseMs: options.leaseSeconds * 1000, tickSeconds: options.tick, graceMs: options.graceSeconds * 1000,
            ...(options.cycles !== undefined ? { cycles: options.cycles } : {}),
            ...(options.untilIdle ? { untilIdle: true } : {}),
            sendDigest: digestSender(connection.db, config, worker),
            signal: stop.signal,
          });
          if (result.reason === 'lost-instance-lease') process.exitCode = 1;
        }, { requireConfig: true });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/** `newsdesk digest --send`'s code path: SMTP when SMTP_URL is set, else .eml files in out/digest. */
function digestSender(db: Db, config: Config, worker: string): DigestSender {
  return async (date) => {
    const smtpUrl = config.env.SMTP_URL;
    const mailer = smtpUrl ? createSmtpMailer(smtpUrl, { timeoutMs: DELIVERY.smtpTimeoutMs }) : undefined;
    try {
      return await sendDigests(db, config, {
        date, recipients: config.digest.recipients, worker, outbox: resolve('out', 'digest'), ...(mailer ? { mailer } : {}),
      });
    } finally {
      mailer?.close();
    }
  };
}
