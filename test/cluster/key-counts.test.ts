import { describe, expect, it } from 'vitest';
import { KeyCounts } from '../../src/cluster/key-counts.ts';

describe('KeyCounts', () => {
  it('agrees with a Map under random adds and removals, colliding keys included', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const counts = new KeyCounts();
    const reference = new Map<number, number>();
    // few distinct low bits: long probe runs that wrap around the table
    const keys = Array.from({ length: 400 }, (_, i) => (((i * 2654435761) >>> 0) & 0xffff0000) | (i % 7));
    for (let step = 0; step < 20_000; step++) {
      const key = keys[Math.floor(random() * keys.length)] ?? 0;
      const delta = random() < 0.55 ? 1 : -1;
      counts.add(key, delta);
      const n = (reference.get(key) ?? 0) + delta;
      if (n > 0) reference.set(key, n);
      else reference.delete(key);
      if (step % 97 === 0) for (const k of keys) expect(counts.has(k)).toBe(reference.has(k));
    }
    expect(keys.filter((k) => counts.has(k)).length).toBe(reference.size);
  });
});
