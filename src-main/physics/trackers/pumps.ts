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
  /** Seconds since the pumps came on from off (0 while off). */
  onForS: number;
  /**
   * Which way the last rate change while circulating went (+1 up, -1 down), or 0 when unknown:
   * none yet, from off, or against a change the other way shortly before (the line is still
   * moving both ways).
   */
  lastStepSign: number;
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
/**
 * A slow ramp is a change too: the reference follows it, but returns lag flow in all the way
 * (the flow line drains as the rate comes down, fills as it goes up), which reads as a gain or
 * a loss on the paddle and in the pits together. A rate that moved by the tolerance within
 * this many seconds is a pump change.
 */
const RAMP_LOOKBACK_MS = 30_000;
const RAMP_RING = 64;
/** A step change takes the pumps a few seconds: the ramp check starts after it. */
const STEP_SETTLE_MS = 10_000;
/** Two rate changes the opposite way within this long leave the flow line's transient mixed. */
const MIXED_STEPS_MS = 120_000;

export class PumpTracker {
  private readonly rate: ShortWindow;
  private readonly reference = new EmaBaseline(PUMP_RATE_REFERENCE);
  private wasOn = false;
  private steadySinceMs = Number.NEGATIVE_INFINITY;
  private onSinceMs = Number.NEGATIVE_INFINITY;
  /** Recent smoothed rates with their times, for the ramp check. */
  private readonly recentTimes = new Float64Array(RAMP_RING);
  private readonly recentRates = new Float64Array(RAMP_RING);
  private recentHead = 0;
  private recentCount = 0;
  private stepSign = 0;
  private stepAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly settleMs: number,
    smoothingS: number,
  ) {
    this.rate = new ShortWindow(smoothingS);
  }

  /** `readingS`: the seconds of feed the packet stands for (feed-clock.ts). */
  update(packet: WitsPacket, circulationFlowMinGpm: number, readingS = 1): PumpReading {
    const t = packet.timeMs;
    const flowIn = packet.flowInGpm;
    const pumpRate = flowIn ?? packet.pumpSpm;
    const pumpsOn = flowIn !== null ? flowIn >= circulationFlowMinGpm : packet.pumpSpm !== null && packet.pumpSpm > 0;
    let pumpChanged = pumpsOn !== this.wasOn;
    if (pumpsOn && !this.wasOn) {
      this.onSinceMs = t;
      this.stepSign = 0;
    }
    if (pumpRate !== null && pumpsOn) {
      this.rate.push(pumpRate, readingS);
      const ref = this.reference.current;
      const shortMean = this.rate.mean as number;
      const tol = flowIn !== null ? Math.max(MIN_RATE_CHANGE_GPM, MIN_RATE_CHANGE_FRACTION * (ref ?? 0)) : MIN_RATE_CHANGE_SPM;
      const stepped = ref !== null ? shortMean - ref : 0;
      const ramped = t - this.steadySinceMs >= STEP_SETTLE_MS ? this.rampedBy(t, shortMean) : 0;
      const moved = Math.abs(stepped) > tol ? stepped : Math.abs(ramped) > tol ? ramped : 0;
      if (moved !== 0) {
        pumpChanged = true;
        if (this.wasOn) this.noteStep(Math.sign(moved), t);
      }
      this.reference.update(pumpRate, false, readingS);
    }
    if (pumpChanged) {
      this.steadySinceMs = t;
      if (pumpRate !== null && pumpsOn) {
        this.reference.reset();
        this.rate.reset();
        this.rate.push(pumpRate, readingS);
        this.reference.update(pumpRate, false, readingS);
      }
      this.recentCount = 0;
    }
    this.wasOn = pumpsOn;
    const steadyForS = pumpsOn ? Math.max(0, (t - this.steadySinceMs) / 1000) : 0;
    const onForS = pumpsOn ? Math.max(0, (t - this.onSinceMs) / 1000) : 0;
    return { pumpsOn, pumpsSteady: pumpsOn && t - this.steadySinceMs >= this.settleMs, pumpChanged, steadyForS, onForS, lastStepSign: pumpsOn ? this.stepSign : 0 };
  }

  /** A ramp is many changes the same way; one the other way soon after mixes the transient. */
  private noteStep(sign: number, timeMs: number): void {
    const against = this.stepSign !== 0 && sign !== this.stepSign && timeMs - this.stepAtMs < MIXED_STEPS_MS;
    this.stepSign = against ? 0 : sign;
    this.stepAtMs = timeMs;
  }

  /** How far (signed) the smoothed rate moved over the last RAMP_LOOKBACK_MS (0 until that much is kept). */
  private rampedBy(timeMs: number, rate: number): number {
    let i = (this.recentHead + RAMP_RING - this.recentCount) % RAMP_RING;
    while (this.recentCount > 1 && timeMs - this.recentTimes[(i + 1) % RAMP_RING] >= RAMP_LOOKBACK_MS) {
      i = (i + 1) % RAMP_RING;
      this.recentCount--;
    }
    const moved = this.recentCount > 0 && timeMs - this.recentTimes[i] >= RAMP_LOOKBACK_MS ? rate - this.recentRates[i] : 0;
    // One sample a second is enough, and keeps the lookback within the ring at any feed rate.
    const newest = (this.recentHead + RAMP_RING - 1) % RAMP_RING;
    if (this.recentCount > 0 && timeMs - this.recentTimes[newest] < 1000) return moved;
    if (this.recentCount === RAMP_RING) this.recentCount--;
    this.recentTimes[this.recentHead] = timeMs;
    this.recentRates[this.recentHead] = rate;
    this.recentHead = (this.recentHead + 1) % RAMP_RING;
    this.recentCount++;
    return moved;
  }
}

/**
 * Pits are read as the well's once the flow line has settled after the last pump change. From
 * off, the line fills from empty (`flowbackSettleS`); a rate change while circulating only moves
 * the difference between two levels in it, and settles in half the time.
 */
export function pitsSettledAfter(pumps: PumpReading, flowbackSettleS: number): boolean {
  const fromOff = pumps.onForS - pumps.steadyForS < 1;
  return pumps.pumpsSteady && pumps.steadyForS >= (fromOff ? flowbackSettleS : flowbackSettleS / 2);
}

/** Whether the pits can be read as evidence of a gain and of a loss. */
export interface PitsReadable {
  gain: boolean;
  loss: boolean;
}

/**
 * Before the flow line settles after a rate change, the pits still move one known way: a rate
 * up fills the line from the pits (they fall), a rate down drains it into them (they rise).
 * The other way the transient only works against a reading, so a pit gain after a rate up (a
 * loss after a rate down) is the well's, once the pump rate itself is steady again.
 */
export function pitsReadableAfter(pumps: PumpReading, pitsSettled: boolean): PitsReadable {
  if (pitsSettled) return { gain: true, loss: true };
  const steadyChange = pumps.pumpsSteady && pumps.onForS - pumps.steadyForS >= 1;
  return { gain: steadyChange && pumps.lastStepSign > 0, loss: steadyChange && pumps.lastStepSign < 0 };
}
