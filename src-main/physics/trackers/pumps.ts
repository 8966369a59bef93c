// Pump state: on or off, and whether the rate has been steady long enough for flows, pits and
// SPP to be judged (line fill, flow-back and a new SPP level follow any pump change).
import type { WitsPacket } from '../../../src-shared/wits.js';
import { EmaBaseline, PUMP_RATE_REFERENCE, ShortWindow } from '../ema.js';

export interface PumpReading {
  pumpsOn: boolean;
  /** On, and at a steady rate for the settle time. */
  pumpsSteady: boolean;
  /** Started, stopped or changed rate on this packet: rate-dependent state starts over. */
  pumpChanged: boolean;
  /** Seconds at the present steady rate (0 while off or just changed). */
  steadyForS: number;
}

/**
 * A rate change of 10 gpm (or 2 spm) is a pump change: flow out lags flow in and the flow line
 * fills or drains, so returns and pits need time to follow. (Small steps matter at any rate: a
 * 20 gpm step at 1,100 gpm lags into a 20 gpm "imbalance" for seconds.)
 */
const MIN_RATE_CHANGE_GPM = 10;
/** ... or 2 % of the rate: a pump at 1,200 gpm wanders by more than 10 gpm without a change. */
const MIN_RATE_CHANGE_FRACTION = 0.02;
const MIN_RATE_CHANGE_SPM = 2;

export class PumpTracker {
  private readonly rate: ShortWindow;
  private readonly reference = new EmaBaseline(PUMP_RATE_REFERENCE);
  private wasOn = false;
  private steadySinceMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly settleMs: number,
    smoothingPackets: number,
  ) {
    this.rate = new ShortWindow(smoothingPackets);
  }

  update(packet: WitsPacket, circulationFlowMinGpm: number): PumpReading {
    const t = packet.timeMs;
    const flowIn = packet.flowInGpm;
    const pumpRate = flowIn ?? packet.pumpSpm;
    const pumpsOn = flowIn !== null ? flowIn >= circulationFlowMinGpm : packet.pumpSpm !== null && packet.pumpSpm > 0;
    let pumpChanged = pumpsOn !== this.wasOn;
    if (pumpRate !== null && pumpsOn) {
      this.rate.push(pumpRate);
      const ref = this.reference.current;
      const shortMean = this.rate.mean as number;
      const tol = flowIn !== null ? Math.max(MIN_RATE_CHANGE_GPM, MIN_RATE_CHANGE_FRACTION * (ref ?? 0)) : MIN_RATE_CHANGE_SPM;
      if (ref !== null && Math.abs(shortMean - ref) > tol) pumpChanged = true;
      this.reference.update(pumpRate);
    }
    if (pumpChanged) {
      this.steadySinceMs = t;
      if (pumpRate !== null && pumpsOn) {
        this.reference.reset();
        this.rate.reset();
        this.rate.push(pumpRate);
        this.reference.update(pumpRate);
      }
    }
    this.wasOn = pumpsOn;
    const steadyForS = pumpsOn ? Math.max(0, (t - this.steadySinceMs) / 1000) : 0;
    return { pumpsOn, pumpsSteady: pumpsOn && t - this.steadySinceMs >= this.settleMs, pumpChanged, steadyForS };
  }
}
