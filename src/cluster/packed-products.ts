/**
 * Products of two vectors on their packed forms (packed-vector.ts), term for term as the record code of
 * vector.ts sums them. A product scatters one vector into a dense array indexed by id, kept scattered while
 * the next products use the same vector (an article against its candidate stories and their members).
 */
import { GRAM, kindOfId, keyCount, pack, widened, type AnyVector, type Packed } from './packed-vector.ts';

let dense = new Float64Array(1024);
let present = new Uint8Array(1024);
/** The key-table generation the arrays index. */
let arraysGeneration = -1;
let scattered: Packed | undefined;

/** Makes `p` the vector held in the dense array. */
function scatter(p: Packed): void {
  if (scattered === p) return;
  if (p.generation !== arraysGeneration) {
    // the key table started afresh: so do the arrays (their size follows it)
    dense = new Float64Array(1024);
    present = new Uint8Array(1024);
    scattered = undefined;
    arraysGeneration = p.generation;
  }
  if (dense.length < keyCount()) {
    const size = Math.max(keyCount(), dense.length * 2);
    dense = widened(dense, size);
    present = widened(present, size);
  }
  if (scattered) {
    for (const id of scattered.ids) {
      dense[id] = 0;
      present[id] = 0;
    }
  }
  const { ids: pIds, values } = p;
  for (let i = 0; i < pIds.length; i++) {
    const id = pIds[i] ?? 0;
    dense[id] = values[i] ?? 0;
    present[id] = 1;
  }
  scattered = p;
}

/** Σ a[k]·b[k] over the keys of `a`, in `a`'s order. */
export function packedDot(a: AnyVector, b: AnyVector): number {
  const pa = pack(a);
  scatter(pack(b));
  const { ids: aIds, values } = pa;
  let sum = 0;
  for (let i = 0; i < aIds.length; i++) sum += (values[i] ?? 0) * (dense[aIds[i] ?? 0] ?? 0);
  return sum;
}

/** `cosineWithout(a, b, isGramFeature)` of vector.ts, term for term. */
export function cosineWithoutGrams(a: AnyVector, b: AnyVector): number {
  const pa = pack(a);
  const pb = pack(b);
  scatter(pb);
  const { ids: aIds, values } = pa;
  let dotSum = 0;
  for (let i = 0; i < aIds.length; i++) {
    const id = aIds[i] ?? 0;
    if (kindOfId(id) !== GRAM) dotSum += (values[i] ?? 0) * (dense[id] ?? 0);
  }
  const n = Math.sqrt(wordMul(pa) * wordPow(pb));
  return n === 0 ? 0 : dotSum / n;
}

function wordMul(p: Packed): number {
  if (p.wordMul === undefined) {
    let sum = 0;
    for (let i = 0; i < p.ids.length; i++) {
      if (kindOfId(p.ids[i] ?? 0) === GRAM) continue;
      const x = p.values[i] ?? 0;
      sum += x * x;
    }
    p.wordMul = sum;
  }
  return p.wordMul;
}

function wordPow(p: Packed): number {
  if (p.wordPow === undefined) {
    let sum = 0;
    for (let i = 0; i < p.ids.length; i++) if (kindOfId(p.ids[i] ?? 0) !== GRAM) sum += (p.values[i] ?? 0) ** 2;
    p.wordPow = sum;
  }
  return p.wordPow;
}

/** Keys of `a` (of the given kinds) that `b` has too, with the product of their weights, in `a`'s order. */
export function shared(a: AnyVector, b: AnyVector, kindMask: number): { ids: number[]; products: number[] } {
  const pa = pack(a);
  scatter(pack(b));
  const out: { ids: number[]; products: number[] } = { ids: [], products: [] };
  for (let i = 0; i < pa.ids.length; i++) {
    const id = pa.ids[i] ?? 0;
    if (kindOfId(id) & kindMask && present[id]) {
      out.ids.push(id);
      out.products.push((pa.values[i] ?? 0) * (dense[id] ?? 0));
    }
  }
  return out;
}
