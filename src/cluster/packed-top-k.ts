/** Top-k selections on packed vectors (see packed-vector.ts): the same keys, order and ties as vector.ts. */
import { GRAM, WORDS, keyOf, kindOfId, pack, packedVector, type AnyVector, type PackedVector } from './packed-vector.ts';

/**
 * Positions in `p` of the features of the given kinds, as `topK(project(v, kinds), k)` of
 * vector.ts orders them: record order when at most k, else the k heaviest, heaviest first, ties in
 * record order (what a stable sort gives).
 */
function topPositions(ids: Int32Array, values: Float64Array, count: number, mask: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (kindOfId(ids[i] ?? 0) & mask) out.push(i);
  if (out.length <= k) return out;
  if (Number.isInteger(k) && k >= 0 && k <= SELECT_LIMIT) return heaviest(out, values, k);
  out.sort((x, y) => (values[y] ?? 0) - (values[x] ?? 0) || x - y);
  out.splice(k);
  return out;
}

/** Below this k an insertion into the k best beats sorting all positions. */
const SELECT_LIMIT = 48;

/** The k heaviest of `positions` by `values`, heaviest first, a tie going to the one listed earlier. */
export function heaviest(positions: readonly number[], values: Float64Array, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  for (const i of positions) {
    const v = values[i] ?? 0;
    if (top.length === k) {
      if (!(v > (values[top[k - 1] ?? 0] ?? 0))) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && v > (values[top[at - 1] ?? 0] ?? 0)) at--;
    top.splice(at, 0, i);
  }
  return top;
}

/** `topK(project(v, key of the given kinds), k)` of vector.ts as [key, weight] pairs, without making a record. */
export function topEntriesOf(v: AnyVector, mask: number, k: number): Array<[string, number]> {
  const p = pack(v);
  return topPositions(p.ids, p.values, p.ids.length, mask, k).map((i) => [
    keyOf(p.ids[i] ?? 0),
    p.values[i] ?? 0,
  ]);
}

/** The keys of `topEntriesOf(v, mask, k)`. */
export function topKeysOf(v: AnyVector, mask: number, k: number): string[] {
  const p = pack(v);
  return topPositions(p.ids, p.values, p.ids.length, mask, k).map((i) => keyOf(p.ids[i] ?? 0));
}

/** `topKParts(v, k, isGramFeature)` of vector.ts on packed ids and weights: the k heaviest non-gram features, then the k heaviest grams. */
export function capParts(ids: Int32Array, values: Float64Array, count: number, k: number): PackedVector {
  const positions = topPositions(ids, values, count, WORDS, k);
  for (const at of topPositions(ids, values, count, GRAM, k)) positions.push(at);
  return packedVector(ids, values, positions.length, positions);
}
