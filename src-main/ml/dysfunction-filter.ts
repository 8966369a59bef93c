// Stage 3, dysfunction filter (DOMAIN §10.2): the optimum is learned only from stable drilling.
// 10-sample windows (consecutive samples, never across a gap) are dropped whole for stick-slip,
// pack-off or founder; single samples for a tactical anomaly flag or poor relative efficiency.
import type { DysfunctionBreakdown, MlSample } from '../../src-shared/ml.js';
import { DYSFUNCTION } from './constants.js';
import { windowedRelativeEfficiencies } from './relative-efficiency.js';

/** Samples further apart than this are not one stretch of drilling (connection, survey...). */
export const MAX_GAP_MS = 60_000;

export interface DysfunctionResult {
  kept: MlSample[];
  breakdown: DysfunctionBreakdown;
  /** kept / input, 0-1 (1 when there was no input). */
  stability: number;
}

type WindowReason = 'stickSlip' | 'packOff' | 'founder';

/** Mean, CV and per-sample slope of one field over samples [a, b), skipping missing values. */
function stats(samples: readonly MlSample[], a: number, b: number, get: (s: MlSample) => number | null) {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let sx = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = a; i < b; i++) {
    const v = get(samples[i]);
    if (v === null || !Number.isFinite(v)) continue;
    const x = n; // position among the present values, like a slope over the series itself
    n++;
    sum += v;
    sumSq += v * v;
    sx += x;
    sxx += x * x;
    sxy += x * v;
  }
  const mean = n > 0 ? sum / n : null;
  const cv = mean !== null && mean > 0 ? Math.sqrt(Math.max(sumSq / n - mean * mean, 0)) / mean : null;
  const den = n * sxx - sx * sx;
  const slope = n >= 2 && den > 0 ? (n * sxy - sx * sum) / den : 0;
  return { n, mean, cv, slope };
}

/** Why the window [a, b) of consecutive samples is dysfunctional, or null when it is stable. */
export function windowDysfunction(samples: readonly MlSample[], a = 0, b = samples.length): WindowReason | null {
  if (b - a < DYSFUNCTION.windowSamples) return null;
  const torque = stats(samples, a, b, (s) => s.torqueKftLbf);
  if (torque.cv !== null && torque.cv > DYSFUNCTION.torqueCvMax) return 'stickSlip';
  const torqueDelta = stats(samples, a, b, (s) => s.torqueDeltaFraction).mean;
  const sppDelta = stats(samples, a, b, (s) => s.sppDeltaPsi).mean;
  if (torqueDelta !== null && sppDelta !== null) {
    const both = torqueDelta > DYSFUNCTION.packOffTorqueDelta && sppDelta > DYSFUNCTION.packOffSppDeltaPsi;
    const score = 0.6 * Math.max(torqueDelta, 0) + 0.4 * Math.min(Math.max(sppDelta / 200, 0), 1);
    if (both || score > DYSFUNCTION.packOffScoreMax) return 'packOff';
  }
  const wob = stats(samples, a, b, (s) => s.wobKlbf);
  const rop = stats(samples, a, b, (s) => s.ropFtHr);
  if (wob.mean && rop.mean && wob.n >= 2 && rop.n >= 2) {
    if (wob.slope / wob.mean > DYSFUNCTION.founderWobSlopeMin && rop.slope / rop.mean < DYSFUNCTION.founderRopSlopeMax) return 'founder';
  }
  return null;
}

/** Consecutive 10-sample windows, restarting after every gap. Returns [start, end) index pairs. */
export function dysfunctionWindows(samples: readonly MlSample[], size: number = DYSFUNCTION.windowSamples): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= samples.length; i++) {
    const gap = i === samples.length || samples[i].timeMs - samples[i - 1].timeMs > MAX_GAP_MS;
    if (i - start === size || gap) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

export function dysfunctionFilter(samples: readonly MlSample[]): DysfunctionResult {
  const breakdown: DysfunctionBreakdown = { stickSlip: 0, packOff: 0, founder: 0, poorEfficiency: 0, anomalyFlag: 0 };
  const efficiency = windowedRelativeEfficiencies(
    samples.map((s) => s.timeMs),
    samples.map((s) => s.msePsi),
    DYSFUNCTION.efficiencyBlockMs,
  );
  const kept: MlSample[] = [];
  for (const [a, b] of dysfunctionWindows(samples)) {
    const reason = windowDysfunction(samples, a, b);
    if (reason) {
      breakdown[reason] += b - a;
      continue;
    }
    for (let i = a; i < b; i++) {
      const eff = efficiency[i];
      if (samples[i].anomalous) breakdown.anomalyFlag++;
      else if (eff === null || eff < DYSFUNCTION.minEfficiencyPercent) breakdown.poorEfficiency++;
      else kept.push(samples[i]);
    }
  }
  return { kept, breakdown, stability: samples.length ? kept.length / samples.length : 1 };
}
