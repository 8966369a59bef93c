// The physics signature of an episode as a vector, so similar events can be found by cosine
// similarity (the hub stores it in the library; RAM Recall on the rig indexes it). One pure
// function used on both sides so a rig and the hub always agree on what "similar" means.
//
// Each key metric is centred on a typical value and divided by a physically meaningful spread
// (roughly the warning threshold of DOMAIN §11), then squashed with tanh so one wild reading
// cannot dominate. A missing reading contributes 0. A small constant component keeps an
// all-missing signature a valid unit vector. The result has unit length.
import type { EpisodeKeyMetrics, FleetSnapshot } from './fleet.js';

export const EPISODE_EMBEDDING_VERSION = 1;

/** Centre and spread per metric, in the metric's own unit (the name carries it). */
const SIGNATURE: readonly { key: keyof EpisodeKeyMetrics; centre: number; spread: number }[] = [
  { key: 'mseEfficiencyPercent', centre: 70, spread: 30 },
  { key: 'flowBalanceGpm', centre: 0, spread: 20 },
  { key: 'pitRateBblHr', centre: 0, spread: 15 },
  { key: 'dExponent', centre: 1.5, spread: 0.5 },
  { key: 'torqueDeltaFraction', centre: 0, spread: 0.25 },
  { key: 'sppDeltaPsi', centre: 0, spread: 200 },
  { key: 'ecdMarginPpg', centre: 0.5, spread: 0.5 },
  { key: 'ropFtHr', centre: 50, spread: 50 },
];

const CONSTANT_COMPONENT = 0.25;

export const EPISODE_EMBEDDING_DIMENSIONS = SIGNATURE.length + 1;

/** The unit-length signature vector of an episode's key metrics. */
export function episodeEmbedding(m: EpisodeKeyMetrics): number[] {
  const v = SIGNATURE.map(({ key, centre, spread }) => {
    const x = m[key];
    return x === null || !Number.isFinite(x) ? 0 : Math.tanh((x - centre) / spread);
  });
  v.push(CONSTANT_COMPONENT);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

/** Cosine similarity of two unit vectors of the same length (1 = same signature). */
export function embeddingSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot;
}

/**
 * Key metrics of an event from its history window: for each metric the latest reading that
 * is not missing (the state of the well when the advisory was raised).
 */
export function keyMetricsFromWindow(window: readonly FleetSnapshot[]): EpisodeKeyMetrics {
  const latest = (key: keyof EpisodeKeyMetrics): number | null => {
    for (let i = window.length - 1; i >= 0; i--) {
      const x = window[i][key];
      if (x !== null && Number.isFinite(x)) return x;
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
