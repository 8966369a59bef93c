// Stage 4, formation segmentation (DOMAIN §10.3): a new segment where the mean d-exponent of the
// last 30 samples moved more than 15 % from the 30 before. d-exponent normalises ROP for WOB,
// RPM and bit size, so a shift means different rock, not a different driller's hand.
import type { FormationLabel, MlFormationSegment, MlSample } from '../../src-shared/ml.js';
import { SEGMENTATION } from './constants.js';

/** [start, end) index ranges into the samples, in order, covering them all. */
export type SegmentRange = [number, number];

export function formationLabel(meanDExponent: number): FormationLabel {
  if (meanDExponent < 1.2) return 'Soft Shale';
  if (meanDExponent < 1.6) return 'Medium Shale/Siltstone';
  if (meanDExponent < 2.0) return 'Hard Sandstone';
  return 'Very Hard';
}

/** Prefix sums of the valid (positive, finite) d-exponents: mean over any index range in O(1). */
function dPrefix(samples: readonly MlSample[]): { sum: Float64Array; count: Uint32Array } {
  const sum = new Float64Array(samples.length + 1);
  const count = new Uint32Array(samples.length + 1);
  for (let i = 0; i < samples.length; i++) {
    const d = samples[i].dExponent;
    const ok = d !== null && Number.isFinite(d) && d > 0;
    sum[i + 1] = sum[i] + (ok ? d : 0);
    count[i + 1] = count[i] + (ok ? 1 : 0);
  }
  return { sum, count };
}

const rangeMean = (p: ReturnType<typeof dPrefix>, a: number, b: number): number | null => {
  const n = p.count[b] - p.count[a];
  return n > 0 ? (p.sum[b] - p.sum[a]) / n : null;
};

export function segmentByDExponent(samples: readonly MlSample[]): SegmentRange[] {
  const n = samples.length;
  if (n === 0) return [];
  if (n < SEGMENTATION.minSamples) return [[0, n]];
  const h = SEGMENTATION.halfWindow;
  const p = dPrefix(samples);
  /** Relative shift of the mean d of [i-h, i) from [i-2h, i-h); null when not comparable. */
  const shiftAt = (i: number): number | null => {
    const earlier = rangeMean(p, i - 2 * h, i - h);
    const later = rangeMean(p, i - h, i);
    if (earlier === null || later === null || earlier <= SEGMENTATION.minEarlierDExponent) return null;
    return Math.abs(later - earlier) / earlier;
  };
  const starts = [0];
  for (let i = 2 * h; i <= n; i++) {
    // Both comparison windows must lie inside the current segment.
    if (i - 2 * h < starts[starts.length - 1]) continue;
    const shift = shiftAt(i);
    if (shift === null || shift <= SEGMENTATION.relativeShift) continue;
    // The shift shows before the new rock fills the later window: follow it to its peak so the
    // boundary lands where the rock changed, not a few samples early.
    let best = i;
    let bestShift = shift;
    for (let j = i + 1; j <= Math.min(i + h, n); j++) {
      const sj = shiftAt(j);
      if (sj !== null && sj > bestShift) {
        best = j;
        bestShift = sj;
      }
    }
    starts.push(best - h);
    i = best;
  }
  return starts.map((s, k) => [s, k + 1 < starts.length ? starts[k + 1] : n]);
}

export function describeSegment(samples: readonly MlSample[], [a, b]: SegmentRange, index: number): MlFormationSegment {
  const d = rangeMean(dPrefix(samples.slice(a, b)), 0, b - a) ?? 0;
  let fromFt = Infinity;
  let toFt = -Infinity;
  for (let i = a; i < b; i++) {
    const z = samples[i].depthFt;
    if (z === null || !Number.isFinite(z)) continue;
    fromFt = Math.min(fromFt, z);
    toFt = Math.max(toFt, z);
  }
  return {
    index,
    label: formationLabel(d),
    meanDExponent: d,
    fromFt: Number.isFinite(fromFt) ? fromFt : 0,
    toFt: Number.isFinite(toFt) ? toFt : 0,
    startMs: samples[a].timeMs,
    endMs: samples[b - 1].timeMs,
    samples: b - a,
  };
}

/** The segment to analyse: the largest (the latest on a tie). */
export function largestSegment(ranges: readonly SegmentRange[]): number {
  let best = 0;
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k][1] - ranges[k][0] >= ranges[best][1] - ranges[best][0]) best = k;
  }
  return best;
}
