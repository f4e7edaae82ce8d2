/**
 * The error vocabulary. Expected failures travel as values (`Failure`); these classes are for
 * the few places where a failure must cross a boundary as an exception, and for usage errors
 * that the CLI turns into exit code 2.
 */

/** An expected, user-facing failure: one clear line, no stack trace. Exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number = 1;
}

/** Bad usage or configuration: exit code 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
  override readonly exitCode = 2;
}

/** An expected failure as a value, with a readable reason. */
export interface Failure {
  status: 'failed';
  error: string;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
