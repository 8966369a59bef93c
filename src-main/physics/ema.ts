// Running baselines (DOMAIN §4): EMA with α 0.5 for the first 10 s, then 0.1.
//
// Choices (documented):
// - After a warm-up (60 s) α drops to 0.01 (≈ 100 s memory). With the reference's α 0.1
//   (10 s memory) the baseline follows any ramp slower than a few psi/s, so a washout or
//   pack-off building over minutes would never show as a deviation.
// - While a value sits outside its normal band (the caller passes `deviating`), the
//   baseline follows at α_hold 0.003 (≈ 5 min memory): a developing fault stays measured
//   against the pre-fault level for the minutes it takes to confirm, yet a genuine new
//   operating level (new formation, new parameters) is adopted within ~10-15 minutes
//   instead of alarming forever.
// - α is per second of feed (a 1 s reading); a reading of s seconds (feed-clock.ts) weighs
//   1 − (1 − α)^s, and the stages count seconds of readings: the memories above hold on a
//   0.5 Hz or 0.2 Hz feed, and at 1 Hz nothing changes.
import { alphaOver } from './feed-clock.js';

/** How fast a baseline follows its channel at each stage of its life (α per second). */
export interface EmaSettings {
  /** Seconds of readings at alphaFast right after the seed (DOMAIN §4: 10 at 0.5). */
  fastS: number;
  alphaFast: number;
  /** Seconds of readings until the steady rate applies; alphaWarm before that (DOMAIN §4: 0.1). */
  warmS: number;
  alphaWarm: number;
  /** Normal tracking once warm (0.01 ≈ 100 s memory). */
  alphaSteady: number;
  /** While the value deviates (a fault building): 0.003 ≈ 5 min memory. */
  alphaHold: number;
}

/** Drilling channels (torque, SPP, ROP, WOB, MSE, dxc). */
export const DRILLING_BASELINE: EmaSettings = { fastS: 10, alphaFast: 0.5, warmS: 60, alphaWarm: 0.1, alphaSteady: 0.01, alphaHold: 0.003 };
/** Gas background: slow, and all but frozen while gas rises, so a kick's gas stays "above". */
export const GAS_BACKGROUND: EmaSettings = { fastS: 10, alphaFast: 0.5, warmS: 30, alphaWarm: 0.05, alphaSteady: 0.01, alphaHold: 0.001 };
/** Pump-rate reference for steadiness: a plain EMA (same α whatever the value does). */
export const PUMP_RATE_REFERENCE: EmaSettings = { fastS: 5, alphaFast: 0.5, warmS: 5, alphaWarm: 0.05, alphaSteady: 0.05, alphaHold: 0.05 };

/** Seconds of readings before deltas against a baseline mean something (DOMAIN §4: > 5 samples at 1 Hz). */
const READY_AFTER_S = 5;

export class EmaBaseline {
  private value = 0;
  private n = 0;
  private ageS = 0;

  constructor(readonly settings: EmaSettings = DRILLING_BASELINE) {}

  /** Readings taken in (a count: says whether an update was taken). */
  get samples(): number {
    return this.n;
  }

  /** Seconds of readings taken in. */
  get learnedS(): number {
    return this.ageS;
  }

  /** The baseline, or null before the first sample. */
  get current(): number | null {
    return this.n === 0 ? null : this.value;
  }

  /** True once enough readings are in for deltas to mean something. */
  get ready(): boolean {
    return this.n > 1 && this.ageS > READY_AFTER_S;
  }

  /** `deviating`: the caller judged x to be outside the normal band; update is slowed. `readingS`: the seconds x stands for. */
  update(x: number, deviating = false, readingS = 1): void {
    if (!Number.isFinite(x)) return;
    if (this.n === 0) {
      // Seed with the first value (HEAD), so early deltas are not against 0.
      this.value = x;
    } else {
      const e = this.settings;
      const age = this.ageS;
      const a = age < e.fastS ? e.alphaFast : age < e.warmS ? e.alphaWarm : deviating ? e.alphaHold : e.alphaSteady;
      this.value += alphaOver(a, readingS) * (x - this.value);
    }
    this.n++;
    this.ageS += readingS;
  }

  reset(): void {
    this.value = 0;
    this.n = 0;
    this.ageS = 0;
  }
}

/**
 * Mean of the newest readings covering `spanS` seconds of feed (each reading stands for its
 * `readingS`): a short smoother so one noisy packet does not trip a detector. At 1 Hz it is
 * the last `spanS` packets. On a sparse feed it still holds `minReadings` (one reading is no
 * smoothing: a slower answer beats a false one). A fixed ring: no allocation after
 * construction; a feed faster than the ring allows keeps only the newest `capacity` readings.
 */
export class ShortWindow {
  private readonly buf: Float64Array;
  private readonly secs: Float64Array;
  private head = 0;
  private count = 0;
  private sum = 0;
  private covered = 0;

  constructor(
    readonly spanS = 5,
    private readonly minReadings = Math.min(3, Math.ceil(spanS)),
    capacity = Math.max(Math.ceil(spanS * 4) + 1, minReadings),
  ) {
    this.buf = new Float64Array(capacity);
    this.secs = new Float64Array(capacity);
  }

  push(x: number, readingS = 1): void {
    const cap = this.buf.length;
    // The oldest leave first (the order of the sums is the old per-packet ring's at 1 Hz).
    while (this.count > 0 && (this.count === cap || (this.count >= this.minReadings && this.covered + readingS - this.secs[this.head] >= this.spanS))) {
      this.sum -= this.buf[this.head];
      this.covered -= this.secs[this.head];
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.count--;
    }
    const i = (this.head + this.count) % cap;
    this.buf[i] = x;
    this.secs[i] = readingS;
    this.count++;
    this.sum += x;
    this.covered += readingS;
  }

  get n(): number {
    return this.count;
  }

  /** Seconds of feed the readings in the window stand for. */
  get coveredS(): number {
    return this.covered;
  }

  get mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
    this.sum = 0;
    this.covered = 0;
  }
}
