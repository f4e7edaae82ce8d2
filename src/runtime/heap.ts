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
 * The heap of a worker thread (analysis, the import's writer): a young generation of 16 MB instead of V8's
 * default of up to 48. Their garbage is short-lived (lines parsed, records posted): at 48 MB a
 * 10,000-article import peaked at 449 MB, at 8 MB at ~395 MB but the analysis worker scavenged twice as
 * often as at 16 (915 against 470 times, ~0.5 s more pauses), at 16 MB ~410 MB. See decision 0103.
 */
export const WORKER_HEAP = { maxYoungGenerationSizeMb: 16 };
