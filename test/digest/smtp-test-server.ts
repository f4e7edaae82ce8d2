/**
 * A real SMTP server (smtp-server) on 127.0.0.1 for digest tests: records each accepted message,
 * optionally requires a login, delays acceptance, or fails with a given SMTP reply.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** Every DATA attempt, accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  auth?: { user: string; pass: string };
  /** Reply to DATA with this error instead of accepting (e.g. 451 temporary failure). */
  failData?: { code: number; message: string };
  /** Reply to RCPT TO with this error (e.g. 550 no such user). */
  failRcpt?: { code: number; message: string };
  delayMs?: number;
  /** Implicit TLS (smtps://) with this key and certificate. */
  tls?: { key: string; cert: string };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const state = { received: [] as Received[], attempts: 0 };
  const config: SMTPServerOptions = {
    secure: Boolean(options.tls),
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      callback(ok ? null : smtpError(535, 'bad credentials'), ok ? { user: auth.username } : undefined);
    },
    onRcptTo(_address, _session, callback) {
      callback(options.failRcpt ? smtpError(options.failRcpt.code, options.failRcpt.message) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.attempts++;
        if (options.failData) return callback(smtpError(options.failData.code, options.failData.message));
        const accept = () => {
          state.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        };
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  return {
    // The test certificate is self-signed: the URL tells nodemailer to accept it.
    url: options.tls ? `smtps://${credentials}127.0.0.1:${port}/?tls.rejectUnauthorized=false` : `smtp://${credentials}127.0.0.1:${port}`,
    received: state.received,
    get attempts() {
      return state.attempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
