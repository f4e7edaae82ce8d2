/**
 * Structured logs for long-running work (the daemon): pino JSON lines to stderr, or appended to a file,
 * at the configured level. Synchronous writes, so the last lines before an exit are never lost.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LoggerOptions {
  level: LogLevel;
  /** Append to this file instead of writing to stderr. */
  file?: string;
  /** Fields on every line (e.g. the worker id). */
  base?: Record<string, unknown>;
}

export function createLogger(options: LoggerOptions): Logger {
  const destination = pino.destination({ dest: options.file ?? 2, sync: true, mkdir: Boolean(options.file), append: true });
  return pino(
    { level: options.level, base: options.base ?? {}, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

/** A logger that drops everything (library callers and tests that do not care). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
