/**
 * Counts per 32-bit hash key, in open addressing with linear probing. A Map keyed by such numbers
 * hashes each one as a heap number; the template check looks up every shingle of every article.
 */
export class KeyCounts {
  private keys = new Uint32Array(256);
  private counts = new Int32Array(256);
  private size = 0;

  has(key: number): boolean {
    return this.counts[this.find(key)] !== 0;
  }

  /** Adds `delta` to the key's count; a key whose count falls to zero or below is gone. */
  add(key: number, delta: number): void {
    let i = this.find(key);
    const count = this.counts[i] ?? 0;
    if (count === 0) {
      if (delta <= 0) return;
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow();
        i = this.find(key);
      }
      this.keys[i] = key;
      this.counts[i] = delta;
      this.size++;
    } else if (count + delta > 0) this.counts[i] = count + delta;
    else this.remove(i);
  }

  /** The key's slot, or the empty slot where it would go. */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    let i = key & mask;
    while (this.counts[i] !== 0 && this.keys[i] !== key >>> 0) i = (i + 1) & mask;
    return i;
  }

  /** Empties slot i and shifts later keys of its probe run back, so lookups need no tombstones. */
  private remove(i: number): void {
    const mask = this.keys.length - 1;
    let hole = i;
    for (let j = (i + 1) & mask; this.counts[j] !== 0; j = (j + 1) & mask) {
      const home = (this.keys[j] ?? 0) & mask;
      // move j into the hole unless its home lies cyclically in (hole, j]
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      this.keys[hole] = this.keys[j] ?? 0;
      this.counts[hole] = this.counts[j] ?? 0;
      hole = j;
    }
    this.counts[hole] = 0;
    this.size--;
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const count = counts[i] ?? 0;
      if (count === 0) continue;
      const at = this.find(keys[i] ?? 0);
      this.keys[at] = keys[i] ?? 0;
      this.counts[at] = count;
    }
  }
}
