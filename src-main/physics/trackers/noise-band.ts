// How noisy a well-control reading is on this rig (issue 11): a flow-out paddle reads ±5 gpm
// at 600 gpm where a Coriolis meter reads ±0.5, and pits on a floating rig or with agitators
// running move by barrels an hour with nothing wrong. A single indicator (flow out alone, pit
// rate alone) is only news when it stands clear of that noise, so those rules need
// max(configured warning, 3 × the reading's RMS at steady pumps). Pure: no clock.
import { alphaOver } from '../feed-clock.js';

/** About five minutes of readings set the band (α per second of feed). */
const ALPHA = 1 / 300;
/** A reading beyond this many RMS (a kick building) barely widens the band. */
const OUTSIDE_RMS = 3;
const OUTSIDE_ALPHA = ALPHA / 20;
/** Seconds of readings before the band is trusted. */
const MIN_LEARNED_S = 120;
/** Seconds of readings before the band may say the sensor is quieter than a typical one. */
const CONFIDENT_S = 600;
/**
 * The band learns from readings this many judged seconds old. A kick ramps in over minutes,
 * sitting at one to three RMS the whole time: learned at once, it would widen the band it is
 * judged against (6 to 12 gpm within three minutes of a ramping influx). Delayed, the band at
 * any moment says what the rig's noise was before the last two minutes.
 */
const DELAY_S = 120;
/** Readings the delay can hold: two minutes of a 4 Hz feed (a faster one learns a little early). */
const DELAY_CAPACITY = DELAY_S * 4;

export class NoiseBand {
  private meanSquare = 0;
  private learnedS = 0;
  private readonly delayed = new Float64Array(DELAY_CAPACITY);
  private readonly delayedS = new Float64Array(DELAY_CAPACITY);
  private pending = 0;
  private pendingS = 0;
  private head = 0;

  /**
   * Feeds one reading taken while it can be judged (steady pumps), standing for `readingS`
   * seconds of feed (feed-clock.ts); returns the RMS or null.
   */
  update(value: number | null, judged: boolean, readingS = 1): number | null {
    if (value === null || !Number.isFinite(value) || !judged) return this.rms;
    // The readings wait their turn; those DELAY_S judged seconds older than this one are learned now.
    while (this.pending > 0 && (this.pending === DELAY_CAPACITY || this.pendingS + readingS - this.delayedS[this.head] >= DELAY_S)) {
      this.learn(this.delayed[this.head], this.delayedS[this.head]);
      this.pendingS -= this.delayedS[this.head];
      this.head = this.head + 1 === DELAY_CAPACITY ? 0 : this.head + 1;
      this.pending--;
    }
    const i = (this.head + this.pending) % DELAY_CAPACITY;
    this.delayed[i] = value;
    this.delayedS[i] = readingS;
    this.pending++;
    this.pendingS += readingS;
    return this.rms;
  }

  private learn(value: number, readingS: number): void {
    const rms = this.rms;
    const square = value * value;
    // Until trusted, the plain mean of what came (weighted by seconds); then an EMA.
    const alpha =
      this.learnedS < MIN_LEARNED_S
        ? readingS / (this.learnedS + readingS)
        : alphaOver(rms !== null && Math.abs(value) > OUTSIDE_RMS * rms ? OUTSIDE_ALPHA : ALPHA, readingS);
    this.meanSquare += alpha * (square - this.meanSquare);
    this.learnedS += readingS;
  }

  /**
   * Drops the readings still waiting to be learned: they were taken while a fault built (a kick's
   * ramp in the two minutes before it was advised is not the rig's noise).
   */
  discardPending(): void {
    this.pending = 0;
    this.pendingS = 0;
    this.head = 0;
  }

  /** Root mean square of the reading about zero (its noise and any calibration offset). */
  get rms(): number | null {
    return this.learnedS < MIN_LEARNED_S ? null : Math.sqrt(this.meanSquare);
  }

  /**
   * The RMS, but no less than `typicalRms` until CONFIDENT_S of readings are in: a few minutes of a
   * reading that wanders for tens of seconds at a time (a paddle) hold only a handful of independent
   * swings and under-read its noise (Volve F-9 at 1,170 gpm: 4.2 gpm after the first two minutes
   * against 6 gpm later, and the paddle's next wander was confirmed as a kick). A young band may
   * show the sensor noisier than typical, never quieter. Null while not learned at all.
   */
  rmsNoLessThan(typicalRms: number): number | null {
    const rms = this.rms;
    return rms === null || this.learnedS >= CONFIDENT_S ? rms : Math.max(rms, typicalRms);
  }
}

/** The level a single indicator must pass: the configured warning, or 3 × RMS on a noisy rig. */
export function singleIndicatorLevel(warning: number, rms: number | null): number {
  return rms === null ? warning : Math.max(warning, OUTSIDE_RMS * rms);
}

/** Longest the bands stop learning for one alarm: one standing longer is the rig's new normal, s. */
const LONGEST_PAUSE_S = 900;

/**
 * Whether the noise bands may learn: not while an alarm they would learn stands. A kick held
 * for twenty minutes otherwise became the flow band (5 gpm RMS grew to 45 gpm, the pit bands
 * tenfold) until the kick no longer stood clear of it. Only an advised (verified) fault pauses
 * them: a detection alone is often the rig's own noise, which the bands must learn. Bounded, so
 * an alarm left standing for LONGEST_PAUSE_S lets them learn again. Pure: data time only.
 */
export class NoisePause {
  private sinceMs: number | null = null;

  /** The alarm's state on this packet: 'began' (drop what is queued), 'paused' or 'learning'. */
  update(timeMs: number, alarm: boolean): 'began' | 'paused' | 'learning' {
    if (!alarm) {
      this.sinceMs = null;
      return 'learning';
    }
    if (this.sinceMs === null) {
      this.sinceMs = timeMs;
      return 'began';
    }
    return timeMs - this.sinceMs > LONGEST_PAUSE_S * 1000 ? 'learning' : 'paused';
  }
}
