/**
 * Worker threads that warm up first (the analysis workers load their models) say when they are ready; until
 * then a caller may work on its own thread. A thread that fails while warming up does not leave its caller
 * waiting for a readiness that never comes: requests then fail with its reason.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startWorkerThreads } from '../../src/pipeline/worker-threads.ts';

const fixture = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  for (const start = Date.now(); !condition(); await sleep(10)) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
  }
}

describe('worker threads that warm up', () => {
  it('are ready once every thread said so, and answer requests', async () => {
    const threads = startWorkerThreads<{ value: number }, { id: number; value: number }>(
      fixture('warm-echo.mjs'), 2, (i) => ({ workerData: { warmUpMs: 200 + 300 * i } }), 'an echo worker');
    try {
      expect(threads.ready()).toBe(false);
      await sleep(350);
      expect(threads.ready()).toBe(false); // the second says so at 500 ms at the earliest
      await until(() => threads.ready());
      expect((await threads.request({ value: 7 })).value).toBe(7);
    } finally {
      await threads.close();
    }
  });

  it('count as ready when one failed warming up, and requests fail with its reason', async () => {
    const threads = startWorkerThreads<{ value: number }, { id: number; value: number }>(
      fixture('dies-warming.mjs'), 1, () => ({ workerData: {} }), 'an analysis worker');
    try {
      await until(() => threads.ready());
      await expect(threads.request({ value: 1 })).rejects.toThrow('an analysis worker failed: model file missing');
    } finally {
      await threads.close();
    }
  });
});
