// Flow out in gpm from the flow paddle's percent (WITS 0128) where the rig sends no flow out in
// gpm: most rigs have only a paddle, and its percent is of its own full scale, not of the flow.
// At steady pumps with the well neither gaining nor losing, returns equal flow in, so the gpm per
// percent is learned there. A paddle is not linear over its range, so each pump rate keeps its
// own calibration (a rate change back to a rate used before needs no new learning). Learning
// holds while the derived balance stands out from zero: a kick or a loss building must not be
// calibrated away. Until a rate's calibration is learned there is no flow out (the pits still
// speak). Pure: time comes from the packets' seconds. status() says which of these holds, for
// the screens and health (reporting only: it changes nothing update() returns).
import type { PaddleStatus } from '../../../src-shared/flow-out.js';

/** Pump rates within this share of each other share a calibration. */
const RATE_BAND_FRACTION = 0.05;
/** Seconds of steady, quiet pumping at a rate before its calibration is used. */
export const PADDLE_LEARN_S = 120;
/** Memory of the calibration (per-second EMA weight): ten minutes, far slower than an influx builds. */
const ALPHA_PER_S = 1 / 600;
/** Fastest learning while a new rate's calibration starts (per-second weight). */
const ALPHA_START_PER_S = 1 / 30;
/** A paddle reading under this percent is a paddle at rest, not a flow to calibrate on. */
export const MIN_PADDLE_PERCENT = 5;
/** Derived balance beyond this share of flow in (when the rig's noise is not learned): hold learning. */
const HOLD_FRACTION_OF_FLOW = 0.03;
/** ... or beyond this many times the rig's learned flow noise. */
const HOLD_NOISE_MULTIPLE = 2;
/** Pump rate bands remembered (a rig uses a handful of rates). */
const MAX_RATES = 16;

interface RateCalibration {
  rateGpm: number;
  gpmPerPercent: number;
  learnedS: number;
}

export class PaddleCalibration {
  private readonly rates: RateCalibration[] = [];
  /** The last update's rate calibration (null: the paddle could not be read), whether learning held, and whether the paddle read under the floor. */
  private lastCal: RateCalibration | null = null;
  private lastHeld = false;
  private lastLow = false;

  /**
   * Flow out (gpm) for this packet from the paddle's percent, or null while this rate's
   * calibration is not learned or the paddle cannot be read. `balanceGpm`: the smoothed derived
   * balance of the packets before (null: none yet); `noiseGpm`: the rig's learned flow noise.
   */
  update(flowInGpm: number | null, paddlePercent: number | null, pumpsSteady: boolean, balanceGpm: number | null, noiseGpm: number | null, readingS: number): number | null {
    this.lastCal = null;
    this.lastHeld = false;
    this.lastLow = paddlePercent !== null && !(paddlePercent >= MIN_PADDLE_PERCENT);
    if (flowInGpm === null || paddlePercent === null || !(flowInGpm > 0) || !(paddlePercent >= MIN_PADDLE_PERCENT)) return null;
    const cal = this.calibrationFor(flowInGpm);
    const holdGpm = noiseGpm !== null ? HOLD_NOISE_MULTIPLE * noiseGpm : HOLD_FRACTION_OF_FLOW * flowInGpm;
    const quiet = balanceGpm === null || Math.abs(balanceGpm) <= holdGpm;
    this.lastCal = cal;
    this.lastHeld = pumpsSteady && !quiet && cal.learnedS >= PADDLE_LEARN_S;
    if (pumpsSteady && (quiet || cal.learnedS < PADDLE_LEARN_S)) {
      const target = flowInGpm / paddlePercent;
      const alphaPerS = cal.learnedS < PADDLE_LEARN_S ? ALPHA_START_PER_S : ALPHA_PER_S;
      const w = 1 - Math.pow(1 - alphaPerS, readingS);
      cal.gpmPerPercent = cal.learnedS === 0 ? target : cal.gpmPerPercent + w * (target - cal.gpmPerPercent);
      cal.learnedS += readingS;
    }
    return cal.learnedS >= PADDLE_LEARN_S ? paddlePercent * cal.gpmPerPercent : null;
  }

  /**
   * The paddle's state after the last update: `pumpsOn`/`pumpsSteady` as the pump tracker says
   * (a paddle at rest with the pumps off, or on its way up while the rate changes, is not faulty).
   */
  status(pumpsOn: boolean, pumpsSteady: boolean): PaddleStatus {
    const cal = this.lastCal;
    let ratesCalibrated = 0;
    for (const c of this.rates) if (c.learnedS >= PADDLE_LEARN_S) ratesCalibrated++;
    const status = (state: PaddleStatus['state'], learnedS: number): PaddleStatus => ({ state, learnedS, learnS: PADDLE_LEARN_S, ratesCalibrated, minPercent: MIN_PADDLE_PERCENT });
    if (!pumpsOn) return status('pumps-off', 0);
    // Under the floor at a steady rate is a paddle to check; on the way up it is only catching up.
    if (!cal) return status(this.lastLow && pumpsSteady ? 'unusable' : 'learning', 0);
    if (cal.learnedS < PADDLE_LEARN_S) return status('learning', cal.learnedS);
    return status(this.lastHeld ? 'holding' : 'calibrated', PADDLE_LEARN_S);
  }

  /** The calibration of this pump rate's band, made (and the oldest forgotten) when new. */
  private calibrationFor(flowInGpm: number): RateCalibration {
    for (const c of this.rates) if (Math.abs(flowInGpm - c.rateGpm) <= RATE_BAND_FRACTION * c.rateGpm) return c;
    const c: RateCalibration = { rateGpm: flowInGpm, gpmPerPercent: 0, learnedS: 0 };
    this.rates.push(c);
    if (this.rates.length > MAX_RATES) this.rates.shift();
    return c;
  }
}
