/**
 * The e-mail message for a rendered digest (a nodemailer message object), and the whole multipart
 * message as `.eml` bytes via nodemailer's MailComposer — the same MIME tree SMTP would carry.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { oneLine } from './escape.ts';
import type { RenderedDigest } from './types.ts';

export interface DigestMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  headers: Record<string, string>;
}

export interface MessageOptions {
  from: string;
  to: string;
  /** The digest date (YYYY-MM-DD): with the recipient it fixes the Message-ID. */
  digestDate: string;
  /** The Date header. */
  date: Date;
}

/**
 * One Message-ID per (recipient, date): if a crash between SMTP acceptance and recording forces a resend,
 * the copy carries the same id, which lets servers and clients that deduplicate by Message-ID drop it.
 */
export function digestMessageId(recipient: string, digestDate: string, from: string): string {
  const hash = createHash('sha256').update(`${recipient.toLowerCase()}\n${digestDate}`).digest('hex').slice(0, 20);
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'newsdesk.localhost';
  return `<digest.${digestDate}.${hash}@${domain}>`;
}

export function buildMessage(rendered: RenderedDigest, options: MessageOptions): DigestMessage {
  return {
    from: options.from,
    to: options.to,
    subject: oneLine(rendered.subject),
    text: rendered.text,
    html: rendered.html,
    messageId: digestMessageId(options.to, options.digestDate, options.from),
    date: options.date,
    // RFC 3834: an automatic message; keeps vacation responders from answering it.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Newsdesk-Digest': options.digestDate },
  };
}

/** The complete RFC 5322 message (multipart/alternative: text/plain and text/html). */
export function composeEml(message: DigestMessage): Promise<Buffer> {
  return new MailComposer({ ...message, textEncoding: 'quoted-printable' }).compile().build();
}
