/**
 * Per-host politeness: at most `concurrency` requests in flight to one host name, and request
 * starts at least `delayMs` apart (or the longer gap a request asks for, such as a site's
 * Crawl-delay). Waiters are served first come, first served; a waiter whose signal aborts leaves
 * the queue.
 */
import { performance } from 'node:perf_hooks';
import { abortReason } from './fetch-error.ts';

export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  gapMs: number;
}

interface HostState {
  active: number;
  lastStart: number;
  waiters: Waiter[];
  timer: NodeJS.Timeout | undefined;
}

export interface HostLimiter {
  /**
   * Resolves with a release function once a slot for `host` is free, at least `gapMs` (when longer
   * than the limiter's delay) after the previous start there; rejects when `signal` aborts.
   */
  acquire(host: string, signal?: AbortSignal, gapMs?: number): Promise<Release>;
}

export function createHostLimiter(concurrency: number, delayMs: number): HostLimiter {
  const hosts = new Map<string, HostState>();

  function pump(state: HostState): void {
    while (state.waiters.length > 0 && state.active < concurrency) {
      const wait = state.lastStart + Math.max(delayMs, state.waiters[0]?.gapMs ?? 0) - performance.now();
      if (wait > 0) {
        state.timer ??= setTimeout(() => {
          state.timer = undefined;
          pump(state);
        }, Math.ceil(wait));
        return;
      }
      const waiter = state.waiters.shift();
      if (waiter === undefined) return;
      state.active += 1;
      state.lastStart = performance.now();
      waiter.grant(releaseOnce(state));
    }
  }

  function releaseOnce(state: HostState): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active -= 1;
      pump(state);
    };
  }

  function stateFor(host: string): HostState {
    let state = hosts.get(host);
    if (state === undefined) {
      state = { active: 0, lastStart: -Infinity, waiters: [], timer: undefined };
      hosts.set(host, state);
    }
    return state;
  }

  return {
    acquire(host, signal, gapMs = 0) {
      const state = stateFor(host.toLowerCase());
      return new Promise<Release>((resolve, reject) => {
        if (signal?.aborted === true) return reject(abortReason(signal));
        const onAbort = (): void => {
          state.waiters = state.waiters.filter((w) => w !== waiter);
          if (signal !== undefined) reject(abortReason(signal));
        };
        const waiter: Waiter = {
          gapMs,
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        state.waiters.push(waiter);
        pump(state);
      });
    },
  };
}
