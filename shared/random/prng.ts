// Small Fast Counter (sfc32): 128 bits of state, four plain uint32 numbers, so the whole generator
// lives in GameState, survives JSON and replays bit for bit.

export interface PrngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Spreads a seed string over 128 bits (four independently mixed 32-bit FNV-style lanes). */
export function seedPrng(seed: string): PrngState {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  let h3 = 0x85ebca6b;
  let h4 = 0xc2b2ae35;
  for (let i = 0; i < seed.length; i++) {
    const ch = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
    h3 = Math.imul(h3 ^ ch, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ ch, 0x165667b1);
  }
  const rng = new Rng({ a: fmix32(h1), b: fmix32(h2 ^ h1), c: fmix32(h3 ^ h2), d: fmix32(h4 ^ h3 ^ seed.length) });
  // Discard the first outputs so that similar seeds diverge completely.
  for (let i = 0; i < 16; i++) rng.nextUint32();
  return rng.state();
}

/** MurmurHash3's finaliser: every input bit flips about half of the output bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A generator working on its own copy of a PrngState; `state()` hands the advanced state back. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: PrngState) {
    this.a = state.a >>> 0;
    this.b = state.b >>> 0;
    this.c = state.c >>> 0;
    this.d = state.d >>> 0;
  }

  state(): PrngState {
    return { a: this.a, b: this.b, c: this.c, d: this.d };
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = (this.b ^ (this.b >>> 9)) >>> 0;
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 4294967296) throw new RangeError(`Rng.int: bad bound ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Picks one item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= weightOf(item);
      if (roll < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /** A deterministic Fisher–Yates shuffle (returns a new array). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
