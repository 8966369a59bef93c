// How noisy a well-control reading is on this rig (issue 11): a flow-out paddle reads ±5 gpm
// at 600 gpm where a Coriolis meter reads ±0.5, and pits on a floating rig or with agitators
// running move by barrels an hour with nothing wrong. A single indicator (flow out alone, pit
// rate alone) is only news when it stands clear of that noise, so those rules need
// max(configured warning, 3 × the reading's RMS at steady pumps). Pure: no clock.

/** About five minutes of 1 Hz samples set the band. */
const ALPHA = 1 / 300;
/** A reading beyond this many RMS (a kick building) barely widens the band. */
const OUTSIDE_RMS = 3;
const OUTSIDE_ALPHA = ALPHA / 20;
/** Samples before the band is trusted. */
const MIN_SAMPLES = 120;
/**
 * The band learns from readings this many judged samples old. A kick ramps in over minutes,
 * sitting at one to three RMS the whole time: learned at once, it would widen the band it is
 * judged against (6 to 12 gpm within three minutes of a ramping influx). Delayed, the band at
 * any moment says what the rig's noise was before the last two minutes.
 */
const DELAY_SAMPLES = 120;

export class NoiseBand {
  private meanSquare = 0;
  private n = 0;
  private readonly delayed = new Float64Array(DELAY_SAMPLES);
  private pending = 0;
  private head = 0;

  /** Feeds one reading taken while it can be judged (steady pumps); returns the RMS or null. */
  update(value: number | null, judged: boolean): number | null {
    if (value === null || !Number.isFinite(value) || !judged) return this.rms;
    // The reading waits its turn; the one DELAY_SAMPLES older is learned now.
    const oldest = this.delayed[this.head];
    this.delayed[this.head] = value;
    this.head = (this.head + 1) % DELAY_SAMPLES;
    if (this.pending < DELAY_SAMPLES) {
      this.pending++;
      return this.rms;
    }
    this.learn(oldest);
    return this.rms;
  }

  private learn(value: number): void {
    const rms = this.rms;
    const square = value * value;
    const alpha = this.n < MIN_SAMPLES ? 1 / (this.n + 1) : rms !== null && Math.abs(value) > OUTSIDE_RMS * rms ? OUTSIDE_ALPHA : ALPHA;
    this.meanSquare += alpha * (square - this.meanSquare);
    this.n++;
  }

  /** Root mean square of the reading about zero (its noise and any calibration offset). */
  get rms(): number | null {
    return this.n < MIN_SAMPLES ? null : Math.sqrt(this.meanSquare);
  }
}

/** The level a single indicator must pass: the configured warning, or 3 × RMS on a noisy rig. */
export function singleIndicatorLevel(warning: number, rms: number | null): number {
  return rms === null ? warning : Math.max(warning, OUTSIDE_RMS * rms);
}
