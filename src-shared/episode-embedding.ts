// The episode embedding: a physics-signature vector, deterministic and model-free, so the same
// event always lands on the same point and two rigs running the same release agree.
//
// Layout (EMBEDDING_DIMENSIONS = 32), each feature squashed into -1..1 with tanh, then weighted:
//   0- 7  levels at the event, tanh((x - normal) / scale), weight 1.0:
//         MSE efficiency (70 %, 25 %), flow balance (0, 20 gpm), pit rate (0, 10 bbl/hr),
//         d-exponent (1.5, 0.5), torque vs baseline (0, 0.2), SPP vs baseline (0, 150 psi),
//         ECD margin (1.0, 0.7 ppg), ROP (60, 60 ft/hr)
//   8-15  trends over the history window, tanh(slope per minute / scale), weight 0.8:
//         flow balance 5 gpm, SPP 50 psi, torque 1 kft-lbf, ROP 10 ft/hr, WOB 3 klbf,
//         MSE efficiency 5 %, d-exponent 0.05, gas 20 units
//  16-29  the fault, one-hot, weight 0.6 (a pack-off matches pack-offs before stick-slip);
//         the trip sheet's trip-gain and trip-loss came later and have no slot (all 14 are
//         taken; the recall partition by category still keeps them among well control)
//  30     depth, tanh((ft - 8,000) / 6,000), weight 0.3
//  31     a constant 0.25, so an event with no readings still has a direction
// then scaled to unit length: cosine similarity = dot product.
// A missing reading (null) contributes 0, the same as a "normal" value: it never looks like a fault.
import type { FaultKind } from './advisory.js';
import type { EpisodeKeyMetrics, EpisodeSignature, FleetSnapshot, SignatureTrends } from './fleet.js';
import type { DrillingMetrics } from './metrics.js';
import { fitLine } from './least-squares.js';

export const EMBEDDING_DIMENSIONS = 32;

/** Fixed order of the fault one-hot block; append only (a reorder changes every stored vector). */
export const FAULT_ORDER: readonly FaultKind[] = [
  'kick', 'loss', 'gas', 'h2s', 'pit-rate', 'ecd-margin', 'washout', 'spp-deviation',
  'pack-off', 'stick-slip', 'founder', 'torque-rise', 'mse-inefficiency', 'formation-change',
];

const LEVELS: readonly [keyof EpisodeKeyMetrics, number, number][] = [
  ['mseEfficiencyPercent', 70, 25],
  ['flowBalanceGpm', 0, 20],
  ['pitRateBblHr', 0, 10],
  ['dExponent', 1.5, 0.5],
  ['torqueDeltaFraction', 0, 0.2],
  ['sppDeltaPsi', 0, 150],
  ['ecdMarginPpg', 1.0, 0.7],
  ['ropFtHr', 60, 60],
];

/** Trend -> the snapshot channel it is fitted on, and its scale per minute. */
const TRENDS: readonly [keyof SignatureTrends, keyof FleetSnapshot, number][] = [
  ['flowBalanceGpmPerMin', 'flowBalanceGpm', 5],
  ['sppPsiPerMin', 'sppPsi', 50],
  ['torqueKftLbfPerMin', 'torqueKftLbf', 1],
  ['ropFtHrPerMin', 'ropFtHr', 10],
  ['wobKlbfPerMin', 'wobKlbf', 3],
  ['mseEfficiencyPercentPerMin', 'mseEfficiencyPercent', 5],
  ['dExponentPerMin', 'dExponent', 0.05],
  ['gasUnitsPerMin', 'gasUnits', 20],
];

const W_LEVEL = 1.0;
const W_TREND = 0.8;
const W_FAULT = 0.6;
const W_DEPTH = 0.3;
const BIAS = 0.25;

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** The key metrics of an episode from the metrics at the event (ROP comes from the packet). */
export function keyMetricsOf(m: DrillingMetrics, ropFtHr: number | null): EpisodeKeyMetrics {
  return {
    mseEfficiencyPercent: m.mseEfficiencyPercent,
    flowBalanceGpm: m.flowBalanceGpm,
    pitRateBblHr: m.pitRateBblHr,
    dExponent: m.dExponent,
    torqueDeltaFraction: m.torqueDeltaFraction,
    sppDeltaPsi: m.sppDeltaPsi,
    ecdMarginPpg: m.ecdMarginPpg,
    ropFtHr: finite(ropFtHr) ? ropFtHr : null,
  };
}

/** Least-squares slope per minute of data time; null with fewer than 3 readings or no time span. */
export function slopePerMinute(window: readonly FleetSnapshot[], channel: keyof FleetSnapshot): number | null {
  if (window.length === 0) return null;
  const t0 = window[0].timeMs;
  const fit = fitLine(window.length, (k) => (window[k].timeMs - t0) / 60_000, (k) => window[k][channel]);
  if (fit.n < 3 || !(window[fit.lastK].timeMs > window[fit.firstK].timeMs)) return null;
  return fit.slope;
}

export function trendsOf(window: readonly FleetSnapshot[]): SignatureTrends {
  const out = {} as SignatureTrends;
  for (const [key, channel] of TRENDS) out[key] = slopePerMinute(window, channel);
  return out;
}

/** The signature of an event: its key metrics and the trends of the window before it. */
export function signatureOf(keyMetrics: EpisodeKeyMetrics, window: readonly FleetSnapshot[]): EpisodeSignature {
  let from: number | null = null;
  let to: number | null = null;
  for (const s of window) {
    if (!finite(s.depthFt)) continue;
    from = from === null ? s.depthFt : Math.min(from, s.depthFt);
    to = to === null ? s.depthFt : Math.max(to, s.depthFt);
  }
  return { keyMetrics, trends: trendsOf(window), depthFromFt: from, depthToFt: to };
}

/** A signature with no trends (an episode from elsewhere that carries only its key metrics). */
export function levelsOnlySignature(keyMetrics: EpisodeKeyMetrics, depthFromFt: number | null, depthToFt: number | null): EpisodeSignature {
  return { keyMetrics, trends: trendsOf([]), depthFromFt, depthToFt };
}

/** The unit-length embedding of a signature for a fault at a depth (see the layout above). */
export function embedSignature(sig: Pick<EpisodeSignature, 'keyMetrics' | 'trends'>, fault: FaultKind, depthFt: number | null): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  LEVELS.forEach(([key, normal, scale], i) => {
    const x = sig.keyMetrics[key];
    v[i] = finite(x) ? W_LEVEL * Math.tanh((x - normal) / scale) : 0;
  });
  TRENDS.forEach(([key, , scale], i) => {
    const x = sig.trends[key];
    v[8 + i] = finite(x) ? W_TREND * Math.tanh(x / scale) : 0;
  });
  const f = FAULT_ORDER.indexOf(fault);
  if (f >= 0) v[16 + f] = W_FAULT;
  v[30] = finite(depthFt) ? W_DEPTH * Math.tanh((depthFt - 8000) / 6000) : 0;
  v[31] = BIAS;
  return normalise(v);
}

export function normalise(v: number[]): number[] {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  return norm > 0 ? v.map((x) => x / norm) : v;
}

/** Cosine similarity of two vectors of the same length (0 when either is all zeros). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Whether a stored embedding fits this release (length and finite values). */
export function isUsableEmbedding(v: readonly number[]): boolean {
  return v.length === EMBEDDING_DIMENSIONS && v.every((x) => Number.isFinite(x)) && v.some((x) => x !== 0);
}

/**
 * Key metrics of an uploaded event from its history window: for each metric the latest reading
 * that is not missing (the state of the well when the advisory was raised). The hub builds
 * library episodes with this; the rig has the metrics at the event itself (keyMetricsOf).
 */
export function keyMetricsFromWindow(window: readonly FleetSnapshot[]): EpisodeKeyMetrics {
  const latest = (key: keyof EpisodeKeyMetrics): number | null => {
    for (let i = window.length - 1; i >= 0; i--) {
      const x = window[i][key];
      if (finite(x)) return x;
    }
    return null;
  };
  return {
    mseEfficiencyPercent: latest('mseEfficiencyPercent'),
    flowBalanceGpm: latest('flowBalanceGpm'),
    pitRateBblHr: latest('pitRateBblHr'),
    dExponent: latest('dExponent'),
    torqueDeltaFraction: latest('torqueDeltaFraction'),
    sppDeltaPsi: latest('sppDeltaPsi'),
    ecdMarginPpg: latest('ecdMarginPpg'),
    ropFtHr: latest('ropFtHr'),
  };
}
