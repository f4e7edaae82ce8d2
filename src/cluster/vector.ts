import { isGramFeature } from './features.ts';
import { cosineWithoutGrams, packedDot } from './packed-products.ts';
import { PackedVector, packedNorm, type AnyVector } from './packed-vector.ts';

/** Sparse vectors as plain records, so story state serialises to JSON as it is. */
export type Vector = Record<string, number>;

// vectors are treated as immutable once built, so their norms can be cached
const norms = new WeakMap<Vector, number>();

export function norm(v: AnyVector): number {
  if (v instanceof PackedVector) return packedNorm(v) ?? 0;
  const cached = norms.get(v) ?? packedNorm(v);
  if (cached !== undefined) return cached;
  let sum = 0;
  for (const key in v) sum += (v[key] ?? 0) ** 2;
  const n = Math.sqrt(sum);
  norms.set(v, n);
  return n;
}

export function normalise(v: Vector): Vector {
  const n = norm(v);
  if (n === 0) return {};
  const out: Vector = {};
  for (const key in v) out[key] = (v[key] ?? 0) / n;
  return out;
}

/** Σ a[k]·b[k] in `a`'s key order (vectors are immutable: their packed form is reused, see packed-vector.ts). */
export function dot(a: AnyVector, b: AnyVector): number {
  return packedDot(a, b);
}

export function cosine(a: AnyVector, b: AnyVector): number {
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot(a, b) / n;
}

/** The part of a vector whose keys pass the filter. */
export function project(v: Vector, keep: (key: string) => boolean): Vector {
  const out: Vector = {};
  for (const key in v) if (keep(key)) out[key] = v[key] ?? 0;
  return out;
}

/** target += scale × v, in place (only on vectors still being built). */
export function addInto(target: Vector, v: Vector, scale = 1): void {
  for (const key in v) target[key] = (target[key] ?? 0) + scale * (v[key] ?? 0);
}

/** The k heaviest entries: caps centroids so a story cannot keep absorbing vocabulary. */
export function topK(v: Vector, k: number): Vector {
  const entries = Object.entries(v);
  if (entries.length <= k) return v;
  entries.sort((x, y) => y[1] - x[1]);
  return Object.fromEntries(entries.slice(0, k));
}

/** Keys shared by both vectors, heaviest contribution first. */
export function sharedKeys(a: Vector, b: Vector, limit: number): string[] {
  const shared: Array<[string, number]> = [];
  for (const key in a) {
    const other = b[key];
    if (other !== undefined) shared.push([key, (a[key] ?? 0) * other]);
  }
  shared.sort((x, y) => y[1] - x[1]);
  return shared.slice(0, limit).map(([key]) => key);
}

/** Cosine over the keys that `skip` rejects in neither vector (norms of those parts only). */
export function cosineWithout(a: Vector, b: Vector, skip: (key: string) => boolean): number {
  if (skip === isGramFeature) return cosineWithoutGrams(a, b);
  let dotSum = 0;
  let na = 0;
  let nb = 0;
  for (const key in a) {
    if (skip(key)) continue;
    const x = a[key] ?? 0;
    na += x * x;
    const other = b[key];
    if (other !== undefined) dotSum += x * other;
  }
  for (const key in b) if (!skip(key)) nb += (b[key] ?? 0) ** 2;
  const n = Math.sqrt(na * nb);
  return n === 0 ? 0 : dotSum / n;
}

/** The k heaviest entries of each of two parts (keys that pass `isPart`, and the others). */
export function topKParts(v: Vector, k: number, isPart: (key: string) => boolean): Vector {
  const part = project(v, isPart);
  const rest = project(v, (key) => !isPart(key));
  return { ...topK(rest, k), ...topK(part, k) };
}

/**
 * Each part normalised on its own, the `isPart` one scaled by `weight`, the whole normalised:
 * the cosine of two such vectors is the weighted mean of the cosines of their parts.
 */
export function composeParts(v: Vector, k: number, isPart: (key: string) => boolean, weight: number): PackedVector {
  return composeEntries(Object.entries(v), k, isPart, weight);
}

/** `composeParts` of the vector with these entries, in this order, held packed (an article's vector). */
export function composeEntries(
  entries: Array<[string, number]>,
  k: number,
  isPart: (key: string) => boolean,
  weight: number,
): PackedVector {
  // on entry lists, one record at the end: the same sums as normalise(topK(project(…))) in the same order
  const rest: Array<[string, number]> = [];
  const part: Array<[string, number]> = [];
  for (const entry of entries) (isPart(entry[0]) ? part : rest).push(entry);
  const out = normaliseEntries(topEntries(rest, k));
  if (weight > 0) for (const [key, x] of normaliseEntries(topEntries(part, k))) out.push([key, 0 + weight * x]);
  const n = entriesNorm(out);
  if (n === 0) return new PackedVector([], new Float64Array(0));
  const keys: string[] = [];
  const values = new Float64Array(out.length);
  for (let i = 0; i < out.length; i++) {
    const [key, x] = out[i]!;
    keys.push(key);
    values[i] = x / n;
  }
  return new PackedVector(keys, values);
}

function topEntries(entries: Array<[string, number]>, k: number): Array<[string, number]> {
  if (entries.length <= k) return entries;
  return [...entries].sort((x, y) => y[1] - x[1]).slice(0, k);
}

function entriesNorm(entries: Array<[string, number]>): number {
  let sum = 0;
  for (const [, x] of entries) sum += x ** 2;
  return Math.sqrt(sum);
}

function normaliseEntries(entries: Array<[string, number]>): Array<[string, number]> {
  const n = entriesNorm(entries);
  return n === 0 ? [] : entries.map(([key, x]) => [key, x / n]);
}
