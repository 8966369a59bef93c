// Stage 1, data collection: the packets of the analysis window (the last 2 h, at most 7200 at
// 1 Hz), kept by the scheduler in a fixed ring of typed columns.
import type { MlSample } from '../../src-shared/ml.js';
import { RIG_STATES } from '../../src-shared/wits.js';
import { emptyColumns, NUMERIC_FIELDS, writeSample, type MlColumns } from './columns.js';
import { MAX_WINDOW_SAMPLES } from './constants.js';

/**
 * [lo, hi) of the samples with endMs - windowS < time <= endMs, at most `maxSamples` (the
 * newest). `timeAt(i)` must ascend with i.
 */
export function windowBounds(timeAt: (i: number) => number, n: number, endMs: number, windowS: number, maxSamples = MAX_WINDOW_SAMPLES): [number, number] {
  const startMs = endMs - windowS * 1000;
  let hi = n;
  while (hi > 0 && timeAt(hi - 1) > endMs) hi--;
  let lo = hi;
  while (lo > 0 && timeAt(lo - 1) > startMs && hi - lo < maxSamples) lo--;
  return [lo, hi];
}

/** The window as an array (tests, field checks); the scheduler uses MlSampleRing.window. */
export function collectWindow(samples: readonly MlSample[], endMs: number, windowS: number, maxSamples = MAX_WINDOW_SAMPLES): MlSample[] {
  const [lo, hi] = windowBounds((i) => samples[i].timeMs, samples.length, endMs, windowS, maxSamples);
  return samples.slice(lo, hi);
}

const LEARNABLE = new Set([RIG_STATES.indexOf('Drilling'), RIG_STATES.indexOf('Reaming')]);

/** Packets drilling or reaming: the ones the engine can learn from. */
export function drillingCount(samples: readonly MlSample[]): number {
  let n = 0;
  for (const s of samples) if (s.rigState === 'Drilling' || s.rigState === 'Reaming') n++;
  return n;
}

export function drillingCountOf(c: MlColumns): number {
  let n = 0;
  for (let i = 0; i < c.n; i++) if (LEARNABLE.has(c.rigState[i])) n++;
  return n;
}

/** The newest `capacity` samples in time order, as typed columns: one row written per packet. */
export class MlSampleRing {
  private readonly rows: MlColumns;
  private start = 0;
  private count = 0;

  constructor(readonly capacity = MAX_WINDOW_SAMPLES) {
    this.rows = emptyColumns(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Data time of the newest sample, or null when empty. */
  get lastTimeMs(): number | null {
    return this.count ? this.timeAt(this.count - 1) : null;
  }

  push(s: MlSample): void {
    if (this.count < this.capacity) {
      writeSample(this.rows, (this.start + this.count) % this.capacity, s);
      this.count++;
    } else {
      writeSample(this.rows, this.start, s);
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** A copy of the window ending at endMs (stage 1), ready to hand to a runner. */
  window(endMs: number, windowS: number, maxSamples = MAX_WINDOW_SAMPLES): MlColumns {
    const [lo, hi] = windowBounds((i) => this.timeAt(i), this.count, endMs, windowS, maxSamples);
    const out = emptyColumns(hi - lo);
    const copy = <A extends Float64Array | Uint8Array>(from: A, to: A): void => {
      const a = (this.start + lo) % this.capacity;
      const first = Math.min(hi - lo, this.capacity - a);
      to.set(from.subarray(a, a + first), 0);
      if (first < hi - lo) to.set(from.subarray(0, hi - lo - first), first);
    };
    for (const k of NUMERIC_FIELDS) copy(this.rows.numbers[k], out.numbers[k]);
    copy(this.rows.rigState, out.rigState);
    copy(this.rows.anomalous, out.anomalous);
    return out;
  }

  private timeAt(i: number): number {
    return this.rows.numbers.timeMs[(this.start + i) % this.capacity];
  }
}
