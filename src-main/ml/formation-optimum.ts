// Feedback from the hourly reports into advisories: which learned optimum applies to the rock
// the bit is in now (src-shared's optimumAppliesAt: by depth). Pure: candidates and depth in,
// one optimum (or none) out.
import { optimumAppliesAt, type FormationOptimum, type MlReport } from '../../src-shared/ml.js';

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

/** The newest applicable optimum, or null (then the templates give their generic advice). */
export function selectFormationOptimum(candidates: readonly FormationOptimum[], depthFt: number | null): FormationOptimum | null {
  let best: FormationOptimum | null = null;
  for (const o of candidates) {
    if (!optimumAppliesAt(o, depthFt)) continue;
    if (!best || o.reportTimeMs > best.reportTimeMs) best = o;
  }
  return best;
}
