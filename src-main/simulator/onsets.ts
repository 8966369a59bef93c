// Where in a recording a fault can honestly start: drilling faults on bottom with the pumps
// on, a trip-tank gain while the pipe moves with the pumps off. Pure.
import type { BaseRecording } from './base-recording.js';
import { FAULT_PROFILES } from './fault-profiles.js';
import { PUMPS_ON_GPM } from './synthesise.js';

const nanOr = (a: Float64Array | undefined, k: number, fallback: number): number => {
  const v = a ? a[k] : NaN;
  return Number.isNaN(v) ? fallback : v;
};

/** 1 for each second drilling on bottom (ROP, WOB and rotation, pumps on where flow in is recorded). */
export function drillingSeconds(rec: BaseRecording): Uint8Array {
  const c = rec.channels;
  const out = new Uint8Array(rec.lengthS);
  for (let k = 0; k < rec.lengthS; k++) {
    if (!rec.present[k]) continue;
    const on =
      nanOr(c.ropFtHr, k, 0) > 0.5 && nanOr(c.wobKlbf, k, 0) > 1 && nanOr(c.rpm, k, 0) > 5 && nanOr(c.flowInGpm, k, PUMPS_ON_GPM) >= PUMPS_ON_GPM;
    out[k] = on ? 1 : 0;
  }
  return out;
}

/** Of the seconds a drilling fault ramps in over, at least this share must be drilling (a stand's connection is not). */
const ON_BOTTOM_THROUGH_SHARE = 0.9;

/**
 * The drilling seconds from which the rig stays drilling for the next `windowS` (the fault's ramp),
 * brief stops aside. A fault that starts a minute before a connection cannot be seen until the
 * bit is back on bottom minutes later: its "latency" would time the connection, not the detector.
 * A time log with connections (as a rig's own log has them) otherwise puts onsets there by chance.
 */
export function drillingThrough(drilling: Uint8Array, windowS: number, share = ON_BOTTOM_THROUGH_SHARE): Uint8Array {
  const n = drilling.length;
  // Prefix sums: drilling seconds in [k, k + windowS) in O(1).
  const sum = new Uint32Array(n + 1);
  for (let k = 0; k < n; k++) sum[k + 1] = sum[k] + drilling[k];
  const out = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (!drilling[k]) continue;
    const end = Math.min(n, k + windowS);
    out[k] = end - k === windowS && sum[end] - sum[k] >= share * windowS ? 1 : 0;
  }
  return out;
}

/** Onsets are shared by every drilling fault: the rig must stay on bottom through the longest ramp. */
const LONGEST_DRILLING_RAMP_S = Math.max(...Object.values(FAULT_PROFILES).filter((p) => p.during === 'drilling').map((p) => p.rampS));

/** The seconds a drilling fault may start at: drilling, and on bottom through its ramp. */
export const drillingOnsetSeconds = (rec: BaseRecording): Uint8Array => drillingThrough(drillingSeconds(rec), LONGEST_DRILLING_RAMP_S);

/**
 * Drilling onsets at the given fractions of the drilling seconds (spreadOnsets), each moved on to
 * the first second from which the rig drills through the ramp: one that fell just before a stop
 * starts after it instead. Duplicates dropped; none past `maxS`.
 */
export function drillingOnsets(rec: BaseRecording, fractions: readonly number[], minS: number, maxS: number): number[] {
  const drilling = drillingSeconds(rec);
  const through = drillingThrough(drilling, LONGEST_DRILLING_RAMP_S);
  const out: number[] = [];
  for (const k of spreadOnsets(drilling, fractions, minS, maxS)) {
    let j = k;
    while (j <= maxS && !through[j]) j++;
    if (j <= maxS) out.push(j);
  }
  return [...new Set(out)];
}

/** 1 for each second the string is moving with pumps and rotation off and the trip tank read. */
export function trippingSeconds(rec: BaseRecording, windowS = 30, minMoveFt = 15): Uint8Array {
  const c = rec.channels;
  const out = new Uint8Array(rec.lengthS);
  const bit = c.bitDepthFt;
  if (!bit || !c.tripTankBbl) return out;
  for (let k = windowS; k + windowS < rec.lengthS; k++) {
    if (!rec.present[k] || Number.isNaN(c.tripTankBbl[k])) continue;
    const a = bit[k - windowS];
    const b = bit[k + windowS];
    const still = nanOr(c.flowInGpm, k, 0) < PUMPS_ON_GPM && nanOr(c.rpm, k, 0) < 5;
    out[k] = still && bit[k] > 100 && Math.abs(b - a) >= minMoveFt ? 1 : 0;
  }
  return out;
}

/**
 * Onsets at the given fractions of the eligible seconds (e.g. 0.3, 0.55, 0.8 of the drilling),
 * kept to [minS, maxS]; duplicates dropped.
 */
export function spreadOnsets(eligible: Uint8Array, fractions: readonly number[], minS: number, maxS: number): number[] {
  const idx: number[] = [];
  for (let k = Math.max(0, minS); k <= Math.min(maxS, eligible.length - 1); k++) if (eligible[k]) idx.push(k);
  if (idx.length === 0) return [];
  const out = fractions.map((f) => idx[Math.min(idx.length - 1, Math.max(0, Math.round(f * (idx.length - 1))))]);
  return [...new Set(out)];
}

/** Seconds of the recording that are eligible (for a summary line). */
export function countEligible(eligible: Uint8Array): number {
  let n = 0;
  for (const v of eligible) n += v;
  return n;
}
