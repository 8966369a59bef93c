// Flow balance and a smoothed pit rate (DOMAIN §3.5). The reference's two-packet pit rate
// is 0 at 1 Hz (quirk 6); here it is the least-squares slope over a time window.
import { ringSlopePerS } from '../../src-shared/least-squares.js';

/** flow out − flow in (gpm, + = gain side); null unless both sensors report. */
export function flowBalanceGpm(flowInGpm: number | null, flowOutGpm: number | null): number | null {
  if (flowInGpm === null || flowOutGpm === null) return null;
  return flowOutGpm - flowInGpm;
}

/** A flow balance of 1 gpm fills or drains the pits at 60/42 bbl/hr. */
export const BBL_HR_PER_GPM = 60 / 42;
/** Pit noise the flow balance need not explain (agitators, a ripple on the float), bbl/hr. */
const PIT_RATE_MARGIN_BBL_HR = 10;
/** A paddle's noise where this rig's is not learned yet (±5 gpm at 600 gpm, trackers/noise-band.ts). */
export const TYPICAL_PADDLE_NOISE_GPM = 5;
const TYPICAL_PADDLE_RATE_GPM = 600;

/**
 * The paddle noise to assume before this rig's is learned (the first minutes after a start): a
 * paddle reads a share of the flow, so its wander grows with the rate (±10 gpm at 1,200 gpm). A
 * cold start at a high rate otherwise took the paddle's first wander, with the pits moving, for a
 * kick (Volve F-9 at 1,170 gpm: 7.5 gpm held against 5 gpm assumed).
 */
export function assumedPaddleNoiseGpm(flowInGpm: number | null): number {
  return TYPICAL_PADDLE_NOISE_GPM * Math.max(1, (flowInGpm ?? 0) / TYPICAL_PADDLE_RATE_GPM);
}
/** How far the paddle may under-read a real change (a paddle is not a meter). */
const PADDLE_UNDER_READ = 2;

/**
 * Returns and pits are one system: what comes out of the well beyond what goes in lands in the
 * pits. A pit moving much faster than the flow balance can explain, with the flow-out sensor
 * reading, is being filled or emptied at surface (a transfer, a tank lined up, mixing), not by
 * the well; it is no evidence of a kick or a loss. The allowance covers the paddle's noise and
 * its habit of under-reading.
 */
export function pitRateFromWell(pitRateBblHr: number, flowBalanceGpm: number, flowNoiseGpm: number | null): boolean {
  const explainedGpm = PADDLE_UNDER_READ * Math.abs(flowBalanceGpm) + 3 * (flowNoiseGpm ?? TYPICAL_PADDLE_NOISE_GPM);
  return Math.abs(pitRateBblHr) <= BBL_HR_PER_GPM * explainedGpm + PIT_RATE_MARGIN_BBL_HR;
}

/**
 * Two sensors agreeing on a small influx or loss agree on its size too: the pits move no faster
 * than the flow balance could explain with the paddle under-reading, plus the pits' own noise.
 * (Mud being added to the active system while the paddle happens to sit one RMS high moves the
 * pits several times faster than that flow.)
 */
export function pitsMatchFlow(pitRateBblHr: number, flowBalanceGpm: number, pitRateNoiseBblHr: number): boolean {
  return Math.abs(pitRateBblHr) <= BBL_HR_PER_GPM * PADDLE_UNDER_READ * Math.abs(flowBalanceGpm) + 3 * pitRateNoiseBblHr;
}

export interface PitTrendResult {
  /** Least-squares slope of pit volume over the window, bbl/hr. */
  rateBblHr: number;
  /** Volume now − volume at the start of the window, bbl. */
  gainBbl: number;
  samples: number;
  spanS: number;
}

/**
 * Pit volume samples over the last `windowS` seconds in a fixed ring (no allocation per
 * packet). `reset()` drops the window, e.g. when the pumps start or stop: line fill and
 * flow-back move mud between pits and the flow line and are not a gain or a loss.
 */
export class PitTrend {
  private readonly times: Float64Array;
  private readonly volumes: Float64Array;
  private head = 0;
  private count = 0;
  private readonly result: PitTrendResult = { rateBblHr: 0, gainBbl: 0, samples: 0, spanS: 0 };

  constructor(
    readonly windowS = 90,
    /** Less than this much time in the window → not enough data. */
    readonly minSpanS = 20,
    readonly minSamples = 5,
    capacity = 1024,
  ) {
    this.times = new Float64Array(capacity);
    this.volumes = new Float64Array(capacity);
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
  }

  get samples(): number {
    return this.count;
  }

  /** Adds a sample (time in ms) and drops those older than the window. */
  push(timeMs: number, pitBbl: number): void {
    const cap = this.times.length;
    if (this.count > 0) {
      const lastT = this.times[(this.head + this.count - 1) % cap];
      // Time going backwards (replay restart, clock step): start over rather than fit nonsense.
      if (timeMs < lastT) this.reset();
    }
    if (this.count === cap) {
      this.head = (this.head + 1) % cap;
      this.count--;
    }
    const idx = (this.head + this.count) % cap;
    this.times[idx] = timeMs;
    this.volumes[idx] = pitBbl;
    this.count++;
    const cutoff = timeMs - this.windowS * 1000;
    while (this.count > 1 && this.times[this.head] < cutoff) {
      this.head = (this.head + 1) % cap;
      this.count--;
    }
  }

  /**
   * Volume now − volume at the start of the window (bbl), without the regression; null with
   * too few samples or too short a span. Cheap enough for a long window on every packet.
   */
  gainBbl(): number | null {
    const cap = this.times.length;
    if (this.count < this.minSamples) return null;
    const last = (this.head + this.count - 1) % cap;
    if ((this.times[last] - this.times[this.head]) / 1000 < this.minSpanS) return null;
    return this.volumes[last] - this.volumes[this.head];
  }

  /**
   * Rate and gain over the window; null with too few samples or too short a span.
   * The returned object is reused: copy the numbers out.
   */
  compute(): PitTrendResult | null {
    const cap = this.times.length;
    if (this.count < this.minSamples) return null;
    const t0 = this.times[this.head];
    const tN = this.times[(this.head + this.count - 1) % cap];
    const spanS = (tN - t0) / 1000;
    if (spanS < this.minSpanS) return null;
    this.result.rateBblHr = ringSlopePerS(this.times, this.volumes, this.head, this.count) * 3600;
    this.result.gainBbl = this.volumes[(this.head + this.count - 1) % cap] - this.volumes[this.head];
    this.result.samples = this.count;
    this.result.spanS = spanS;
    return this.result;
  }
}
