// The one least-squares line fit (DOMAIN §3.10) the physics, pit trend, verification and voting
// share. Two passes (means, then centred sums) so large levels (SPP ~3000 psi, epoch seconds)
// do not lose precision. Points with a missing or non-finite y are skipped but keep their x.

export interface LineFit {
  /** Number of finite samples used. */
  n: number;
  /** dy/dx. 0 when n < 2 or x does not vary. */
  slope: number;
  intercept: number;
  /** Clamped to 0..1; 0 when n < 3 or y is constant. */
  r2: number;
  mean: number;
  /** Index k of the first and last point used (-1 when none). */
  firstK: number;
  lastK: number;
}

export const emptyLineFit = (): LineFit => ({ n: 0, slope: 0, intercept: 0, r2: 0, mean: 0, firstK: -1, lastK: -1 });

/**
 * Fits y(k) against x(k) for k = 0..count-1. Pass `out` to reuse a result object. `x` is only
 * read where y is used, and must be finite there.
 */
export function fitLine(count: number, x: (k: number) => number, y: (k: number) => number | null | undefined, out: LineFit = emptyLineFit()): LineFit {
  const xs = new Float64Array(count);
  const ys: (number | null | undefined)[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const v = y(k);
    ys[k] = v;
    xs[k] = v === null || v === undefined || !Number.isFinite(v) ? NaN : x(k);
  }
  return fitPoints(count, xs, ys, out);
}

/**
 * Fit over x = 0..count-1 of `ys` (gaps as null, undefined or NaN keep their position), without
 * closures, for the fits made on every packet (stick-slip, founder trend via HistoryBuffer.fit,
 * voting).
 */
export function fitIndexed(count: number, ys: ArrayLike<number | null | undefined>, out: LineFit = emptyLineFit()): LineFit {
  return fitPoints(count, null, ys, out);
}

/** The two-pass fit itself; `xs` null means x = k. */
function fitPoints(count: number, xs: ArrayLike<number> | null, ys: ArrayLike<number | null | undefined>, out: LineFit): LineFit {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let firstK = -1;
  let lastK = -1;
  for (let k = 0; k < count; k++) {
    const v = ys[k];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (firstK < 0) firstK = k;
    lastK = k;
    sx += xs === null ? k : xs[k];
    sy += v;
    n++;
  }
  out.n = n;
  out.firstK = firstK;
  out.lastK = lastK;
  if (n === 0) {
    out.slope = 0;
    out.intercept = 0;
    out.r2 = 0;
    out.mean = 0;
    return out;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let k = firstK; k <= lastK; k++) {
    const v = ys[k];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const dx = (xs === null ? k : xs[k]) - mx;
    const dy = v - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  out.mean = my;
  out.slope = n < 2 || sxx === 0 ? 0 : sxy / sxx;
  out.intercept = my - out.slope * mx;
  // SSres = Syy - slope·Sxy for the least-squares line.
  out.r2 = n < 3 || sxx === 0 || syy === 0 ? 0 : Math.min(1, Math.max(0, 1 - (syy - out.slope * sxy) / syy));
  return out;
}

/** Fit over x = 0..n-1 of an array (gaps as null keep their position). */
export function fitSeries(ys: readonly (number | null)[], out?: LineFit): LineFit {
  return fitIndexed(ys.length, ys, out);
}

/**
 * The slope of values against times over a ring buffer (oldest at `head`), per second of
 * `times` (ms): the hot-path form of fitLine for a trend updated on every packet, with no
 * closures and one pass. x and y are taken about the oldest point, so epoch milliseconds and
 * large levels keep their precision over a window of minutes. 0 with fewer than 2 points or no
 * time spread.
 */
export function ringSlopePerS(times: Float64Array, values: Float64Array, head: number, count: number): number {
  const cap = times.length;
  const t0 = times[head];
  const y0 = values[head];
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < count; k++) {
    const i = head + k < cap ? head + k : head + k - cap;
    const x = (times[i] - t0) / 1000;
    const y = values[i] - y0;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const den = count * sxx - sx * sx;
  return count >= 2 && den > 0 ? (count * sxy - sx * sy) / den : 0;
}
