import { describe, expect, it } from 'vitest';
import {
  GRAM,
  NEUTRAL,
  PackedVector,
  WORDS,
  compactKeys,
  sumCapped,
} from '../../src/cluster/packed-vector.ts';
import { cosineWithoutGrams, packedDot } from '../../src/cluster/packed-products.ts';
import { topEntriesOf } from '../../src/cluster/packed-top-k.ts';
import type { Vector } from '../../src/cluster/vector.ts';
import {
  addInto,
  composeParts,
  cosine,
  cosineWithout,
  normalise,
  project,
  topK,
  topKParts,
} from '../../src/cluster/vector.ts';
import { createDocumentFrequency } from '../../src/cluster/document-frequency.ts';

// The packed code must give the record code's results bit for bit, key order included (stories are stored).
let seed = 11;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

const PREFIXES = ['w:de:', 'w:en:', 'g:', 'n:', 'e:', 'x:'];

/** Random vectors over a small key space, with many tied weights. */
function vector(size: number): Vector {
  const out: Vector = {};
  for (let i = 0; i < size; i++) {
    const key = `${PREFIXES[Math.floor(random() * PREFIXES.length)] ?? ''}${Math.floor(random() * 150)}`;
    out[key] = random() < 0.3 ? 0.25 : random();
  }
  return out;
}

const isGram = (key: string) => key.startsWith('g:');
const entries = (v: Vector | PackedVector) => Object.entries(v instanceof PackedVector ? v.toJSON() : v);

function referenceDot(a: Vector, b: Vector): number {
  let sum = 0;
  for (const key in a) {
    const other = b[key];
    if (other !== undefined) sum += (a[key] ?? 0) * other;
  }
  return sum;
}

/** composeParts as it was written on records. */
function referenceCompose(v: Vector, k: number, weight: number): Vector {
  const rest = normalise(topK(project(v, (key) => !isGram(key)), k));
  const part = weight > 0 ? normalise(topK(project(v, isGram), k)) : {};
  const out: Vector = { ...rest };
  addInto(out, part, weight);
  return normalise(out);
}

describe('article vectors on entry lists', () => {
  it('compose and weigh as the record code does', () => {
    const df = createDocumentFrequency(undefined, 1000);
    for (let round = 0; round < 100; round++) {
      const v = vector(Math.floor(random() * 150));
      const k = 1 + Math.floor(random() * 60);
      expect(entries(composeParts(v, k, isGram, 2))).toEqual(entries(referenceCompose(v, k, 2)));
      const terms = new Map(Object.entries(v));
      df.observe(terms);
      expect(df.weighEntries(terms)).toEqual(entries(df.weigh(terms)));
    }
  });
});

describe('packed vectors', () => {
  it('give the record code results exactly', () => {
    for (let round = 0; round < 200; round++) {
      const a = vector(Math.floor(random() * 120));
      const b = vector(Math.floor(random() * 120));
      const k = 1 + Math.floor(random() * 60);
      expect(packedDot(a, b)).toBe(referenceDot(a, b));
      expect(cosineWithoutGrams(a, b)).toBe(cosineWithout(a, b, (key) => isGram(key)));
      expect(topEntriesOf(a, WORDS, k)).toEqual(entries(topK(project(a, (key) => !isGram(key)), k)));
      expect(topEntriesOf(a, GRAM, k)).toEqual(entries(topK(project(a, isGram), k)));
      const neutral = (key: string) => !isGram(key) && !key.startsWith('w:');
      expect(topEntriesOf(a, NEUTRAL, k)).toEqual(entries(topK(project(a, neutral), k)));
      const sum = { ...a };
      addInto(sum, b);
      expect(entries(sumCapped(a, b, k, false))).toEqual(entries(topKParts(sum, k, isGram)));
      const size = Object.keys(sum).length;
      expect(entries(sumCapped(a, b, k, true))).toEqual(entries(size > k ? topKParts(sum, k, isGram) : sum));
    }
  });
});

describe('centroids held packed', () => {
  it('stand for the record they serialise to, and keep their keys when the key table starts afresh', () => {
    const a = vector(80);
    const b = vector(80);
    const article = vector(60);
    const centroid = sumCapped(a, b, 40, false);
    const record = centroid.toJSON();
    expect(JSON.parse(JSON.stringify({ centroid }))).toEqual({ centroid: record });
    expect(centroid.entries()).toEqual(Object.entries(record));
    const before = { dot: packedDot(centroid, article), cosine: cosine(article, centroid), cross: cosineWithoutGrams(centroid, article) };
    expect(before.dot).toBe(referenceDot(record, article));
    compactKeys(0); // the next generation: every id is interned anew, in a new order
    const fresh = vector(90); // interned first, so the old ids now name other keys
    expect(packedDot(fresh, article)).toBe(referenceDot(fresh, article));
    expect({ dot: packedDot(centroid, article), cosine: cosine(article, centroid), cross: cosineWithoutGrams(centroid, article) }).toEqual(before);
    expect(entries(sumCapped(centroid, fresh, 40, false))).toEqual(entries(sumCapped(record, fresh, 40, false)));
    expect(PackedVector.from(record).toJSON()).toEqual(record);
    expect(Object.keys(PackedVector.from(record).toJSON())).toEqual(Object.keys(record));
  });
});
