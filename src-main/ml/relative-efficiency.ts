// Relative MSE efficiency: a sample's MSE against the best (low-percentile) MSE this rig achieved
// in the same formation / depth window, as a percentage capped at 100.
//
// Why relative: DOMAIN §3.2's absolute optimum (5000 + 8000·hardness psi) assumes MSE measures
// the bit alone. From surface torque it also carries string friction: on a real 8.5-in Volve well
// the median MSE was ~239 kpsi, so every real sample scores below 50 % and "poor efficiency"
// would reject all real data. What drilling practice watches is MSE against what the same rig
// and string did in the same rock, so the reference here is the window's own 10th percentile.
// Pure and independent of any engine type: plain numbers in, plain numbers out.

/** The default "best achieved" reference: the 10th percentile of MSE. */
export const DEFAULT_REFERENCE_PERCENTILE = 0.1;

/** Linear-interpolated percentile (p in 0..1) of finite values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  const xs = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) xs[n++] = v;
  // A typed array sorts numerically without a comparator call per step.
  return percentileOfSorted(xs.subarray(0, n).sort(), p);
}

/** Percentile of an already ascending-sorted array of finite values. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = Math.min(Math.max(p, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** referenceMse / mse x 100, capped at 100; null when either is missing or not positive. */
export function relativeEfficiencyPercent(msePsi: number | null, referenceMsePsi: number | null): number | null {
  if (msePsi === null || referenceMsePsi === null) return null;
  if (!(msePsi > 0) || !(referenceMsePsi > 0) || !Number.isFinite(msePsi)) return null;
  return Math.min(100, (referenceMsePsi / msePsi) * 100);
}

/**
 * Relative efficiency of every sample against one reference: the given percentile of all the
 * positive MSE values (one formation segment). Missing or non-positive MSE gives null.
 */
export function relativeEfficiencies(
  mses: readonly (number | null)[],
  p = DEFAULT_REFERENCE_PERCENTILE,
): { referenceMsePsi: number | null; efficiencyPercent: (number | null)[] } {
  const valid = mses.filter((m): m is number => m !== null && m > 0 && Number.isFinite(m));
  const referenceMsePsi = percentile(valid, p);
  return { referenceMsePsi, efficiencyPercent: mses.map((m) => relativeEfficiencyPercent(m, referenceMsePsi)) };
}

/**
 * Relative efficiency where the window may span several rocks: time is cut into blocks of
 * `blockMs`, and each sample's reference is the percentile over its own block and the blocks
 * either side (a sliding window of about 3 blocks), so a hard formation is not judged against
 * a soft one drilled an hour earlier. `timesMs` ascending, same length as `mses`.
 */
export function windowedRelativeEfficiencies(
  timesMs: readonly number[],
  mses: readonly (number | null)[],
  blockMs: number,
  p = DEFAULT_REFERENCE_PERCENTILE,
): (number | null)[] {
  const n = timesMs.length;
  if (n === 0) return [];
  const t0 = timesMs[0];
  const blockOf = timesMs.map((t) => Math.floor((t - t0) / blockMs));
  const blocks = blockOf[n - 1] + 1;
  const perBlock: number[][] = Array.from({ length: blocks }, () => []);
  for (let i = 0; i < n; i++) {
    const m = mses[i];
    if (m !== null && m > 0 && Number.isFinite(m)) perBlock[blockOf[i]].push(m);
  }
  const refs: (number | null)[] = [];
  for (let b = 0; b < blocks; b++) {
    const pool = [...(perBlock[b - 1] ?? []), ...perBlock[b], ...(perBlock[b + 1] ?? [])];
    refs.push(percentile(pool, p));
  }
  return mses.map((m, i) => relativeEfficiencyPercent(m, refs[blockOf[i]]));
}
