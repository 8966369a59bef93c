// Stage 1, data collection: the samples of the analysis window (up to 2 h at 1 Hz), in time order.
import type { MlSample } from '../../src-shared/ml.js';
import { MAX_WINDOW_SAMPLES } from './constants.js';

/**
 * The samples with endMs - windowS < time <= endMs, at most `maxSamples` (the newest).
 * `samples` must be in ascending time order (the scheduler's buffer is).
 */
export function collectWindow(samples: readonly MlSample[], endMs: number, windowS: number, maxSamples = MAX_WINDOW_SAMPLES): MlSample[] {
  const startMs = endMs - windowS * 1000;
  let hi = samples.length;
  while (hi > 0 && samples[hi - 1].timeMs > endMs) hi--;
  let lo = hi;
  while (lo > 0 && samples[lo - 1].timeMs > startMs && hi - lo < maxSamples) lo--;
  return samples.slice(lo, hi);
}

/** Packets drilling or reaming: the ones the engine can learn from. */
export function drillingCount(samples: readonly MlSample[]): number {
  let n = 0;
  for (const s of samples) if (s.rigState === 'Drilling' || s.rigState === 'Reaming') n++;
  return n;
}
