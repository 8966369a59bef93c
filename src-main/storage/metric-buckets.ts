// Shared by every PersistenceLayer so all of them answer a metrics query with the same points:
// pick the coarsest table that is still fine enough, then average into at most maxPoints buckets.
import type { MetricSeries } from '../../src-shared/bridge.js';

export type Resolution = MetricSeries['resolution'];

export const RAW_STEP_MS = 1_000;
export const ONE_MIN_MS = 60_000;
export const TEN_MIN_MS = 600_000;

const RES_MS: Record<Resolution, number> = { raw: RAW_STEP_MS, '1min': ONE_MIN_MS, '10min': TEN_MIN_MS };

export interface BucketPlan {
  resolution: Resolution;
  /** Width of one returned point, a whole multiple of the table's resolution. */
  stepMs: number;
  /** Table rows (raw sample times or rollup bucket starts) from here to toMs are included. */
  fromAlignedMs: number;
  toMs: number;
}

/** maxPoints >= 2. The returned plan yields at most maxPoints buckets over [fromMs, toMs]. */
export function planBuckets(fromMs: number, toMs: number, maxPoints: number): BucketPlan {
  const span = Math.max(0, toMs - fromMs);
  const slots = Math.max(1, Math.floor(maxPoints) - 1);
  const resolution: Resolution =
    span <= RAW_STEP_MS * slots ? 'raw' : span <= ONE_MIN_MS * slots ? '1min' : '10min';
  const res = RES_MS[resolution];
  // Bucket count <= span/step + 1 <= maxPoints; a multiple of res keeps rollup rows whole.
  const stepMs = Math.ceil(Math.max(res, span / slots) / res) * res;
  return { resolution, stepMs, fromAlignedMs: Math.floor(fromMs / res) * res, toMs };
}

export function bucketStart(timeMs: number, stepMs: number): number {
  return Math.floor(timeMs / stepMs) * stepMs;
}

/** Values worth storing: finite numbers only (null = channel not sent). */
export function storableValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
