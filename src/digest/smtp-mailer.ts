/**
 * The e-mail edge: nodemailer over the SMTP server named by SMTP_URL (smtp:// or smtps://, user and
 * password in the URL, TLS options as URL parameters, all parsed by nodemailer). Every send has a hard
 * deadline shorter than the delivery lease, so a slow server cannot make two workers send at once.
 */
import { createTransport } from 'nodemailer';
import type { DigestMessage } from './message.ts';

export interface SentInfo {
  messageId: string;
  response: string;
}

export interface Mailer {
  send(message: DigestMessage): Promise<SentInfo>;
  close(): void;
}

/** A failed send, classified: a permanent failure (5xx for the recipient) is not retried. */
export class SendError extends Error {
  override name = 'SendError';
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SmtpOptions {
  /** Hard deadline for one message, connection included. */
  timeoutMs: number;
}

export function createSmtpMailer(url: string, options: SmtpOptions): Mailer {
  const step = Math.max(1000, Math.floor(options.timeoutMs / 3));
  const transport = createTransport({ url, connectionTimeout: step, greetingTimeout: step, socketTimeout: step });
  return {
    async send(message) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          transport.close();
          reject(new SendError(`SMTP send timed out after ${options.timeoutMs} ms`, false));
        }, options.timeoutMs);
      });
      try {
        const info = await Promise.race([transport.sendMail(message), deadline]);
        return { messageId: String(info.messageId ?? message.messageId), response: String(info.response ?? '') };
      } catch (error) {
        throw classify(error);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}

function classify(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const smtp = error as { message?: string; code?: string; responseCode?: number; permanent?: boolean };
  // Only a rejected recipient is final; a 5xx for authentication is a setup error worth retrying once fixed.
  const permanent = smtp.code === 'EENVELOPE' && typeof smtp.responseCode === 'number' && smtp.responseCode >= 500;
  return new SendError(smtp.message ?? String(error), permanent, { cause: error });
}
