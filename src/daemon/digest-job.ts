/**
 * The digest job: at the configured send time (and on later ticks, to catch up after a restart or retry
 * a failed delivery) send the latest digest. Exactly once is the delivery ledger's business
 * (DigestDelivery unique (recipient, date) with claims); this only decides when to ask. The sender is
 * passed in, so the daemon shares `newsdesk digest --send`'s code path without importing the CLI.
 */
import { latestDigestDate, zonedTimeToInstant } from '../digest/period.ts';
import { errorMessage } from '../domain/errors.ts';
import type { DaemonContext } from './context.ts';

/** One outcome per recipient, in the shape `sendDigests` returns. */
export interface DigestSendOutcome {
  status: 'sent' | 'skipped' | 'failed' | 'written';
  recipient: string;
  reason?: string;
}

export type DigestSender = (date: string) => Promise<DigestSendOutcome[]>;

/** A daemon started long after the send time does not send that stale digest. */
const CATCH_UP_MS = 12 * 3_600_000;

export class DigestJob {
  private readonly done = new Set<string>();
  private running: Promise<void> | undefined;

  constructor(private readonly ctx: DaemonContext, private readonly send: DigestSender | undefined) {}

  /** Sends the latest digest unless it is done, stale, or already being sent by this process. */
  async runIfDue(): Promise<void> {
    if (!this.send || this.ctx.config.digest.recipients.length === 0) return;
    this.running ??= this.attempt(this.send).finally(() => (this.running = undefined));
    await this.running;
  }

  private async attempt(send: DigestSender): Promise<void> {
    const { sendTime, timeZone } = this.ctx.config.digest;
    const now = this.ctx.now();
    const date = latestDigestDate(now, sendTime, timeZone);
    if (this.done.has(date)) return;
    if (now.getTime() - zonedTimeToInstant(date, sendTime, timeZone).getTime() > CATCH_UP_MS) return;
    try {
      const outcomes = await send(date);
      for (const outcome of outcomes) this.ctx.log.info({ digestDate: date, ...outcome }, `digest ${outcome.status}`);
      if (outcomes.every(isFinal)) this.done.add(date);
    } catch (error) {
      this.ctx.log.error({ digestDate: date, error: errorMessage(error) }, 'digest job failed');
    }
  }
}

/** Nothing more to do for this recipient today (a backoff or another worker's claim means: ask again later). */
function isFinal(outcome: DigestSendOutcome): boolean {
  if (outcome.status === 'sent' || outcome.status === 'written') return true;
  return outcome.status === 'skipped' && (outcome.reason === 'sent' || outcome.reason === 'gave-up');
}
