// MSE efficiency as the detector judges it: a ~10 s average, only once drilling is established
// (the bit re-establishing its cut after a connection is not inefficiency) and only with the
// weight on (tagging bottom makes MSE meaningless until it is). Windows in seconds of feed.
import { ShortWindow } from '../ema.js';

/** WOB this far below its drilling baseline means the driller is still putting weight on. */
export const WEIGHT_ON_FRACTION = -0.15;
const JUDGED_WINDOW_S = 10;
/** Seconds of readings in the window before it is judged, and the fewest readings (a sparse feed). */
const MIN_JUDGED_S = 5;
const MIN_JUDGED_READINGS = 3;

export class EfficiencyJudge {
  private readonly window = new ShortWindow(JUDGED_WINDOW_S);
  private drillingSinceMs = Number.NEGATIVE_INFINITY;
  private wasDrilling = false;

  constructor(private readonly settleMs: number) {}

  /** The efficiency to judge, % (null while settling or without weight on). `readingS`: the seconds the packet stands for. */
  update(timeMs: number, drilling: boolean, wobRiseFraction: number | null, efficiencyPercent: number | null, readingS = 1): number | null {
    if (drilling && !this.wasDrilling) {
      this.drillingSinceMs = timeMs;
      this.window.reset();
    }
    this.wasDrilling = drilling;
    const weightOn = wobRiseFraction === null || wobRiseFraction > WEIGHT_ON_FRACTION;
    if (drilling && weightOn && timeMs - this.drillingSinceMs >= this.settleMs && efficiencyPercent !== null) {
      this.window.push(efficiencyPercent, readingS);
      return this.window.coveredS >= MIN_JUDGED_S && this.window.n >= MIN_JUDGED_READINGS ? this.window.mean : null;
    }
    if (!weightOn) this.window.reset();
    return null;
  }
}
