// MSE efficiency as the detector judges it: a ~10 s average, only once drilling is established
// (the bit re-establishing its cut after a connection is not inefficiency) and only with the
// weight on (tagging bottom makes MSE meaningless until it is).
import { ShortWindow } from '../ema.js';

/** WOB this far below its drilling baseline means the driller is still putting weight on. */
export const WEIGHT_ON_FRACTION = -0.15;
const JUDGED_WINDOW_PACKETS = 10;
const MIN_JUDGED_PACKETS = 5;

export class EfficiencyJudge {
  private readonly window = new ShortWindow(JUDGED_WINDOW_PACKETS);
  private drillingSinceMs = Number.NEGATIVE_INFINITY;
  private wasDrilling = false;

  constructor(private readonly settleMs: number) {}

  /** The efficiency to judge, % (null while settling or without weight on). */
  update(timeMs: number, drilling: boolean, wobRiseFraction: number | null, efficiencyPercent: number | null): number | null {
    if (drilling && !this.wasDrilling) {
      this.drillingSinceMs = timeMs;
      this.window.reset();
    }
    this.wasDrilling = drilling;
    const weightOn = wobRiseFraction === null || wobRiseFraction > WEIGHT_ON_FRACTION;
    if (drilling && weightOn && timeMs - this.drillingSinceMs >= this.settleMs && efficiencyPercent !== null) {
      this.window.push(efficiencyPercent);
      return this.window.n >= MIN_JUDGED_PACKETS ? this.window.mean : null;
    }
    if (!weightOn) this.window.reset();
    return null;
  }
}
