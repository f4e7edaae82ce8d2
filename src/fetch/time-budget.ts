/**
 * The total-timeout budget of one get(), merged with the caller's abort signal: one signal that
 * aborts with a FetchError saying which of the two happened.
 */
import { performance } from 'node:perf_hooks';
import { FetchError } from './fetch-error.ts';

export type Budget = ReturnType<typeof createBudget>;

export function createBudget(totalTimeoutMs: number, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let startedAt: number | undefined;
  const onCallerAbort = (): void => controller.abort(new FetchError('aborted', 'aborted'));
  if (callerSignal?.aborted === true) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    /** The budget runs from the first request on, not while waiting for a per-host slot. */
    start(): void {
      startedAt ??= performance.now();
      timer ??= setTimeout(() => {
        controller.abort(new FetchError('timeout', `no complete response within ${totalTimeoutMs} ms`));
      }, totalTimeoutMs);
    },
    elapsedMs: (): number => (startedAt === undefined ? 0 : Math.round(performance.now() - startedAt)),
    dispose(): void {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
