/**
 * `newsdesk digest`: render the digest for a date (--out, or plain text to stdout) or send it (--send),
 * exactly once per (recipient, date). `sendDigests` is the code path the daemon shares.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Config } from '../../config/check.ts';
import { UsageError, errorMessage } from '../../domain/errors.ts';
import { deliverDigest, type DeliveryLedger, type DeliveryOutcome } from '../../digest/deliver.ts';
import { buildMessage, composeEml, type DigestMessage } from '../../digest/message.ts';
import { digestPeriod, isDigestDate, latestDigestDate } from '../../digest/period.ts';
import { renderDigest } from '../../digest/render.ts';
import { createSmtpMailer, type Mailer } from '../../digest/smtp-mailer.ts';
import type { Db } from '../../store/client.ts';
import { gatherDigestData, type DigestRecipient } from '../../store/digest-data.ts';
import { claimDelivery, findDelivery, recordFailure, recordSent } from '../../store/digest-deliveries.ts';
import { withContext } from '../context.ts';
import { progress, writeJson } from '../output.ts';

interface DigestOptions {
  date?: string;
  to?: string;
  out?: string;
  send?: boolean;
  json?: boolean;
}

/** The mailer's hard deadline stays well inside the lease: a live sender never loses its claim. */
export const DELIVERY = { leaseMs: 10 * 60_000, smtpTimeoutMs: 2 * 60_000, maxAttempts: 8 };

const GENERIC: DigestRecipient = { email: 'digest@localhost', languages: ['de', 'en'], watch: [], entities: [] };

export function digestRecipients(config: Config, to?: string): DigestRecipient[] {
  const configured = config.digest.recipients;
  if (!to) return configured;
  const email = to.trim();
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email)) throw new UsageError(`--to: not an e-mail address: "${to}"`);
  return [configured.find((r) => r.email.toLowerCase() === email.toLowerCase()) ?? { ...GENERIC, email }];
}

async function composeFor(db: Db, config: Config, recipient: DigestRecipient, date: string, now: Date): Promise<DigestMessage> {
  const { sendTime, timeZone, maxStories, from } = config.digest;
  const data = await gatherDigestData(db, {
    period: digestPeriod(date, sendTime, timeZone),
    recipient,
    maxStories,
    pollIntervalMinutes: config.settings.pollIntervalMinutes,
  });
  return buildMessage(renderDigest(data, { timeZone }), { from, to: recipient.email, digestDate: date, date: now });
}

function ledgerFor(db: Db, worker: string, now: () => Date): DeliveryLedger {
  const { leaseMs, maxAttempts } = DELIVERY;
  return {
    claim: (key) => claimDelivery(db, key, { worker, now: now(), leaseMs, maxAttempts }),
    sent: (key, sent) => recordSent(db, key, { ...sent, now: now() }),
    failed: (key, failure) => recordFailure(db, key, { ...failure, worker, now: now(), maxAttempts }),
  };
}

async function sendOne(
  db: Db,
  config: Config,
  job: { date: string; mailer?: Mailer; outbox: string },
  recipient: DigestRecipient,
  ledger: DeliveryLedger,
  now: Date,
): Promise<SendOutcome> {
  const key = { recipient: recipient.email, digestDate: job.date };
  if (job.mailer && (await findDelivery(db, key))?.status === 'sent') return { status: 'skipped', ...key, reason: 'sent', nextAttemptAt: null };
  const message = await composeFor(db, config, recipient, job.date, now);
  if (!job.mailer) {
    const path = join(job.outbox, job.date, `${recipient.email.replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`);
    await writeAtomically(path, await composeEml(message));
    return { status: 'written', ...key, path };
  }
  return deliverDigest(message, key, ledger, job.mailer);
}

export type SendOutcome = DeliveryOutcome | { status: 'written'; recipient: string; digestDate: string; path: string };

/**
 * Sends the digest of `date` to each recipient once. Without a mailer (no SMTP_URL) each message is
 * written to `outbox` instead and nothing is recorded, so configuring SMTP later still sends it.
 */
export async function sendDigests(
  db: Db,
  config: Config,
  job: { date: string; recipients: DigestRecipient[]; worker: string; mailer?: Mailer; outbox: string; now?: () => Date },
): Promise<SendOutcome[]> {
  const now = job.now ?? (() => new Date());
  const ledger = ledgerFor(db, job.worker, now);
  const outcomes: SendOutcome[] = [];
  for (const recipient of job.recipients) {
    const key = { recipient: recipient.email, digestDate: job.date };
    try {
      outcomes.push(await sendOne(db, config, job, recipient, ledger, now()));
    } catch (error) {
      // One recipient's broken digest must not stop the others; the ledger keeps its state for a retry.
      outcomes.push({ status: 'failed', ...key, attempt: 0, error: errorMessage(error), nextAttemptAt: null });
    }
  }
  return outcomes;
}

async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path) || '.', { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}

const OUT_KINDS = ['.html', '.eml', '.txt'];

function checkOut(path: string): void {
  if (!OUT_KINDS.includes(extname(path).toLowerCase())) throw new UsageError(`--out: the file must end in .html, .eml or .txt (got "${path}")`);
}

async function renderTo(path: string, message: DigestMessage): Promise<void> {
  const kind = extname(path).toLowerCase();
  if (kind === '.html') return writeAtomically(path, message.html);
  if (kind === '.txt') return writeAtomically(path, message.text);
  return writeAtomically(path, await composeEml(message));
}

function describe(outcome: SendOutcome): string {
  const who = `${outcome.recipient} (${outcome.digestDate})`;
  switch (outcome.status) {
    case 'sent':
      return `sent digest to ${who}, attempt ${outcome.attempt}`;
    case 'written':
      return `SMTP_URL is not set: wrote the digest for ${who} to ${outcome.path}`;
    case 'skipped':
      return `skipped ${who}: ${outcome.reason}${outcome.nextAttemptAt ? `, next attempt ${outcome.nextAttemptAt.toISOString()}` : ''}`;
    case 'failed':
      return `FAILED to send to ${who}: ${outcome.error}; ${outcome.nextAttemptAt ? `retry after ${outcome.nextAttemptAt.toISOString()}` : 'giving up'}`;
  }
}

async function run(options: DigestOptions, command: Command): Promise<void> {
  if (options.date !== undefined && !isDigestDate(options.date)) throw new UsageError(`--date: expected YYYY-MM-DD (got "${options.date}")`);
  if (options.out) checkOut(options.out);
  await withContext(command, async ({ config, connection }) => {
    const now = new Date();
    const date = options.date ?? latestDigestDate(now, config.digest.sendTime, config.digest.timeZone);
    const recipients = digestRecipients(config, options.to);
    if (options.out || !options.send) {
      const recipient = recipients[0] ?? GENERIC;
      if (recipients.length > 1) progress(`rendering for ${recipient.email}; pass --to to choose another recipient`);
      const message = await composeFor(connection.db, config, recipient, date, now);
      if (options.out) {
        await renderTo(options.out, message);
        progress(`wrote the digest for ${date} to ${options.out}: ${message.subject}`);
      } else if (options.json) writeJson({ date, to: recipient.email, subject: message.subject, text: message.text, html: message.html });
      else process.stdout.write(message.text);
    }
    if (!options.send) return;
    if (recipients.length === 0) throw new UsageError('no recipients: configure digest.recipients or pass --to ADDRESS');
    const smtpUrl = config.env.SMTP_URL;
    const mailer = smtpUrl ? createSmtpMailer(smtpUrl, { timeoutMs: DELIVERY.smtpTimeoutMs }) : undefined;
    const worker = config.env.NEWSDESK_WORKER_ID ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    try {
      const outcomes = await sendDigests(connection.db, config, { date, recipients, worker, outbox: resolve('out', 'digest'), ...(mailer ? { mailer } : {}) });
      for (const outcome of outcomes) progress(describe(outcome));
      if (options.json && !options.out) writeJson({ date, deliveries: outcomes });
      if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
    } finally {
      mailer?.close();
    }
  });
}

export function register(program: Command): void {
  program
    .command('digest')
    .description('render the daily digest for a date, or send it to the configured recipients')
    .option('--date <YYYY-MM-DD>', 'digest date (default: the latest whose send time has passed)')
    .option('--to <address>', 'only this recipient (need not be configured)')
    .option('--out <path>', 'write .html (body), .eml (whole message) or .txt (plain text) instead of stdout')
    .option('--send', 'send by SMTP (SMTP_URL), exactly once per recipient and date; without SMTP, write .eml files')
    .option('--json', 'print JSON to stdout')
    .action((options: DigestOptions, command: Command) => run(options, command));
}
