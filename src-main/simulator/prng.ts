// Seeded pseudo-random numbers for the simulator. Mulberry32: tiny, fast, and the same
// sequence on every platform, which is what determinism per seed needs.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal, truncated to ±3σ so a 24 h run has no freak outliers. */
  gauss(): number;
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
}

export function createRng(seed: number): Rng {
  let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = (): number => {
    for (;;) {
      const u = 1 - next();
      const v = next();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      if (Math.abs(z) <= 3) return z;
    }
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    gauss,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

/**
 * First-order autoregressive noise: slowly wandering, unit variance. Sensor readings on a rig
 * drift rather than jump, and white noise alone would make every window look alike.
 */
export class ArNoise {
  private value = 0;
  private readonly innovation: number;
  constructor(
    private readonly rng: Rng,
    private readonly phi: number,
  ) {
    this.innovation = Math.sqrt(1 - phi * phi);
  }
  step(): number {
    this.value = this.phi * this.value + this.innovation * this.rng.gauss();
    return this.value;
  }
}
