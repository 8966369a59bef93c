// Relative MSE efficiency (issue 11; DOMAIN §3.2 as measured on real wells): MSE from surface
// torque carries string friction, so an absolute "optimal MSE" puts every real sample below
// 50 %. Efficiency here is relative to what this rig has been achieving recently in this hole:
// the reference is a low percentile of the smoothed MSE over the trailing drilling window, and
// efficiency = reference / current smoothed MSE × 100 (capped at 100). A sustained rise of MSE
// with no matching gain in ROP reads as lost efficiency; the reference follows new rock within
// the window length. Windows are in seconds of feed (feed-clock.ts), the same at any rate.
import { ShortWindow } from '../ema.js';
import { SortedWindow } from './sorted-window.js';

/** Drilling seconds in the trailing window (30 min). */
export const REFERENCE_WINDOW_S = 1800;
/** Fewest drilling seconds in the window before efficiency is judged at all. */
export const MIN_REFERENCE_S = 300;
/** Readings the window can hold: 30 minutes of a 2 Hz feed (a faster one keeps the newest). */
const REFERENCE_CAPACITY = REFERENCE_WINDOW_S * 2;
/** The reference: this percentile of the smoothed MSE over the window. */
export const REFERENCE_PERCENTILE = 0.25;
/** Seconds of MSE averaged into one smoothed value (ROP noise makes single packets meaningless). */
const SMOOTHING_S = 30;
/** Recompute the percentile every this many drilling seconds (the window is kept sorted: a read). */
const REFRESH_EVERY_S = 30;

export class MseReference {
  private readonly window = new SortedWindow(REFERENCE_CAPACITY);
  /** Seconds each smoothed value in the window stands for, oldest first (parallel to its arrival order). */
  private readonly secondsOf = new Float64Array(REFERENCE_CAPACITY);
  private secondsHead = 0;
  private windowS = 0;
  private readonly smooth = new ShortWindow(SMOOTHING_S);
  private reference: number | null = null;
  private sinceRefreshS = REFRESH_EVERY_S;

  /** Pushes one drilling packet's MSE (standing for `readingS` seconds); returns the reference and the relative efficiency. */
  update(msePsi: number | null, readingS = 1): { referenceMsePsi: number | null; efficiencyPercent: number | null } {
    if (msePsi === null || !(msePsi > 0) || !Number.isFinite(msePsi)) return { referenceMsePsi: this.reference, efficiencyPercent: null };
    this.smooth.push(msePsi, readingS);
    const current = this.smooth.mean as number;
    if (this.smooth.coveredS >= SMOOTHING_S) this.pushSmoothed(current, readingS);
    this.sinceRefreshS += readingS;
    if (this.sinceRefreshS >= REFRESH_EVERY_S && this.windowS >= MIN_REFERENCE_S) {
      this.sinceRefreshS = 0;
      this.reference = this.window.percentile(REFERENCE_PERCENTILE);
    }
    if (this.reference === null || this.windowS < MIN_REFERENCE_S) return { referenceMsePsi: null, efficiencyPercent: null };
    return { referenceMsePsi: this.reference, efficiencyPercent: Math.min(100, (this.reference / current) * 100) };
  }

  /** Adds a smoothed value; the oldest leave once the rest still cover the window. */
  private pushSmoothed(msePsi: number, readingS: number): void {
    const w = this.window;
    const cap = w.capacity;
    let leaving = 0;
    while (w.size > leaving && (w.size - leaving === cap || this.windowS + readingS - this.secondsOf[this.secondsHead] >= REFERENCE_WINDOW_S)) {
      this.windowS -= this.secondsOf[this.secondsHead];
      this.secondsHead = (this.secondsHead + 1) % cap;
      leaving++;
    }
    this.secondsOf[(this.secondsHead + w.size - leaving) % cap] = readingS;
    this.windowS += readingS;
    // The last to leave makes room for the new one in one block move (the steady case).
    for (let k = 1; k < leaving; k++) w.shift();
    if (leaving > 0) w.replaceOldest(msePsi);
    else w.push(msePsi);
  }

  /** The bit came off bottom: the smoothing restarts (the trailing reference is kept). */
  offBottom(): void {
    this.smooth.reset();
  }
}
