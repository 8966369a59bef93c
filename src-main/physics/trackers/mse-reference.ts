// Relative MSE efficiency (issue 11; DOMAIN §3.2 as measured on real wells): MSE from surface
// torque carries string friction, so an absolute "optimal MSE" puts every real sample below
// 50 %. Efficiency here is relative to what this rig has been achieving recently in this hole:
// the reference is a low percentile of the smoothed MSE over the trailing drilling window, and
// efficiency = reference / current smoothed MSE × 100 (capped at 100). A sustained rise of MSE
// with no matching gain in ROP reads as lost efficiency; the reference follows new rock within
// the window length.
import { ShortWindow } from '../ema.js';

/** Drilling seconds in the trailing window (30 min at 1 Hz). */
export const REFERENCE_WINDOW_SAMPLES = 1800;
/** Fewest drilling samples before efficiency is judged at all. */
export const MIN_REFERENCE_SAMPLES = 300;
/** The reference: this percentile of the smoothed MSE over the window. */
export const REFERENCE_PERCENTILE = 0.25;
/** Seconds of MSE averaged into one smoothed value (ROP noise makes single packets meaningless). */
const SMOOTHING_PACKETS = 30;
/** Recompute the percentile every this many samples (cheap: one selection over the window). */
const REFRESH_EVERY = 30;

export class MseReference {
  private readonly ring = new Float64Array(REFERENCE_WINDOW_SAMPLES);
  /** The window copied for the percentile's selection (reused). */
  private readonly scratch = new Float64Array(REFERENCE_WINDOW_SAMPLES);
  private head = 0;
  private count = 0;
  private readonly smooth = new ShortWindow(SMOOTHING_PACKETS);
  private reference: number | null = null;
  private sinceRefresh = REFRESH_EVERY;

  /** Pushes one drilling packet's MSE; returns the reference and the relative efficiency. */
  update(msePsi: number | null): { referenceMsePsi: number | null; efficiencyPercent: number | null } {
    if (msePsi === null || !(msePsi > 0) || !Number.isFinite(msePsi)) return { referenceMsePsi: this.reference, efficiencyPercent: null };
    this.smooth.push(msePsi);
    const current = this.smooth.mean as number;
    if (this.smooth.n >= SMOOTHING_PACKETS) this.push(current);
    if (++this.sinceRefresh >= REFRESH_EVERY && this.count >= MIN_REFERENCE_SAMPLES) {
      this.sinceRefresh = 0;
      this.reference = this.percentile(REFERENCE_PERCENTILE);
    }
    if (this.reference === null || this.count < MIN_REFERENCE_SAMPLES) return { referenceMsePsi: null, efficiencyPercent: null };
    return { referenceMsePsi: this.reference, efficiencyPercent: Math.min(100, (this.reference / current) * 100) };
  }

  /** The bit came off bottom: the smoothing restarts (the trailing reference is kept). */
  offBottom(): void {
    this.smooth.reset();
  }

  private push(v: number): void {
    this.ring[(this.head + this.count) % REFERENCE_WINDOW_SAMPLES] = v;
    if (this.count < REFERENCE_WINDOW_SAMPLES) this.count++;
    else this.head = (this.head + 1) % REFERENCE_WINDOW_SAMPLES;
  }

  /** Linear interpolation between the order statistics around p (as a full sort would give). */
  private percentile(p: number): number {
    const xs = this.scratch;
    xs.set(this.count === REFERENCE_WINDOW_SAMPLES ? this.ring : this.ring.subarray(0, this.count));
    const n = this.count;
    const pos = p * (n - 1);
    const lo = Math.floor(pos);
    const below = kthSmallest(xs, n, lo);
    // After the selection everything right of lo is >= it: the next order statistic is their minimum.
    let above = below;
    if (lo + 1 < n) {
      above = xs[lo + 1];
      for (let i = lo + 2; i < n; i++) if (xs[i] < above) above = xs[i];
    }
    return below + (above - below) * (pos - lo);
  }
}

/**
 * The k-th smallest of xs[0..n-1] (0-based), partially reordering xs in place (Hoare's
 * selection, middle pivot): linear time on average instead of sorting the whole window.
 */
export function kthSmallest(xs: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const pivot = xs[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return xs[k];
}
