// Series helpers for the charts: binary search by time and the time join behind the depth plots.
import { lttb } from './lttb.js';

export type Series = [number, number][];

/** First index with time >= t (series sorted by time). */
export function lowerBound(s: Series, t: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid][0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * d-exponent (or MSE) against depth: each metric sample takes the depth at or just before its
 * time (the newest depth sample not after it); sorted by depth and downsampled.
 */
export function joinByTime(depth: Series, values: Series, maxPoints: number): [number, number][] {
  const joined: [number, number][] = [];
  let j = 0;
  for (const [t, v] of values) {
    while (j + 1 < depth.length && depth[j + 1][0] <= t) j++;
    if (depth.length && depth[j][0] <= t && Number.isFinite(depth[j][1]) && Number.isFinite(v)) joined.push([depth[j][1], v]);
  }
  joined.sort((a, b) => a[0] - b[0]);
  return lttb(joined, maxPoints);
}

