/**
 * A compact set of 64-bit fingerprints (the first 8 bytes of an address hash),
 * for counting distinct recipients of a large file without keeping addresses
 * or strings in memory: 1,000,000 recipients take 16 MB. Two different
 * addresses share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁸
 * for a million), which is fine for counts; delivery itself deduplicates on
 * the full hash in the ledger.
 */

/** Open-addressing hash set of 64-bit values held in a typed array. */
export class FingerprintSet {
  private slots: Uint32Array;
  private count = 0;

  /** Creates a set sized for about `expected` values (it grows as needed). */
  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
  }

  /** Number of distinct values added. */
  get size(): number {
    return this.count;
  }

  /** Adds the fingerprint of a hex hash (at least 16 hex digits); false when it was already present. */
  add(hexHash: string): boolean {
    let high = Number.parseInt(hexHash.slice(0, 8), 16) >>> 0;
    const low = Number.parseInt(hexHash.slice(8, 16), 16) >>> 0;
    // (0, 0) marks an empty slot.
    if (high === 0 && low === 0) high = 1;
    if ((this.count + 1) * 2 > this.slots.length / 2) this.grow();
    return this.insert(high, low);
  }

  private insert(high: number, low: number): boolean {
    const mask = this.slots.length / 2 - 1;
    // The hash bits are uniform already, so the low word picks the slot.
    let slot = low & mask;
    for (;;) {
      const h = this.slots[slot * 2]!;
      const l = this.slots[slot * 2 + 1]!;
      if (h === 0 && l === 0) {
        this.slots[slot * 2] = high;
        this.slots[slot * 2 + 1] = low;
        this.count += 1;
        return true;
      }
      if (h === high && l === low) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      const h = old[i]!;
      const l = old[i + 1]!;
      if (h !== 0 || l !== 0) this.insert(h, l);
    }
  }
}
