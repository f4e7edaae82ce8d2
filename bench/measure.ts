/** Timing helpers for the benchmark: wall time and this process's CPU time side by side. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  wallMs: number;
  /** User + system CPU of this process (all threads), from process.cpuUsage. */
  cpuMs: number;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T } & Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Times each call separately; returns the per-call wall and CPU times. */
export async function timeEach<T>(items: readonly T[], work: (item: T) => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const t = await timed(() => work(item));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  return { wall, cpu };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
