import { progress } from './output.ts';

/**
 * Ctrl-C (or SIGTERM) once: stop taking work, let in-flight writes finish (each is a transaction), exit.
 * Twice: leave at once; the database is still consistent because nothing is written outside transactions.
 */
export function abortOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    progress(`newsdesk: ${name}: stopping after the work in flight (again to quit at once)`);
    controller.abort(new Error(name));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
