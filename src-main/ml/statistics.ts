// Small statistics for the ML stages: medians, Pearson r and its two-tailed Student-t p-value.
// The t distribution comes from the regularised incomplete beta function (continued fraction,
// evaluated with the modified Lentz method) and a Stirling-series log-gamma. Pure.

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0: Stirling's series after shifting x up past 7 with Γ(x+1) = xΓ(x). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  let z = x;
  while (z < 7) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = z * z;
  const series = 1 / (12 * z) - 1 / (360 * z * z2) + 1 / (1260 * z * z2 * z2) - 1 / (1680 * z * z2 * z2 * z2);
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series - shift;
}

/** Continued fraction of I_x(a, b) (valid where x < (a+1)/(a+b+2)), modified Lentz. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  const EPS = 1e-14;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let j = 1; j <= 400; j++) {
    const m = Math.floor(j / 2);
    // Odd terms: -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)); even terms: m(b-m)x / ((a+2m-1)(a+2m)).
    const num = j % 2 === 1
      ? (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
      : (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + num * d;
    if (Math.abs(d) < TINY) d = TINY;
    d = 1 / d;
    c = 1 + num / c;
    if (Math.abs(c) < TINY) c = TINY;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return f;
}

/** Regularised incomplete beta I_x(a, b), 0 <= x <= 1, a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log(1 - x) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  // The fraction converges fast below the mean; above it use I_x(a,b) = 1 - I_(1-x)(b,a).
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) / (a * betaContinuedFraction(x, a, b));
  return 1 - Math.exp(logFront) / (b * betaContinuedFraction(1 - x, b, a));
}

/** Two-tailed p-value of Student's t with `df` degrees of freedom: P(|T| >= |t|). */
export function studentTTwoTailedP(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

export interface PearsonResult {
  r: number;
  pValue: number;
  n: number;
}

/**
 * Pearson r of the pairs where both values are finite, with the two-tailed p-value of
 * t = r·sqrt(n-2)/sqrt(1-r²) (|r| >= 0.9999 counts as p = 0). null when n < 3 or a series is flat.
 */
export function pearson(xs: readonly (number | null)[], ys: readonly (number | null)[]): PearsonResult | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    n++;
    sx += x;
    sy += y;
  }
  if (n < 3) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
    sxy += (x - mx) * (y - my);
  }
  if (sxx <= 0 || syy <= 0) return null;
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  if (Math.abs(r) >= 0.9999) return { r, pValue: 0, n };
  const t = (r * Math.sqrt(n - 2)) / Math.sqrt(1 - r * r);
  return { r, pValue: studentTTwoTailedP(t, n - 2), n };
}

/** Median of finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
  const all = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) all[n++] = v;
  const xs = all.subarray(0, n).sort();
  if (n === 0) return null;
  return n % 2 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

export function mean(values: readonly number[]): number | null {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    s += v;
    n++;
  }
  return n ? s / n : null;
}

/** Population coefficient of variation (std / mean); null when mean <= 0 or no values. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || m <= 0) return null;
  let ss = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    ss += (v - m) ** 2;
    n++;
  }
  return Math.sqrt(ss / n) / m;
}

/** Least-squares slope of values against their index (per sample); 0 when n < 2. */
export function slopePerSample(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  let my = 0;
  for (const v of values) my += v;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (values[i] - my);
    sxx += (i - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}
