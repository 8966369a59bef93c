// Pure chart maths: nice ticks, time ticks, value ranges, zoom and pan of a time window.
// No DOM: unit-tested.

export type Domain = readonly [number, number];

/** About `count` round-numbered ticks covering [min, max] (1, 2, 2.5, 5 x 10^n steps). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** Decimals to print ticks spaced `step` apart (a lone tick: judged by the range it stands in). */
export function tickDecimals(ticks: readonly number[], span = 1): number {
  const step = ticks.length >= 2 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(span) / 2;
  return step >= 1 || step === 0 ? 0 : Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
}

/** A gap wider than this (and than 4 typical steps) is drawn as a break, not a straight line. */
export const MIN_GAP_MS = 60_000;

/** Indices where a line should start again: the time step before them is a gap in the data. */
export function gapStarts(times: readonly number[]): Set<number> {
  const out = new Set<number>();
  if (times.length < 3) return out;
  const steps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  const typical = steps[steps.length >> 1]; // the median step: a gap does not stretch it
  const limit = Math.max(MIN_GAP_MS, 4 * typical);
  for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] > limit) out.add(i);
  return out;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const TIME_STEPS = [S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, 24 * H];

/** Time ticks on whole minutes/hours (local time), at most `maxTicks`. */
export function timeTicks(from: number, to: number, maxTicks = 6, tzOffsetMs = 0): number[] {
  if (!(to > from)) return [];
  const step = TIME_STEPS.find((s) => (to - from) / s <= maxTicks) ?? 24 * H;
  const out: number[] = [];
  const start = Math.ceil((from + tzOffsetMs) / step) * step - tzOffsetMs;
  for (let t = start; t <= to; t += step) out.push(t);
  return out;
}

/**
 * The value range a chart shows: the data's, widened to include the threshold lines (the driller
 * sees how far a value is from its limit), padded 8 %, never zero-width.
 */
export function valueDomain(values: Iterable<number>, include: readonly number[] = []): Domain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  for (const v of include) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.05 || 1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Zooms a window around `atMs` (factor < 1 zooms in), at least `minSpanMs` wide. */
export function zoomDomain(d: Domain, atMs: number, factor: number, minSpanMs = 30_000): Domain {
  const span = Math.max(minSpanMs, (d[1] - d[0]) * factor);
  const at = Math.min(Math.max(atMs, d[0]), d[1]);
  const left = (at - d[0]) / (d[1] - d[0] || 1);
  return [at - span * left, at - span * left + span];
}

/** Moves a window by `deltaMs`, kept inside `bounds` when given. */
export function panDomain(d: Domain, deltaMs: number, bounds?: Domain): Domain {
  let from = d[0] + deltaMs;
  const span = d[1] - d[0];
  if (bounds) from = Math.min(Math.max(from, bounds[0]), Math.max(bounds[0], bounds[1] - span));
  return [from, from + span];
}

/** Value -> pixel for a linear scale. */
export function scale(d: Domain, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d[1] - d[0] || 1);
  return (v) => r0 + (v - d[0]) * k;
}
