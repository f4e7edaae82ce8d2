/**
 * Sending one digest exactly once: claim the (recipient, date) delivery, send, record. The ledger and
 * the mailer are passed in (the store and SMTP live at the edges), so the CLI and the daemon share this.
 */
import type { DigestMessage } from './message.ts';
import { SendError, type Mailer } from './smtp-mailer.ts';

export interface DeliveryKey {
  recipient: string;
  digestDate: string;
}

export type LedgerClaim =
  | { status: 'claimed'; attempt: number }
  | { status: 'skipped'; reason: 'sent' | 'in-progress' | 'backoff' | 'gave-up'; nextAttemptAt: Date | null };

export interface DeliveryLedger {
  claim(key: DeliveryKey): Promise<LedgerClaim>;
  sent(key: DeliveryKey, sent: { messageId: string; subject: string }): Promise<void>;
  /** Returns when the next attempt is due, or null when the delivery gave up. */
  failed(key: DeliveryKey, failure: { error: string; permanent: boolean }): Promise<Date | null>;
}

export type DeliveryOutcome =
  | { status: 'sent'; recipient: string; digestDate: string; attempt: number; messageId: string }
  | { status: 'skipped'; recipient: string; digestDate: string; reason: string; nextAttemptAt: Date | null }
  | { status: 'failed'; recipient: string; digestDate: string; attempt: number; error: string; nextAttemptAt: Date | null };

const RECORD_TRIES = 3;

export async function deliverDigest(message: DigestMessage, key: DeliveryKey, ledger: DeliveryLedger, mailer: Mailer): Promise<DeliveryOutcome> {
  const claim = await ledger.claim(key);
  if (claim.status === 'skipped') return { status: 'skipped', ...key, reason: claim.reason, nextAttemptAt: claim.nextAttemptAt };
  let messageId: string;
  try {
    messageId = (await mailer.send(message)).messageId;
  } catch (error) {
    const failure = error instanceof SendError ? error : new SendError(String(error), false, { cause: error });
    const nextAttemptAt = await ledger.failed(key, { error: failure.message, permanent: failure.permanent });
    return { status: 'failed', ...key, attempt: claim.attempt, error: failure.message, nextAttemptAt };
  }
  await recordSent(ledger, key, { messageId, subject: message.subject });
  return { status: 'sent', ...key, attempt: claim.attempt, messageId };
}

/**
 * The server has the message: recording it is now the only thing between us and a duplicate, so a
 * failing database write is retried before giving up (and leaving the lease to expire).
 */
async function recordSent(ledger: DeliveryLedger, key: DeliveryKey, sent: { messageId: string; subject: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ledger.sent(key, sent);
      return;
    } catch (error) {
      if (attempt >= RECORD_TRIES) throw new Error(`digest for ${key.recipient} sent but not recorded`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
