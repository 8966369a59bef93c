// Ordering rules for ML reports that both stores share (the contract suite checks them).
import type { MlReport } from '../../src-shared/ml.js';

/** 0 inside [fromFt, toFt], else the distance to the nearer end, ft. */
export function depthDistanceFt(depthFt: number, fromFt: number, toFt: number): number {
  return depthFt < fromFt ? fromFt - depthFt : depthFt > toFt ? depthFt - toFt : 0;
}

/** Newest first; ties by id so both stores agree. */
export function compareMlReportsNewestFirst(a: MlReport, b: MlReport): number {
  return b.timeMs - a.timeMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function isOptimum(r: MlReport): boolean {
  return r.result.status === 'success' && r.depthRange !== null;
}
