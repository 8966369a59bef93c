// Stage 6, grid binning (DOMAIN §10.5): 8 WOB x 6 RPM equal-width bins over what was actually
// run; only co-observed cells exist, only cells with enough samples are scored, and the best
// cell's medians are the recommendation, its min/max the safe operating range.
import { gridBinOf, type MlGrid, type MlGridCell, type MlSample } from '../../src-shared/ml.js';
import { GRID, type ScoreWeights } from './constants.js';
import { percentile } from './relative-efficiency.js';
import { binScore } from './scoring.js';
import { mean, median } from './statistics.js';

export interface GridInput {
  samples: readonly MlSample[];
  /** Per sample, relative MSE efficiency 0-100 (same order as samples). */
  efficiencyPercent: readonly number[];
  /** Per sample, stability 0-1. */
  stability: readonly number[];
}

export interface GridResult {
  grid: MlGrid;
  /** Indexes (into samples) of the best cell's members; null when no cell had enough samples. */
  bestMembers: number[] | null;
  bestScore: number | null;
}

/** n equal-width bins over the robust range (1st-99th percentile) of the values: n + 1 edges. */
export function binEdges(values: readonly number[], bins: number): number[] {
  const lo = percentile(values, GRID.rangeLowPercentile) ?? 0;
  const hi = percentile(values, GRID.rangeHighPercentile) ?? lo;
  const w = (hi - lo) / bins;
  return Array.from({ length: bins + 1 }, (_, k) => lo + w * k);
}

/** Bin of a value; values outside the edges fall in the end bins. */
export const binOf = gridBinOf;

/** Robust spread (1st-99th percentile) of a parameter. */
export function robustRange(values: readonly number[]): number {
  return (percentile(values, GRID.rangeHighPercentile) ?? 0) - (percentile(values, GRID.rangeLowPercentile) ?? 0);
}

export interface GridOptions {
  /** Bins whose median ROP is below this cannot be recommended (they are still scored). */
  ropFloorFtHr?: number;
}

export function evaluateGrid(input: GridInput, weights: ScoreWeights, opts: GridOptions = {}): GridResult {
  const { samples, efficiencyPercent, stability } = input;
  const wobs = samples.map((s) => s.wobKlbf as number);
  const rpms = samples.map((s) => s.rpm as number);
  const wobEdgesKlbf = binEdges(wobs, GRID.wobBins);
  const rpmEdges = binEdges(rpms, GRID.rpmBins);
  const members = new Map<number, number[]>();
  samples.forEach((_, i) => {
    const key = binOf(wobs[i], wobEdgesKlbf) * GRID.rpmBins + binOf(rpms[i], rpmEdges);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });

  const keys = [...members.keys()].sort((a, b) => a - b);
  const figures = keys.map((key) => {
    const idx = members.get(key) as number[];
    return {
      key,
      idx,
      medianRopFtHr: median(idx.map((i) => samples[i].ropFtHr as number)) ?? 0,
      medianEfficiencyPercent: median(idx.map((i) => efficiencyPercent[i])) ?? 0,
      meanStability: mean(idx.map((i) => stability[i])) ?? 0,
    };
  });
  const minSamples = Math.max(GRID.minBinSamples, Math.ceil(GRID.minBinShare * samples.length));
  const scored = figures.filter((f) => f.idx.length >= minSamples);
  const fastest = Math.max(0, ...scored.map((f) => f.medianRopFtHr));
  // If no scored bin reaches the floor (fast samples only in small bins), the floor is dropped.
  const floor = scored.some((f) => f.medianRopFtHr >= (opts.ropFloorFtHr ?? -Infinity)) ? (opts.ropFloorFtHr ?? -Infinity) : -Infinity;

  let best: (typeof figures)[number] | null = null;
  let bestScore: number | null = null;
  const cells: MlGridCell[] = figures.map((f) => {
    const enough = f.idx.length >= minSamples;
    const score = enough
      ? binScore({ ropRatio: fastest > 0 ? f.medianRopFtHr / fastest : 0, efficiencyPercent: f.medianEfficiencyPercent, stability: f.meanStability }, weights)
      : null;
    const eligible = score !== null && f.medianRopFtHr >= floor;
    // Ties go to the cell with more samples (better supported), then the lower key (stable order).
    if (eligible && score !== null && (bestScore === null || score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && best && f.idx.length > best.idx.length))) {
      best = f;
      bestScore = score;
    }
    return {
      wobBin: Math.floor(f.key / GRID.rpmBins),
      rpmBin: f.key % GRID.rpmBins,
      samples: f.idx.length,
      score,
      eligible,
      medianRopFtHr: f.medianRopFtHr,
      medianEfficiencyPercent: f.medianEfficiencyPercent,
      meanStability: f.meanStability,
    };
  });
  const b = best as (typeof figures)[number] | null;
  return {
    grid: {
      wobEdgesKlbf,
      rpmEdges,
      cells,
      best: b ? { wobBin: Math.floor(b.key / GRID.rpmBins), rpmBin: b.key % GRID.rpmBins } : null,
    },
    bestMembers: b ? b.idx : null,
    bestScore,
  };
}
