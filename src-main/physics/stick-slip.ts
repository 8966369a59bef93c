// Stick-slip from the torque oscillation itself (DOMAIN §3.7; issue 11): the bit stalls and
// whips, so surface torque cycles with a period of a few seconds. Over the recent on-bottom
// window the torque is detrended (a ramp or a step is not an oscillation), and the residual is
// judged by its size relative to the torque level (the oscillation CV) and by whether it repeats
// (an autocorrelation peak at a lag of 3-15 s). Torque near zero cannot be judged: a collapsing
// or absent torque reading is not stick-slip.
import type { HistoryEntry } from './history.js';
import { fitSeries } from '../../src-shared/least-squares.js';

export interface TorqueOscillation {
  /** Detrended torque standard deviation / mean torque. */
  cv: number;
  /** Strongest autocorrelation of the residual at a lag of MIN_LAG..MAX_LAG s (-1..1). */
  regularity: number;
  /** The lag of that peak: the oscillation period, s (1 Hz samples). */
  periodS: number;
  samples: number;
}

/** Below this mean torque the reading says nothing about vibration, kft-lbf. */
export const MIN_ASSESSABLE_TORQUE_KFTLBF = 1;
/** A repeating oscillation's autocorrelation peak at least this high. */
export const MIN_REGULARITY = 0.4;
const MIN_LAG_S = 3;
const MAX_LAG_S = 15;
/** Seconds of on-bottom torque judged (about 4 periods of a slow stick-slip). */
export const OSCILLATION_WINDOW = 40;

/**
 * Longest median spacing between samples that can show a 3-15 s oscillation: a feed slower than
 * this (0.5 Hz, a depth log replayed by its rows) cannot be judged for stick-slip at all. At 2 s
 * a 3 s period is past the Nyquist limit (4 s) and aliases to a slower false one, and the lags
 * below are counted in samples read as seconds: not assessable, never a guess.
 */
export const MAX_SAMPLE_SPACING_S = 1.5;

/** Torque under this share of its baseline has collapsed (a sensor dropping out, the bit lifted). */
const COLLAPSED_SHARE = 0.5;

/**
 * The swing that counts for stick-slip. On a torque collapsed under half its baseline, the swing
 * as a share of the torque this hole normally takes (cv × mean / baseline): a few tenths of a
 * kft-lbf wobbling about a near-zero mean is large only against that mean, not a string winding
 * up. Otherwise the CV itself (stick-slip swings about the normal torque, and the short-term
 * delta swings with it). `torqueDeltaFraction`: torque / baseline − 1.
 */
export function swingOfNormalTorque(cv: number, torqueDeltaFraction: number | null): number {
  return torqueCollapsed(torqueDeltaFraction) ? cv * Math.max(0, 1 + (torqueDeltaFraction as number)) : cv;
}

/** Torque under half its baseline: what it does says nothing about the string's vibration. */
export const torqueCollapsed = (torqueDeltaFraction: number | null): boolean => torqueDeltaFraction !== null && 1 + torqueDeltaFraction < COLLAPSED_SHARE;

/** Pure: the oscillation of a torque series sampled at 1 Hz, oldest first; null when not assessable. */
export function torqueOscillationOf(torque: readonly number[], minSamples = 20): TorqueOscillation | null {
  const n = torque.length;
  if (n < Math.max(minSamples, 2 * MIN_LAG_S + 2)) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += torque[i];
  mean /= n;
  if (!(mean >= MIN_ASSESSABLE_TORQUE_KFTLBF)) return null;
  if (!freshSamples(torque, mean)) return null;
  const fit = fitSeries(torque as number[]);
  // Plain arrays: allocating small Float64Arrays on every packet costs more than the fit.
  const r: number[] = [];
  let var0 = 0;
  for (let i = 0; i < n; i++) {
    const x = torque[i] - (fit.intercept + fit.slope * i);
    r.push(x);
    var0 += x * x;
  }
  if (var0 <= 0) return { cv: 0, regularity: 0, periodS: 0, samples: n };
  const maxLag = Math.min(MAX_LAG_S, Math.floor(n / 2));
  /** rhos[k - MIN_LAG_S]: the autocorrelation at lag k. */
  const rhos: number[] = [];
  let best = -1;
  for (let k = MIN_LAG_S; k <= maxLag; k++) {
    let c = 0;
    for (let i = k; i < n; i++) c += r[i] * r[i - k];
    // Normalised by the overlap so long lags are not penalised for having fewer pairs.
    const rho = (c / (n - k)) / (var0 / n);
    rhos.push(rho);
    if (rho > best) best = rho;
  }
  // Whole multiples of the period correlate as well as the period itself: the shortest lag that
  // is as good as the best is the period.
  let bestLag = MIN_LAG_S;
  while (bestLag < maxLag && rhos[bestLag - MIN_LAG_S] < best - PERIOD_TIE_RHO) bestLag++;
  // The size is read over the newest two periods: an oscillation building up (the stall growing
  // cycle by cycle) reads smaller averaged over the whole window. Whether it repeats is judged
  // over the whole window.
  const recent = Math.min(n, Math.max(MIN_SIZE_SAMPLES, 2 * bestLag));
  let varRecent = 0;
  for (let i = n - recent; i < n; i++) varRecent += r[i] * r[i];
  return { cv: Math.sqrt(varRecent / recent) / mean, regularity: Math.max(-1, Math.min(1, best)), periodS: bestLag, samples: n };
}

/** Autocorrelations this close to the best count as equally good when picking the period. */
const PERIOD_TIE_RHO = 0.05;
/** Fewest newest samples the oscillation's size is read over (two periods of a fast stick-slip). */
const MIN_SIZE_SAMPLES = 12;

/**
 * Most samples must be new readings: a channel the logger holds between slow updates (a staircase)
 * or fills in linearly between sparse points has a regular "period" that is not vibration. In
 * real 1 Hz torque almost every sample bends the curve (a non-zero second difference).
 */
const MIN_FRESH_FRACTION = 0.6;

function freshSamples(torque: readonly number[], mean: number): boolean {
  const eps = 1e-6 * Math.max(mean, 1);
  let bends = 0;
  for (let i = 2; i < torque.length; i++) if (Math.abs(torque[i] - 2 * torque[i - 1] + torque[i - 2]) > eps) bends++;
  return bends >= MIN_FRESH_FRACTION * (torque.length - 2);
}

/** An entry whose torque counts for stick-slip: rotating on bottom with a torque reading (TorqueWindow keeps them). */
export const rotatingOnBottom = (e: HistoryEntry): boolean =>
  (e.packet.rigState === 'Drilling' || e.packet.rigState === 'Reaming') && e.packet.torqueKftLbf !== null && e.packet.torqueKftLbf > 0;

/** 0 at the warning CV, 1 at the critical CV, linear between (DOMAIN §3.7: 0.15 → 0.25). */
export function stickSlipSeverity(cv: number, warningCv = 0.15, criticalCv = 0.25): number {
  if (cv <= warningCv) return 0;
  return Math.min(1, (cv - warningCv) / Math.max(criticalCv - warningCv, 1e-9));
}
