/**
 * The digest delivery ledger: one row per (recipient, digest date), claimed with a lease before sending so
 * that any number of processes racing for it send at most one copy. The claim is a single conditional
 * UPDATE (compare-and-set), atomic on SQLite and on PostgreSQL (which re-checks the WHERE clause on the
 * row it locked), so no interactive transaction is held across the SMTP conversation.
 * See docs/decisions/0080-digest-exactly-once.md for the window between SMTP acceptance and 'sent'.
 */
import type { Db } from './client.ts';

export interface DeliveryKey {
  recipient: string;
  digestDate: string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export type Claim =
  | { status: 'claimed'; attempt: number }
  | { status: 'skipped'; reason: 'sent' | 'in-progress' | 'backoff' | 'gave-up'; nextAttemptAt: Date | null };

export interface ClaimOptions {
  worker: string;
  now: Date;
  /** How long the claim holds; longer than the mailer's own hard timeout, so a live sender never loses it. */
  leaseMs: number;
  maxAttempts: number;
}

const BASE_RETRY_MS = 60_000;
const MAX_RETRY_MS = 3600_000;

/** Exponential backoff after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

function where(key: DeliveryKey) {
  return { recipient_digestDate: { recipient: key.recipient.toLowerCase(), digestDate: key.digestDate } };
}

async function ensureRow(db: Db, key: DeliveryKey): Promise<void> {
  const existing = await db.digestDelivery.findUnique({ where: where(key), select: { id: true } });
  if (existing) return;
  try {
    await db.digestDelivery.create({ data: { recipient: key.recipient.toLowerCase(), digestDate: key.digestDate, status: 'pending' } });
  } catch (error) {
    // Another worker inserted it first: the unique key did its job.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
}

/** Takes the delivery if nobody holds it, it is not sent, and a retry (if any) is due. */
export async function claimDelivery(db: Db, key: DeliveryKey, options: ClaimOptions): Promise<Claim> {
  await ensureRow(db, key);
  const { now } = options;
  const { count } = await db.digestDelivery.updateMany({
    where: {
      ...where(key).recipient_digestDate,
      attempts: { lt: options.maxAttempts },
      OR: [
        { status: 'pending' },
        { status: 'failed', nextAttemptAt: { lte: now } },
        { status: 'sending', claimedUntil: { lt: now } },
      ],
    },
    data: {
      status: 'sending',
      claimedBy: options.worker,
      claimedUntil: new Date(now.getTime() + options.leaseMs),
      attempts: { increment: 1 },
    },
  });
  const row = await db.digestDelivery.findUniqueOrThrow({ where: where(key) });
  if (count === 1) return { status: 'claimed', attempt: row.attempts };
  return { status: 'skipped', reason: skipReason(row, options), nextAttemptAt: row.nextAttemptAt };
}

function skipReason(
  row: { status: string; attempts: number; nextAttemptAt: Date | null },
  options: ClaimOptions,
): 'sent' | 'in-progress' | 'backoff' | 'gave-up' {
  if (row.status === 'sent') return 'sent';
  if (row.attempts >= options.maxAttempts || (row.status === 'failed' && !row.nextAttemptAt)) return 'gave-up';
  if (row.status === 'sending') return 'in-progress';
  return 'backoff';
}

/** Recorded right after the SMTP server accepted the message. Unconditional: once accepted, it is sent. */
export async function recordSent(
  db: Db,
  key: DeliveryKey,
  sent: { messageId: string; subject: string; now: Date },
): Promise<void> {
  await db.digestDelivery.update({
    where: where(key),
    data: {
      status: 'sent',
      sentAt: sent.now,
      messageId: sent.messageId,
      subject: sent.subject,
      lastError: null,
      claimedBy: null,
      claimedUntil: null,
      nextAttemptAt: null,
    },
  });
}

/**
 * Records a failed attempt by the worker holding the claim (a worker whose lease ran out must not
 * overwrite the outcome of the one that took over). A permanent failure, or the last allowed attempt,
 * leaves no next attempt: the delivery has given up, and `digestFailures` keeps showing it.
 */
export async function recordFailure(
  db: Db,
  key: DeliveryKey,
  failure: { worker: string; error: string; permanent: boolean; now: Date; maxAttempts: number },
): Promise<Date | null> {
  const row = await db.digestDelivery.findUniqueOrThrow({ where: where(key), select: { attempts: true } });
  const retry = !failure.permanent && row.attempts < failure.maxAttempts;
  const nextAttemptAt = retry ? new Date(failure.now.getTime() + retryDelayMs(row.attempts)) : null;
  await db.digestDelivery.updateMany({
    where: { ...where(key).recipient_digestDate, status: 'sending', claimedBy: failure.worker },
    data: { status: 'failed', lastError: failure.error.slice(0, 1000), nextAttemptAt, claimedBy: null, claimedUntil: null },
  });
  return nextAttemptAt;
}

export interface DeliveryRow {
  recipient: string;
  digestDate: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  subject: string | null;
  claimedBy: string | null;
  claimedUntil: Date | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  updatedAt: Date;
}

export async function findDelivery(db: Db, key: DeliveryKey): Promise<DeliveryRow | null> {
  const row = await db.digestDelivery.findUnique({ where: where(key) });
  return row ? { ...row, status: row.status as DeliveryStatus } : null;
}

export interface DigestFailure extends DeliveryKey {
  attempts: number;
  lastError: string | null;
  /** failed: will be retried at nextAttemptAt; gave-up: no more attempts; interrupted: a sender died mid-send. */
  state: 'failed' | 'gave-up' | 'interrupted';
  nextAttemptAt: Date | null;
  updatedAt: Date;
}

/** Deliveries that failed (or whose sender died) since `since`, newest first: for `feeds` and `status`. */
export async function digestFailures(db: Db, since: Date, now: Date = new Date()): Promise<DigestFailure[]> {
  const rows = await db.digestDelivery.findMany({
    where: {
      updatedAt: { gte: since },
      OR: [{ status: 'failed' }, { status: 'sending', claimedUntil: { lt: now } }],
    },
    orderBy: { updatedAt: 'desc' },
  });
  return rows.map((row) => ({
    recipient: row.recipient,
    digestDate: row.digestDate,
    attempts: row.attempts,
    lastError: row.status === 'sending' ? 'sender stopped before recording the outcome' : row.lastError,
    state: row.status === 'sending' ? 'interrupted' : row.nextAttemptAt ? 'failed' : 'gave-up',
    nextAttemptAt: row.nextAttemptAt,
    updatedAt: row.updatedAt,
  }));
}
