/**
 * Bounds how far V8 lets the heap grow past its live data before a full collection. By default the old
 * generation may grow to up to 4× the live objects between collections; an import's garbage (parsed
 * lines, analysis results, batches written and dropped) then lifted a 10,000-article import to ~900 MB
 * resident while its live data stayed under 160 MB. At 1.5× it peaks near 550 MB at the same speed.
 * A growth factor, not a cap: a workload that needs more memory still gets it. The flag is process-wide,
 * so the analysis worker threads started later use it too. See docs/decisions/0103-heap-growth.md.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * The heap of a worker thread (analysis, the import's writer): a young generation of 8 MB instead of V8's
 * default of up to 48. Their garbage is short-lived (lines parsed, records posted), so smaller scavenges
 * cost little: on a 10,000-article import peak RSS fell from 449 and 433 to 406 and 395 MB at the same
 * speed (641 and 613 against 634 and 630 articles/s), CPU +2–5 %.
 */
export const WORKER_HEAP = { maxYoungGenerationSizeMb: 8 };
