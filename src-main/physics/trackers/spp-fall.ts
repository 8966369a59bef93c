// SPP falling at a held operating point: the erosion signature of a washout (DOMAIN §3.8). A
// hole cut through the string or a bit nozzle grows as mud erodes it, so SPP keeps falling at
// an unchanged pump rate. The baseline delta cannot see this when the driller has just changed
// the pump rate (SPP then follows the flow, and the baseline starts over) or taken weight off
// (on a mud motor the differential pressure follows the bit load). The fall within the current
// held stretch needs neither: at the same flow, with the bit load (WOB and torque) not taken
// off, nothing but a growing flow area lowers SPP steadily for most of a minute. A level that
// stepped and stays (a motor stall clearing, a pump swap) is not a steady fall: the fall must be
// a straight line and run through both halves of the window. Pure.

import { SPP_JUDGES_AFTER_S } from '../detection.js';

/** Long enough to tell a steady fall from a step through SPP noise, short enough to fit between pump changes. */
export const SPP_FALL_WINDOW_S = 50;
/** Share of the window the held stretch must cover before its fall is read. */
const MIN_SPAN_FRACTION = 0.75;
/** Fewest readings in the window (at 1 Hz the window holds 45-60). */
const MIN_READINGS = 10;
/** Pump rate spread (max - min, share of its mean) that still counts as one rate. */
const FLOW_HELD_FRACTION = 0.03;
/** WOB or torque down by more than this share lowers a motor's differential pressure: not a held load. */
const LOAD_OFF_FRACTION = 0.1;
/** How straight the fall must be (a step reads well below this over a minute). */
const MIN_R2 = 0.9;
/** Share of the fall each half of the window must carry (a step carries it all in one half). */
const HALF_SHARE = 0.25;

export interface SppFall {
  /** SPP fall over the window by the least-squares line, psi (positive = falling). */
  fallPsi: number;
  r2: number;
  spanS: number;
}

/** One reading of the held stretch; time in seconds. */
export interface HeldSppReading {
  timeS: number;
  sppPsi: number;
  flowGpm: number;
  wobKlbf: number | null;
  torqueKftLbf: number | null;
}

// The readings' getters, made once (not a closure per packet).
const SPP = (r: HeldSppReading): number => r.sppPsi;
const WOB = (r: HeldSppReading): number | null => r.wobKlbf;
const TORQUE = (r: HeldSppReading): number | null => r.torqueKftLbf;

/**
 * The steady SPP fall over `rows` (oldest first) when the pump rate and bit load were held and
 * the fall is straight and progressive; null otherwise.
 */
export function heldSppFall(rows: readonly HeldSppReading[]): SppFall | null {
  const n = rows.length;
  if (n < MIN_READINGS) return null;
  const spanS = rows[n - 1].timeS - rows[0].timeS;
  if (spanS < MIN_SPAN_FRACTION * SPP_FALL_WINDOW_S) return null;
  if (!flowHeld(rows)) return null;
  const k = Math.max(3, Math.floor(n / 6));
  if (loadTakenOff(rows, k, WOB) || loadTakenOff(rows, k, TORQUE)) return null;
  const fit = timeFit(rows);
  const fallPsi = -fit.slope * spanS;
  if (!(fallPsi > 0) || fit.r2 < MIN_R2) return null;
  const first = meanOf(rows, 0, k, SPP);
  const mid = meanOf(rows, (n - k) >> 1, ((n - k) >> 1) + k, SPP);
  const lastV = meanOf(rows, n - k, n, SPP);
  if (first === null || mid === null || lastV === null) return null;
  if (first - mid < HALF_SHARE * fallPsi || mid - lastV < HALF_SHARE * fallPsi) return null;
  return { fallPsi, r2: fit.r2, spanS };
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

/** The load's newest k readings are down on its oldest k by more than LOAD_OFF_FRACTION (unknown: not off). */
function loadTakenOff(rows: readonly HeldSppReading[], k: number, get: (r: HeldSppReading) => number | null): boolean {
  const before = meanOf(rows, 0, k, get);
  const now = meanOf(rows, rows.length - k, rows.length, get);
  return before !== null && now !== null && before > 0 && now / before - 1 < -LOAD_OFF_FRACTION;
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

/** Least squares of SPP on time (readings need not be evenly spaced). */
function timeFit(rows: readonly HeldSppReading[]): { slope: number; r2: number } {
  const n = rows.length;
  const t0 = rows[0].timeS;
  let mx = 0;
  let my = 0;
  for (const r of rows) {
    mx += r.timeS - t0;
    my += r.sppPsi;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rows) {
    const dx = r.timeS - t0 - mx;
    const dy = r.sppPsi - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0) return { slope: 0, r2: 0 };
  return { slope: sxy / sxx, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 0 };
}

/**
 * Whether the pumps allow a fall to be read: at a steady rate, and not just started from off.
 * Gelled mud breaks down over the first minutes of circulation after a connection, and SPP
 * falls with it; a rate change with the mud already moving has no gel to break.
 */
export function sppFallReadable(pumps: { pumpsSteady: boolean; onForS: number }): boolean {
  return pumps.pumpsSteady && pumps.onForS >= SPP_JUDGES_AFTER_S;
}

/**
 * The held stretch, packet by packet: readings while on bottom at steady pumps, started over
 * whenever that stops, trimmed to the last SPP_FALL_WINDOW_S.
 */
export class SppFallTracker {
  private readonly rows: HeldSppReading[] = [];

  update(timeMs: number, sppPsi: number | null, flowGpm: number | null, wobKlbf: number | null, torqueKftLbf: number | null, held: boolean): SppFall | null {
    if (!held || sppPsi === null || !(sppPsi > 0) || flowGpm === null || !(flowGpm > 0)) {
      this.rows.length = 0;
      return null;
    }
    const timeS = timeMs / 1000;
    // Time going backwards (a replay restarted, a clock step): start over, or the window never trims.
    if (this.rows.length > 0 && timeS < this.rows[this.rows.length - 1].timeS) this.rows.length = 0;
    this.rows.push({ timeS, sppPsi, flowGpm, wobKlbf, torqueKftLbf });
    while (this.rows.length > 1 && timeS - this.rows[0].timeS > SPP_FALL_WINDOW_S) this.rows.shift();
    return heldSppFall(this.rows);
  }
}
