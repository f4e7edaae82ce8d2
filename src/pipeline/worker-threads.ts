/**
 * Requests to worker threads, answered by id in any order (`{ id, … }` both ways), handed out in turn.
 * A thread that fails or exits fails every open request and all later ones, with the thread's reason.
 * Used by the analysis pool and the import's writer thread.
 */
import { Worker, type Transferable } from 'node:worker_threads';
import { WORKER_HEAP } from '../runtime/heap.ts';

export interface WorkerThreads<Request, Response> {
  /** Sends `request` with a fresh id to the next thread; resolves with its response. */
  request(request: Request): Promise<Response>;
  /**
   * Whether requests should go to the threads now: every thread has posted `READY` (a thread that warms up
   * first says so when it is done), or one failed (requests then fail with its reason).
   */
  ready(): boolean;
  close(): Promise<void>;
}

/** What a thread posts, unasked, once it is warm (models loaded): see `WorkerThreads.ready`. */
export const READY = { ready: true } as const;

/** What one thread starts with: its `workerData`, and the ports (or other transferables) moved to it. */
export interface ThreadStart {
  workerData: unknown;
  transferList?: Transferable[];
}

export function startWorkerThreads<Request extends object, Response extends { id: number }>(
  entry: URL,
  count: number,
  start: (index: number) => ThreadStart,
  what: string,
): WorkerThreads<Request, Response> {
  const waiting = new Map<number, { resolve: (response: Response) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: unknown) => {
    if (closing) return;
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    failure ??= new Error(`${what} failed: ${reason}`, { cause: error });
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  let warm = 0;
  const workers = Array.from({ length: count }, (_, index) => {
    const { workerData, transferList } = start(index);
    const worker = new Worker(entry, { workerData, transferList, resourceLimits: WORKER_HEAP });
    worker.on('message', (response: Response | typeof READY) => {
      if ('ready' in response) {
        warm += 1;
        return;
      }
      waiting.get(response.id)?.resolve(response);
      waiting.delete(response.id);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`exit code ${code}`));
    });
    return worker;
  });
  let next = 0;
  return {
    request(request) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ ...request, id });
      });
    },
    ready: () => warm >= workers.length || failure !== undefined,
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
