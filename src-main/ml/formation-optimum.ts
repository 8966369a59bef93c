// Feedback from the hourly reports into advisories: which learned optimum applies to the rock
// the bit is in now. Pure: candidates, depth and d-exponent in, one optimum (or none) out.
import type { FormationOptimum, MlReport } from '../../src-shared/ml.js';
import { SEGMENTATION } from './constants.js';

/** How far below the analysed segment the bit may be and still be in that formation, ft. */
export const MAX_DEPTH_AHEAD_FT = 500;
/** How far above it (reaming back, a short trip), ft. */
export const MAX_DEPTH_BEHIND_FT = 100;

export function formationOptimumOf(r: MlReport): FormationOptimum | null {
  if (r.result.status !== 'success' || !r.segment) return null;
  const o = r.result.optimum;
  return {
    reportId: r.id,
    reportTimeMs: r.timeMs,
    formation: r.segment.label,
    meanDExponent: r.segment.meanDExponent,
    fromFt: r.segment.fromFt,
    toFt: r.segment.toFt,
    wobKlbf: o.wobKlbf,
    rpm: o.rpm,
    flowGpm: o.flowGpm,
    expectedRopFtHr: o.expectedRopFtHr,
    confidence: r.result.confidence,
  };
}

/** The optimum learned in this rock: the same d-exponent (within the segmentation's 15 %) and near in depth. */
export function appliesHere(o: FormationOptimum, depthFt: number | null, dExponent: number | null): boolean {
  if (depthFt !== null && (depthFt < o.fromFt - MAX_DEPTH_BEHIND_FT || depthFt > o.toFt + MAX_DEPTH_AHEAD_FT)) return false;
  if (dExponent !== null && dExponent > 0 && o.meanDExponent > 0) {
    if (Math.abs(dExponent - o.meanDExponent) / o.meanDExponent > SEGMENTATION.relativeShift) return false;
  }
  return true;
}

/** The newest applicable optimum, or null (then the templates give their generic advice). */
export function selectFormationOptimum(
  candidates: readonly FormationOptimum[],
  depthFt: number | null,
  dExponent: number | null,
): FormationOptimum | null {
  let best: FormationOptimum | null = null;
  for (const o of candidates) {
    if (!appliesHere(o, depthFt, dExponent)) continue;
    if (!best || o.reportTimeMs > best.reportTimeMs) best = o;
  }
  return best;
}
