// SPP moving steadily at a held operating point (DOMAIN §3.7, §3.8). Falling: the erosion
// signature of a washout; a hole cut through the string or a bit nozzle grows as mud erodes it,
// so SPP keeps falling at an unchanged pump rate. Rising: the annulus loading up or a nozzle
// plugging (a pack-off read where torque cannot be). The baseline delta cannot see either when
// the driller has just changed the pump rate (SPP then follows the flow, and the baseline starts
// over) or the bit load (on a mud motor the differential pressure follows it). The trend within
// the current held stretch needs neither: at the same flow, with the bit load not moved the way
// that explains it (taken off for a fall, put on for a rise), nothing but a changing flow area
// moves SPP steadily for most of a minute. A level that stepped and stays (a motor stall
// clearing, a pump swap) is not a steady trend: the change must be a straight line and run
// through both halves of the window. Pure.

import { SPP_JUDGES_AFTER_S } from '../detection.js';

/** Long enough to tell a steady trend from a step through SPP noise, short enough to fit between pump changes. */
export const SPP_HELD_WINDOW_S = 50;
/** Share of the window the held stretch must cover before its trend is read. */
const MIN_SPAN_FRACTION = 0.75;
/** Fewest readings in the window (at 1 Hz the window holds 45-60). */
const MIN_READINGS = 10;
/** Pump rate spread (max - min, share of its mean) that still counts as one rate. */
const FLOW_HELD_FRACTION = 0.03;
/** WOB (or torque) moved by more than this share moves a motor's differential pressure: not a held load. */
const LOAD_STEP_FRACTION = 0.1;
/** How straight the trend must be (a step reads well below this over a minute). */
const MIN_R2 = 0.9;
/** Share of the change each half of the window must carry (a step carries it all in one half). */
const HALF_SHARE = 0.25;

export interface SppHeldTrend {
  /** SPP change over the window by the least-squares line, psi (+ = rising). */
  changePsi: number;
  r2: number;
  spanS: number;
  /**
   * Torque's least-squares change over the same readings as a share of its mean (+ = rising),
   * with how straight it is; null where torque is not read. A pack-off loads both together.
   */
  torque: { changeFraction: number; r2: number } | null;
  /**
   * ROP's least-squares fall over the same readings as a share of its mean (+ = falling); null
   * where ROP is not read. A packing annulus slows the bit within the same minute.
   */
  ropFallFraction: number | null;
}

/** One reading of the held stretch; time in seconds. */
export interface HeldSppReading {
  timeS: number;
  sppPsi: number;
  flowGpm: number;
  wobKlbf: number | null;
  torqueKftLbf: number | null;
  ropFtHr: number | null;
}

// The readings' getters, made once (not a closure per packet).
const SPP = (r: HeldSppReading): number => r.sppPsi;
const WOB = (r: HeldSppReading): number | null => r.wobKlbf;
const TORQUE = (r: HeldSppReading): number | null => r.torqueKftLbf;
const ROP = (r: HeldSppReading): number | null => r.ropFtHr;

/**
 * The steady SPP change over `rows` (oldest first) when the pump rate was held, the bit load did
 * not move the way that explains it, and the change is straight and progressive; null otherwise.
 */
export function heldSppTrend(rows: readonly HeldSppReading[]): SppHeldTrend | null {
  const n = rows.length;
  if (n < MIN_READINGS) return null;
  const spanS = rows[n - 1].timeS - rows[0].timeS;
  if (spanS < MIN_SPAN_FRACTION * SPP_HELD_WINDOW_S) return null;
  if (!flowHeld(rows)) return null;
  const fit = timeFit(rows, SPP);
  const changePsi = fit.slope * spanS;
  if (changePsi === 0 || fit.r2 < MIN_R2) return null;
  const k = Math.max(3, Math.floor(n / 6));
  // Weight or torque coming off lowers a motor's pressure; weight going on raises it. Torque
  // rising is itself a pack-off sign, so only the weight can explain a rise.
  const explained = changePsi < 0 ? loadMoved(rows, k, WOB, -1) || loadMoved(rows, k, TORQUE, -1) : loadMoved(rows, k, WOB, 1);
  if (explained) return null;
  const first = meanOf(rows, 0, k, SPP);
  const mid = meanOf(rows, (n - k) >> 1, ((n - k) >> 1) + k, SPP);
  const lastV = meanOf(rows, n - k, n, SPP);
  if (first === null || mid === null || lastV === null) return null;
  const share = HALF_SHARE * Math.abs(changePsi);
  const sign = Math.sign(changePsi);
  if (sign * (mid - first) < share || sign * (lastV - mid) < share) return null;
  const rop = channelTrend(rows, spanS, ROP);
  return { changePsi, r2: fit.r2, spanS, torque: channelTrend(rows, spanS, TORQUE), ropFallFraction: rop === null ? null : -rop.changeFraction };
}

/** A reading's change over the readings as a share of its mean, where enough of them read it. */
function channelTrend(rows: readonly HeldSppReading[], spanS: number, get: (r: HeldSppReading) => number | null): { changeFraction: number; r2: number } | null {
  const read = rows.filter((r) => { const v = get(r); return v !== null && Number.isFinite(v); });
  if (read.length < MIN_READINGS) return null;
  const mean = meanOf(read, 0, read.length, get) as number;
  if (!(mean > 0)) return null;
  const fit = timeFit(read, get as (r: HeldSppReading) => number);
  return { changeFraction: (fit.slope * spanS) / mean, r2: fit.r2 };
}

/** The steady fall a washout is read from, psi positive (null: none). */
export function heldSppFall(rows: readonly HeldSppReading[]): { fallPsi: number; r2: number; spanS: number } | null {
  const trend = heldSppTrend(rows);
  return trend !== null && trend.changePsi < 0 ? { fallPsi: -trend.changePsi, r2: trend.r2, spanS: trend.spanS } : null;
}

function flowHeld(rows: readonly HeldSppReading[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  for (const r of rows) {
    lo = Math.min(lo, r.flowGpm);
    hi = Math.max(hi, r.flowGpm);
    sum += r.flowGpm;
  }
  return hi - lo <= FLOW_HELD_FRACTION * (sum / rows.length);
}

/** The load's newest k readings moved from its oldest k by more than LOAD_STEP_FRACTION in `direction` (unknown: not moved). */
function loadMoved(rows: readonly HeldSppReading[], k: number, get: (r: HeldSppReading) => number | null, direction: 1 | -1): boolean {
  const before = meanOf(rows, 0, k, get);
  const now = meanOf(rows, rows.length - k, rows.length, get);
  return before !== null && now !== null && before > 0 && direction * (now / before - 1) > LOAD_STEP_FRACTION;
}

function meanOf(rows: readonly HeldSppReading[], from: number, to: number, get: (r: HeldSppReading) => number | null): number | null {
  let sum = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = get(rows[i]);
    if (v !== null && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : null;
}

/** Least squares of a reading on time (readings need not be evenly spaced). */
function timeFit(rows: readonly HeldSppReading[], get: (r: HeldSppReading) => number): { slope: number; r2: number } {
  const n = rows.length;
  const t0 = rows[0].timeS;
  let mx = 0;
  let my = 0;
  for (const r of rows) {
    mx += r.timeS - t0;
    my += get(r);
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rows) {
    const dx = r.timeS - t0 - mx;
    const dy = get(r) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0) return { slope: 0, r2: 0 };
  return { slope: sxy / sxx, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 0 };
}

/**
 * Whether the pumps allow a trend to be read: at a steady rate, and not just started from off.
 * Gelled mud breaks down over the first minutes of circulation after a connection, and SPP
 * falls with it; a rate change with the mud already moving has no gel to break.
 */
export function sppTrendReadable(pumps: { pumpsSteady: boolean; onForS: number }): boolean {
  return pumps.pumpsSteady && pumps.onForS >= SPP_JUDGES_AFTER_S;
}

/**
 * The held stretch, packet by packet: readings while on bottom at steady pumps, started over
 * whenever that stops, trimmed to the last SPP_HELD_WINDOW_S.
 */
export class SppHeldTrendTracker {
  private readonly rows: HeldSppReading[] = [];

  update(timeMs: number, sppPsi: number | null, flowGpm: number | null, wobKlbf: number | null, torqueKftLbf: number | null, ropFtHr: number | null, held: boolean): SppHeldTrend | null {
    if (!held || sppPsi === null || !(sppPsi > 0) || flowGpm === null || !(flowGpm > 0)) {
      this.rows.length = 0;
      return null;
    }
    const timeS = timeMs / 1000;
    // Time going backwards (a replay restarted, a clock step): start over, or the window never trims.
    if (this.rows.length > 0 && timeS < this.rows[this.rows.length - 1].timeS) this.rows.length = 0;
    this.rows.push({ timeS, sppPsi, flowGpm, wobKlbf, torqueKftLbf, ropFtHr });
    while (this.rows.length > 1 && timeS - this.rows[0].timeS > SPP_HELD_WINDOW_S) this.rows.shift();
    return heldSppTrend(this.rows);
  }
}
