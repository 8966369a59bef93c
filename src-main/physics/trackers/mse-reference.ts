// Relative MSE efficiency (issue 11; DOMAIN §3.2 as measured on real wells): MSE from surface
// torque carries string friction, so an absolute "optimal MSE" puts every real sample below
// 50 %. Efficiency here is relative to what this rig has been achieving recently in this hole:
// the reference is a low percentile of the smoothed MSE over the trailing drilling window, and
// efficiency = reference / current smoothed MSE × 100 (capped at 100). A sustained rise of MSE
// with no matching gain in ROP reads as lost efficiency; the reference follows new rock within
// the window length.
import { ShortWindow } from '../ema.js';
import { SortedWindow } from './sorted-window.js';

/** Drilling seconds in the trailing window (30 min at 1 Hz). */
export const REFERENCE_WINDOW_SAMPLES = 1800;
/** Fewest drilling samples before efficiency is judged at all. */
export const MIN_REFERENCE_SAMPLES = 300;
/** The reference: this percentile of the smoothed MSE over the window. */
export const REFERENCE_PERCENTILE = 0.25;
/** Seconds of MSE averaged into one smoothed value (ROP noise makes single packets meaningless). */
const SMOOTHING_PACKETS = 30;
/** Recompute the percentile every this many samples (the window is kept sorted: a read). */
const REFRESH_EVERY = 30;

export class MseReference {
  private readonly window = new SortedWindow(REFERENCE_WINDOW_SAMPLES);
  private readonly smooth = new ShortWindow(SMOOTHING_PACKETS);
  private reference: number | null = null;
  private sinceRefresh = REFRESH_EVERY;

  /** Pushes one drilling packet's MSE; returns the reference and the relative efficiency. */
  update(msePsi: number | null): { referenceMsePsi: number | null; efficiencyPercent: number | null } {
    if (msePsi === null || !(msePsi > 0) || !Number.isFinite(msePsi)) return { referenceMsePsi: this.reference, efficiencyPercent: null };
    this.smooth.push(msePsi);
    const current = this.smooth.mean as number;
    if (this.smooth.n >= SMOOTHING_PACKETS) this.window.push(current);
    if (++this.sinceRefresh >= REFRESH_EVERY && this.window.size >= MIN_REFERENCE_SAMPLES) {
      this.sinceRefresh = 0;
      this.reference = this.window.percentile(REFERENCE_PERCENTILE);
    }
    if (this.reference === null || this.window.size < MIN_REFERENCE_SAMPLES) return { referenceMsePsi: null, efficiencyPercent: null };
    return { referenceMsePsi: this.reference, efficiencyPercent: Math.min(100, (this.reference / current) * 100) };
  }

  /** The bit came off bottom: the smoothing restarts (the trailing reference is kept). */
  offBottom(): void {
    this.smooth.reset();
  }
}
