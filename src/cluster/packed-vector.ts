import { capParts } from './packed-top-k.ts';
import type { Vector } from './vector.ts';

/**
 * Vectors come as plain records (`Vector`: what JSON holds, and what the reference code of vector.ts
 * computes on) or as `PackedVector`s (keys and weights in order, no record), the form the clusterer
 * holds article vectors and story centroids in: a record of ~200–240 keys per article and per join was
 * the largest allocation of clustering. The inner loops run on a packed copy of either, made once per
 * vector: each feature key interned to an integer id, ids and weights in typed arrays in the vector's
 * own key order. Every sum adds the same terms in the same order as a loop over the record, so results
 * are bit for bit those of the record code; a feature the other vector lacks adds an exact +0. The
 * products of two vectors are in packed-products.ts.
 */
export interface Packed {
  generation: number;
  ids: Int32Array;
  values: Float64Array;
  /** Lazily: Σ x·x and Σ x**2 over the non-gram features (the two spellings of `cosineWithout`). */
  wordMul?: number;
  wordPow?: number;
  /** Lazily: number of non-gram features. */
  words?: number;
  /** √Σ x**2 in order, as `norm` of vector.ts computes it. */
  norm?: number;
  /** Lazily: ids of the age features (`a:`). */
  ages?: number[];
}

/** Kinds of feature, from the key's namespace (see features.ts). */
export const GRAM = 1;
const WORD = 2;
export const NAME = 4;
const OTHER = 8;
/** Marks the age features (`a:`), which otherwise count as names (facts of the text, like numbers). */
const AGE = 16;
/** Kind masks: any feature, the non-gram ones, the language-neutral ones (names, numbers, concepts). */
export const ANY = GRAM | WORD | NAME | OTHER;
export const WORDS = WORD | NAME | OTHER;
export const NEUTRAL = NAME | OTHER;

/** Past this many interned keys the table starts afresh at the next safe point (bounds memory). */
const MAX_KEYS = 1 << 21;

let generation = 0;
let ids = new Map<string, number>();
let keys: string[] = [];
let kinds = new Uint8Array(1024);
/** Scratch: position + 1 of an id in the vector being summed (0 elsewhere). */
let slot = new Int32Array(1024);
const cache = new WeakMap<AnyVector, Packed>();

/**
 * A vector held packed, without a record: its keys and weights in order. It serialises to JSON as
 * the record it stands for (`toJSON`), so stored story states keep their shape.
 */
export class PackedVector {
  constructor(
    readonly keys: readonly string[],
    readonly values: Float64Array,
  ) {}

  /** The vector as [key, weight] pairs, in order. */
  entries(): Array<[string, number]> {
    return this.keys.map((key, i) => [key, this.values[i] ?? 0]);
  }

  /** The record, in key order (what `JSON.stringify` writes). */
  toJSON(): Vector {
    const out: Vector = {};
    for (let i = 0; i < this.keys.length; i++) out[this.keys[i] ?? ''] = this.values[i] ?? 0;
    return out;
  }

  /** A record (a vector of a stored state, parsed from JSON) packed, in its key order; a packed one as it is. */
  static from(v: AnyVector): PackedVector {
    return v instanceof PackedVector ? v : new PackedVector(Object.keys(v), Float64Array.from(Object.values(v)));
  }
}

/** Either form: the packed operations below take both. */
export type AnyVector = Vector | PackedVector;

function kindOf(key: string): number {
  if (key.startsWith('g:')) return GRAM;
  if (key.startsWith('w:')) return WORD;
  if (key.startsWith('a:')) return NAME | AGE;
  return key.startsWith('n:') || key.startsWith('e:') ? NAME : OTHER;
}

function intern(key: string): number {
  const hit = ids.get(key);
  if (hit !== undefined) return hit;
  const id = keys.length;
  if (id >= kinds.length) grow(id * 2);
  ids.set(key, id);
  keys.push(key);
  kinds[id] = kindOf(key);
  return id;
}

/** A copy of `array` with room for `size` entries (the rest zero). */
export function widened<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(array);
  return copy;
}

function grow(size: number): void {
  kinds = widened(kinds, size);
  slot = widened(slot, size);
}

/** Called between operations (never inside one): drops the key table once it holds `limit` keys. */
export function compactKeys(limit = MAX_KEYS): void {
  if (keys.length < limit) return;
  generation++;
  ids = new Map();
  keys = [];
  kinds = new Uint8Array(1024);
  slot = new Int32Array(1024);
}

/** Keys interned in the current generation (every id of a current packed form is below it). */
export function keyCount(): number {
  return keys.length;
}

export function keyOf(id: number): string {
  return keys[id] ?? '';
}

export function kindOfId(id: number): number {
  return kinds[id] ?? 0;
}

export function pack(v: AnyVector): Packed {
  const hit = cache.get(v);
  if (hit && hit.generation === generation) return hit;
  if (v instanceof PackedVector) {
    // made in an earlier generation of the key table: its keys are interned afresh
    const out: Packed = { generation, ids: Int32Array.from(v.keys, intern), values: v.values };
    cache.set(v, out);
    return out;
  }
  const idList: number[] = [];
  const valueList: number[] = [];
  for (const key in v) {
    idList.push(intern(key));
    valueList.push(v[key] ?? 0);
  }
  const out: Packed = { generation, ids: Int32Array.from(idList), values: Float64Array.from(valueList) };
  cache.set(v, out);
  return out;
}

/** A packed vector of those ids and weights, in order (or of those at `positions`, in that order). */
export function packedVector(
  idList: ArrayLike<number>,
  valueList: ArrayLike<number>,
  count = idList.length,
  positions?: readonly number[],
): PackedVector {
  const vKeys: string[] = [];
  const pIds = new Int32Array(count);
  const pValues = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const at = positions ? (positions[i] ?? 0) : i;
    const id = idList[at] ?? 0;
    vKeys.push(keys[id] ?? '');
    pIds[i] = id;
    pValues[i] = valueList[at] ?? 0;
  }
  const out = new PackedVector(vKeys, pValues);
  cache.set(out, { generation, ids: pIds, values: pValues, norm: undefined });
  return out;
}

/** `norm` of vector.ts from the packed weights, when the vector has been packed (a `PackedVector` always is). */
export function packedNorm(v: AnyVector): number | undefined {
  const p = v instanceof PackedVector ? pack(v) : cache.get(v);
  if (!p) return undefined;
  if (p.norm === undefined) {
    let sum = 0;
    for (const x of p.values) sum += x ** 2;
    p.norm = Math.sqrt(sum);
  }
  return p.norm;
}

/** Number of non-gram features. */
export function wordFeatures(v: AnyVector): number {
  const p = pack(v);
  if (p.words === undefined) {
    let n = 0;
    for (const id of p.ids) if (kinds[id] !== GRAM) n++;
    p.words = n;
  }
  return p.words;
}

function agesOf(p: Packed): number[] {
  if (p.ages === undefined) {
    p.ages = [];
    for (const id of p.ids) if ((kinds[id] ?? 0) & AGE) p.ages.push(id);
  }
  return p.ages;
}

/** Both vectors hold ages (`a:` features) and share none of them. */
export function agesConflict(a: AnyVector, b: AnyVector): boolean {
  const x = agesOf(pack(a));
  if (x.length === 0) return false;
  const y = agesOf(pack(b));
  return y.length > 0 && !x.some((id) => y.includes(id));
}

/**
 * `{ ...base }` plus `add` (`addInto`), then capped as `topKParts(·, k, isGramFeature)` does, or
 * (`onlyOver`) only when it holds more than k features, as a story's centroid is.
 */
export function sumCapped(base: AnyVector, add: AnyVector, k: number, onlyOver: boolean): PackedVector {
  const pb = pack(base);
  const pa = pack(add);
  const size = pb.ids.length + pa.ids.length;
  const ids = new Int32Array(size);
  const values = new Float64Array(size);
  ids.set(pb.ids);
  values.set(pb.values);
  let count = pb.ids.length;
  for (let i = 0; i < count; i++) slot[ids[i] ?? 0] = i + 1;
  for (let i = 0; i < pa.ids.length; i++) {
    const id = pa.ids[i] ?? 0;
    const x = 1 * (pa.values[i] ?? 0);
    const at = slot[id] ?? 0;
    if (at > 0) values[at - 1] = (values[at - 1] ?? 0) + x;
    else {
      ids[count] = id;
      values[count] = 0 + x;
      count++;
    }
  }
  for (let i = 0; i < pb.ids.length; i++) slot[ids[i] ?? 0] = 0;
  if (onlyOver && count <= k) return packedVector(ids, values, count);
  return capParts(ids, values, count, k);
}
