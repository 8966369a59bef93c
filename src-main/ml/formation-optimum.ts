// Feedback from the hourly reports into advisories: which learned optimum applies to the rock
// the bit is in now. Pure: candidates and depth in, one optimum (or none) out.
//
// "This formation" is judged by depth, not by the packet's d-exponent: the dysfunctions these
// advisories are about (founder, wasted energy) move d-exponent themselves (WOB up, ROP flat),
// so a live d-exponent would call the same rock "different" exactly when the advice matters.
import type { FormationOptimum, MlReport } from '../../src-shared/ml.js';

/** How far below the analysed segment the bit may be and still be in that formation, ft: about
 *  an hour of fast drilling, the age of an hourly report. */
export const MAX_DEPTH_AHEAD_FT = 300;
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

/** The optimum learned near this depth: inside the analysed segment or just below it. */
export function appliesHere(o: FormationOptimum, depthFt: number | null): boolean {
  if (depthFt === null) return false;
  return depthFt >= o.fromFt - MAX_DEPTH_BEHIND_FT && depthFt <= o.toFt + MAX_DEPTH_AHEAD_FT;
}

/** The newest applicable optimum, or null (then the templates give their generic advice). */
export function selectFormationOptimum(candidates: readonly FormationOptimum[], depthFt: number | null): FormationOptimum | null {
  let best: FormationOptimum | null = null;
  for (const o of candidates) {
    if (!appliesHere(o, depthFt)) continue;
    if (!best || o.reportTimeMs > best.reportTimeMs) best = o;
  }
  return best;
}
