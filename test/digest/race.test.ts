/**
 * Exactly once under concurrency (issue 7): three senders race for the same (recipient, date) deliveries
 * on one database and one mail goes out. Three CLI processes on every provider; on PostgreSQL also three
 * connections in this process (better-sqlite3 is synchronous, so several SQLite connections in one process
 * block each other's commits while waiting for the lock: SQLite workers are processes, as in production).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { sendDigests } from '../../src/cli/commands/digest.ts';
import { checkConfig, type Config } from '../../src/config/check.ts';
import { createSmtpMailer } from '../../src/digest/smtp-mailer.ts';
import { connect, type Connection } from '../../src/store/client.ts';
import { createTestDatabase, providers, type TestDatabase } from '../helpers/db.ts';
import { loadSample, seedSample } from './seed.ts';
import { startTestSmtp, type TestSmtp } from './smtp-test-server.ts';

const run = promisify(execFile);
const sample = loadSample();
const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];

function testConfig(): Config {
  const checked = checkConfig({ feeds: [], digest: { recipients: [sample.recipient] } }, { DATABASE_URL: 'file:unused', NEWSDESK_LOG_LEVEL: 'info' });
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setUp(provider: 'sqlite' | 'postgresql'): Promise<{ database: TestDatabase; smtp: TestSmtp }> {
  const database = await createTestDatabase(provider);
  cleanup.push(() => database.drop());
  await seedSample(database.db, sample);
  // A slow server keeps the winner mid-send while the others try to claim.
  const smtp = await startTestSmtp({ delayMs: 200 });
  cleanup.push(() => smtp.close());
  return { database, smtp };
}

describe.each(providers.filter((p) => p === 'postgresql'))('three connections racing for the digest on %s', (provider) => {
  it('sends each (recipient, date) exactly once', async () => {
    const { database, smtp } = await setUp(provider);
    const workers: Connection[] = [database];
    for (let i = 1; i < 3; i++) {
      const connection = await connect(database.url);
      cleanup.push(() => connection.close());
      workers.push(connection);
    }
    const outcomes = await Promise.all(
      workers.flatMap((worker, i) =>
        dates.map(async (date) => {
          const mailer = createSmtpMailer(smtp.url, { timeoutMs: 10_000 });
          try {
            const now = () => new Date(Date.parse(`${date}T06:30:00Z`));
            return (await sendDigests(worker.db, testConfig(), { date, recipients: [sample.recipient], worker: `w${i}`, mailer, outbox: 'unused', now }))[0]!;
          } finally {
            mailer.close();
          }
        }),
      ),
    );
    expect(smtp.received).toHaveLength(dates.length);
    const subjects = smtp.received.map((m) => /^Subject: (.*)$/m.exec(m.raw.toString())?.[1] ?? '');
    for (const date of dates) expect(subjects.filter((s) => s.includes(date))).toHaveLength(1);
    for (const date of dates) {
      const forDate = outcomes.filter((o) => o.digestDate === date);
      expect(forDate.filter((o) => o.status === 'sent')).toHaveLength(1);
      expect(forDate.filter((o) => o.status === 'skipped')).toHaveLength(2);
    }
    const rows = await database.db.digestDelivery.findMany();
    expect(rows).toHaveLength(dates.length);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});

describe.each(providers)('three CLI processes racing on %s', (provider) => {
  it('send one mail; the others report it as taken', async () => {
    const { database, smtp } = await setUp(provider);
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-digest-cli-'));
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ feeds: [], digest: { recipients: [sample.recipient] } }));
    const bin = resolve('bin/newsdesk');
    const env = { ...process.env, DATABASE_URL: database.url, SMTP_URL: smtp.url };
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        run(bin, ['--config', configPath, 'digest', '--send', '--date', '2026-11-23', '--json'], {
          cwd: dir,
          env: { ...env, NEWSDESK_WORKER_ID: `cli-${i}` },
        }),
      ),
    );
    expect(smtp.received).toHaveLength(1);
    const statuses = results.map((r) => (JSON.parse(r.stdout) as { deliveries: { status: string }[] }).deliveries[0]!.status).sort();
    expect(statuses).toEqual(['sent', 'skipped', 'skipped']);
    expect(results.map((r) => r.stderr).join('')).toMatch(/sent digest to researcher@example\.org \(2026-11-23\)/);
  }, 60_000);
});
