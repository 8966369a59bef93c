// Running baselines (DOMAIN §4): EMA with α 0.5 for the first 10 samples, then 0.1.
//
// Choices (documented):
// - After a warm-up (60 samples) α drops to 0.01 (≈ 100 s memory at 1 Hz). With the
//   reference's α 0.1 (10 s memory) the baseline follows any ramp slower than a few psi/s,
//   so a washout or pack-off building over minutes would never show as a deviation.
// - While a value sits outside its normal band (the caller passes `deviating`), the
//   baseline follows at α_hold 0.003 (≈ 5 min memory): a developing fault stays measured
//   against the pre-fault level for the minutes it takes to confirm, yet a genuine new
//   operating level (new formation, new parameters) is adopted within ~10-15 minutes
//   instead of alarming forever.

/** How fast a baseline follows its channel at each stage of its life (α per sample at 1 Hz). */
export interface EmaSettings {
  /** Samples at alphaFast right after the seed (DOMAIN §4: 10 at 0.5). */
  fastSamples: number;
  alphaFast: number;
  /** Samples until the steady rate applies; alphaWarm before that (DOMAIN §4: 0.1). */
  warmSamples: number;
  alphaWarm: number;
  /** Normal tracking once warm (0.01 ≈ 100 s memory). */
  alphaSteady: number;
  /** While the value deviates (a fault building): 0.003 ≈ 5 min memory. */
  alphaHold: number;
}

/** Drilling channels (torque, SPP, ROP, WOB, MSE, dxc). */
export const DRILLING_BASELINE: EmaSettings = { fastSamples: 10, alphaFast: 0.5, warmSamples: 60, alphaWarm: 0.1, alphaSteady: 0.01, alphaHold: 0.003 };
/** Gas background: slow, and all but frozen while gas rises, so a kick's gas stays "above". */
export const GAS_BACKGROUND: EmaSettings = { fastSamples: 10, alphaFast: 0.5, warmSamples: 30, alphaWarm: 0.05, alphaSteady: 0.01, alphaHold: 0.001 };
/** Pump-rate reference for steadiness: a plain EMA (same α whatever the value does). */
export const PUMP_RATE_REFERENCE: EmaSettings = { fastSamples: 5, alphaFast: 0.5, warmSamples: 5, alphaWarm: 0.05, alphaSteady: 0.05, alphaHold: 0.05 };

export class EmaBaseline {
  private value = 0;
  private n = 0;

  constructor(readonly settings: EmaSettings = DRILLING_BASELINE) {}

  get samples(): number {
    return this.n;
  }

  /** The baseline, or null before the first sample. */
  get current(): number | null {
    return this.n === 0 ? null : this.value;
  }

  /** True once enough samples are in for deltas to mean something (> 5, DOMAIN §4). */
  get ready(): boolean {
    return this.n > 5;
  }

  /** `deviating`: the caller judged x to be outside the normal band; update is slowed. */
  update(x: number, deviating = false): void {
    if (!Number.isFinite(x)) return;
    if (this.n === 0) {
      // Seed with the first value (HEAD), so early deltas are not against 0.
      this.value = x;
    } else {
      const e = this.settings;
      const a = this.n < e.fastSamples ? e.alphaFast : this.n < e.warmSamples ? e.alphaWarm : deviating ? e.alphaHold : e.alphaSteady;
      this.value += a * (x - this.value);
    }
    this.n++;
  }

  reset(): void {
    this.value = 0;
    this.n = 0;
  }
}

/**
 * Mean of the last `size` values in a fixed ring: a short smoother (a few packets) so one
 * noisy packet does not trip a detector. No allocation after construction.
 */
export class ShortWindow {
  private readonly buf: Float64Array;
  private head = 0;
  private count = 0;
  private sum = 0;

  constructor(readonly size = 5) {
    this.buf = new Float64Array(size);
  }

  push(x: number): void {
    if (this.count === this.buf.length) {
      this.sum -= this.buf[this.head];
      this.buf[this.head] = x;
      this.head = (this.head + 1) % this.buf.length;
    } else {
      this.buf[(this.head + this.count) % this.buf.length] = x;
      this.count++;
    }
    this.sum += x;
  }

  get n(): number {
    return this.count;
  }

  get mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  /** Oldest value in the window. */
  get first(): number | null {
    return this.count === 0 ? null : this.buf[this.head];
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
    this.sum = 0;
  }
}
