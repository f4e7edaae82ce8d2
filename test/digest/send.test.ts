import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELIVERY, sendDigests } from '../../src/cli/commands/digest.ts';
import { checkConfig, type Config } from '../../src/config/check.ts';
import { deliverDigest, type DeliveryLedger } from '../../src/digest/deliver.ts';
import { buildMessage } from '../../src/digest/message.ts';
import { digestPeriod } from '../../src/digest/period.ts';
import { renderDigest } from '../../src/digest/render.ts';
import { createSmtpMailer } from '../../src/digest/smtp-mailer.ts';
import { gatherDigestData } from '../../src/store/digest-data.ts';
import { claimDelivery, digestFailures, findDelivery, recordFailure, recordSent } from '../../src/store/digest-deliveries.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { loadSample, seedSample, type Sample } from './seed.ts';
import { startTestSmtp, type TestSmtp } from './smtp-test-server.ts';

const sample: Sample = loadSample();
const afterSendTime = new Date('2026-11-23T06:30:00Z');

function testConfig(): Config {
  const checked = checkConfig(
    { feeds: [], digest: { from: 'newsdesk <digest@newsdesk.example>', recipients: [sample.recipient] } },
    { DATABASE_URL: 'file:unused', NEWSDESK_LOG_LEVEL: 'info' },
  );
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

let database: TestDatabase;
let smtp: TestSmtp | undefined;

beforeEach(async () => {
  database = await createTestDatabase('sqlite');
  await seedSample(database.db, sample);
});

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  await database.drop();
});

async function send(url: string, worker = 'w1', now = afterSendTime) {
  const mailer = createSmtpMailer(url, { timeoutMs: 10_000 });
  try {
    return await sendDigests(database.db, testConfig(), {
      date: sample.date,
      recipients: [sample.recipient],
      worker,
      mailer,
      outbox: 'unused',
      now: () => now,
    });
  } finally {
    mailer.close();
  }
}

describe('sending the digest over SMTP', () => {
  it('delivers one multipart message with the stories, escaped, and a second run sends nothing', async () => {
    smtp = await startTestSmtp({ auth: { user: 'digest', pass: 's3cret!' } });
    const [outcome] = await send(smtp.url);
    expect(outcome).toMatchObject({ status: 'sent', attempt: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['researcher@example.org']);

    const mail = await simpleParser(smtp.received[0]!.raw);
    expect((mail.to as AddressObject).value[0]!.address).toBe('researcher@example.org');
    expect(mail.from!.value[0]!.address).toBe('digest@newsdesk.example');
    expect(mail.subject).toContain('2026-11-23');
    expect(mail.subject).toContain('Chipmaker reports record quarter');
    expect(mail.messageId).toMatch(/^<digest\.2026-11-23\.[0-9a-f]+@newsdesk\.example>$/);
    const html = String(mail.html);
    const text = mail.text ?? '';
    for (const headline of ['EU delays rules for general-purpose AI models by a year', 'Mobilfunkstörung bei der Telekom in Süddeutschland', 'EU-Kommission verschiebt Regeln für KI-Basismodelle um ein Jahr']) {
      expect(text).toContain(headline);
      expect(html).toContain(headline);
    }
    expect(text).not.toContain('Old story from last week');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;digest&#39;)&lt;/script&gt; Chipmaker');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain("<script>alert('digest')</script> Chipmaker reports record quarter");

    const again = await send(smtp.url, 'w2');
    expect(again[0]).toMatchObject({ status: 'skipped', reason: 'sent' });
    expect(smtp.attempts).toBe(1);
    expect(await findDelivery(database.db, { recipient: sample.recipient.email, digestDate: sample.date })).toMatchObject({
      status: 'sent',
      attempts: 1,
      subject: mail.subject,
    });
  });

  it('records a temporary failure, backs off, and retries later', async () => {
    smtp = await startTestSmtp({ failData: { code: 451, message: 'try again later' } });
    const [failed] = await send(smtp.url);
    expect(failed).toMatchObject({ status: 'failed', attempt: 1 });
    expect(failed!.status === 'failed' && failed!.error).toContain('try again later');
    const failures = await digestFailures(database.db, new Date('2026-11-23T00:00:00Z'), afterSendTime);
    expect(failures).toEqual([
      expect.objectContaining({ recipient: 'researcher@example.org', digestDate: '2026-11-23', state: 'failed', attempts: 1 }),
    ]);
    expect(failures[0]!.nextAttemptAt).toEqual(new Date(afterSendTime.getTime() + 60_000));

    const tooSoon = await send(smtp.url, 'w1', new Date(afterSendTime.getTime() + 30_000));
    expect(tooSoon[0]).toMatchObject({ status: 'skipped', reason: 'backoff' });
    expect(smtp.attempts).toBe(1);

    const secondFailure = await send(smtp.url, 'w1', new Date(afterSendTime.getTime() + 61_000));
    expect(secondFailure[0]).toMatchObject({ status: 'failed', attempt: 2 });
    expect((await findDelivery(database.db, { recipient: sample.recipient.email, digestDate: sample.date }))!.nextAttemptAt)
      .toEqual(new Date(afterSendTime.getTime() + 61_000 + 120_000));

    await smtp.close();
    smtp = await startTestSmtp();
    const retried = await send(smtp.url, 'w1', new Date(afterSendTime.getTime() + 300_000));
    expect(retried[0]).toMatchObject({ status: 'sent', attempt: 3 });
    expect(smtp.received).toHaveLength(1);
    expect(await digestFailures(database.db, new Date('2026-11-23T00:00:00Z'), afterSendTime)).toEqual([]);
  });

  it('gives up at once when the server rejects the recipient', async () => {
    smtp = await startTestSmtp({ failRcpt: { code: 550, message: 'no such user' } });
    const [outcome] = await send(smtp.url);
    expect(outcome).toMatchObject({ status: 'failed', nextAttemptAt: null });
    const later = await send(smtp.url, 'w1', new Date(afterSendTime.getTime() + 86_400_000));
    expect(later[0]).toMatchObject({ status: 'skipped', reason: 'gave-up' });
    const [failure] = await digestFailures(database.db, new Date(0), afterSendTime);
    expect(failure).toMatchObject({ state: 'gave-up', attempts: 1 });
    expect(failure!.lastError).toContain('no such user');
  });

  it('leaves a live claim alone and takes over one whose sender died', async () => {
    smtp = await startTestSmtp();
    const key = { recipient: sample.recipient.email, digestDate: sample.date };
    await database.db.digestDelivery.create({
      data: { ...key, status: 'sending', attempts: 1, claimedBy: 'dead-worker', claimedUntil: new Date(afterSendTime.getTime() + 60_000) },
    });
    expect((await send(smtp.url))[0]).toMatchObject({ status: 'skipped', reason: 'in-progress' });
    expect(await digestFailures(database.db, new Date(0), afterSendTime)).toEqual([]);
    const [interrupted] = await digestFailures(database.db, new Date(0), new Date(afterSendTime.getTime() + 120_000));
    expect(interrupted).toMatchObject({ state: 'interrupted' });

    const takeover = await send(smtp.url, 'w2', new Date(afterSendTime.getTime() + 120_000));
    expect(takeover[0]).toMatchObject({ status: 'sent', attempt: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails cleanly on wrong SMTP credentials and keeps the delivery retryable', async () => {
    smtp = await startTestSmtp({ auth: { user: 'digest', pass: 'right' } });
    const wrong = smtp.url.replace('digest:right@', 'digest:wrong@');
    const [outcome] = await send(wrong);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome!.status === 'failed' && outcome!.nextAttemptAt).toBeInstanceOf(Date);
    expect(smtp.received).toHaveLength(0);
  });
});

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-smtp-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

describe('SMTP transport options', () => {
  it('sends over implicit TLS (smtps://) with a login', async () => {
    smtp = await startTestSmtp({ tls: selfSignedCertificate(), auth: { user: 'digest', pass: 'tls-pass' } });
    expect(smtp.url).toMatch(/^smtps:/);
    const [outcome] = await send(smtp.url);
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('a crash between SMTP acceptance and recording', () => {
  it('resends after the lease expires, with the same Message-ID (the documented trade-off)', async () => {
    smtp = await startTestSmtp();
    const key = { recipient: sample.recipient.email, digestDate: sample.date };
    const data = await gatherDigestData(database.db, {
      period: digestPeriod(sample.date, '07:00', 'Europe/Berlin'),
      recipient: sample.recipient,
      maxStories: 12,
      pollIntervalMinutes: 15,
    });
    const message = buildMessage(renderDigest(data, { timeZone: 'Europe/Berlin' }), { from: 'digest@newsdesk.example', to: key.recipient, digestDate: key.digestDate, date: afterSendTime });
    const ledger = (worker: string, now: Date, recordWorks: boolean): DeliveryLedger => ({
      claim: (k) => claimDelivery(database.db, k, { worker, now, leaseMs: DELIVERY.leaseMs, maxAttempts: DELIVERY.maxAttempts }),
      sent: (k, sent) => (recordWorks ? recordSent(database.db, k, { ...sent, now }) : Promise.reject(new Error('database gone'))),
      failed: (k, failure) => recordFailure(database.db, k, { ...failure, worker, now, maxAttempts: DELIVERY.maxAttempts }),
    });
    const mailer = createSmtpMailer(smtp.url, { timeoutMs: 10_000 });
    try {
      await expect(deliverDigest(message, key, ledger('w1', afterSendTime, false), mailer)).rejects.toThrow(/sent but not recorded/);
      expect(await findDelivery(database.db, key)).toMatchObject({ status: 'sending', claimedBy: 'w1' });
      const stillLeased = new Date(afterSendTime.getTime() + DELIVERY.leaseMs - 1000);
      expect(await deliverDigest(message, key, ledger('w2', stillLeased, true), mailer)).toMatchObject({ status: 'skipped', reason: 'in-progress' });
      const expired = new Date(afterSendTime.getTime() + DELIVERY.leaseMs + 1000);
      expect(await deliverDigest(message, key, ledger('w2', expired, true), mailer)).toMatchObject({ status: 'sent', attempt: 2 });
    } finally {
      mailer.close();
    }
    expect(smtp.received).toHaveLength(2);
    const ids = await Promise.all(smtp.received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids[0]).toBe(message.messageId);
    expect(ids[1]).toBe(ids[0]);
  });
});
