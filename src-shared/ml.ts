// ML engine V2.2 (DOMAIN.md §10): the hourly "best WOB / RPM / flow in this formation" report.
// Shared by the engine (stages, scheduler, storage), the API and the renderer.
import type { Campaign } from './campaign.js';
import type { RigState } from './wits.js';

/** One packet as the ML engine sees it: the drilling parameters and what physics made of them. */
export interface MlSample {
  /** Data time, epoch ms (the packet's time, never the wall clock). */
  timeMs: number;
  /** Bit depth, ft. */
  depthFt: number | null;
  rigState: RigState;
  wobKlbf: number | null;
  rpm: number | null;
  flowInGpm: number | null;
  ropFtHr: number | null;
  torqueKftLbf: number | null;
  /** SPP against its EMA baseline, psi. */
  sppDeltaPsi: number | null;
  /** Torque against its EMA baseline, fraction. */
  torqueDeltaFraction: number | null;
  msePsi: number | null;
  dExponent: number | null;
  /** The physics engine flagged a detection on this packet. */
  anomalous: boolean;
}

/** DOMAIN §10 reason codes for a run that found no trustworthy optimum. */
export type MlFailureReason = 'InsufficientData' | 'AllDataRejected' | 'UnstableFormation';

export type MlConfidence = 'High' | 'Medium' | 'Low';

/** DOMAIN §10 labels by mean d-exponent. */
export type FormationLabel = 'Soft Shale' | 'Medium Shale/Siltstone' | 'Hard Sandstone' | 'Very Hard';

/** A recommended value with its safe operating range (the best bin's median, min and max). */
export interface ParameterRange {
  best: number;
  min: number;
  max: number;
}

export interface MlOptimum {
  wobKlbf: ParameterRange;
  rpm: ParameterRange;
  /** null when the rig sent no flow-in in the best bin. */
  flowGpm: ParameterRange | null;
  /** Median ROP achieved in the best bin, ft/hr. */
  expectedRopFtHr: number;
  /** Median MSE in the best bin, psi. */
  expectedMsePsi: number;
  /** Median MSE efficiency in the best bin, relative to the formation's best MSE (0-100). */
  relativeEfficiencyPercent: number;
  /** Bin score 0-1 (campaign-weighted ROP, efficiency, stability). */
  compositeScore: number;
  /** Mean sample stability in the best bin, 0-1. */
  stabilityScore: number;
  binSamples: number;
  binsEvaluated: number;
  /** 'grid': best of the WOB x RPM bins; 'medians': too little spread to bin, segment medians. */
  method: 'grid' | 'medians';
}

export type CorrelationPair = 'WOB-ROP' | 'WOB-MSE' | 'RPM-ROP' | 'RPM-MSE' | 'Flow-ROP';

export interface MlCorrelation {
  pair: CorrelationPair;
  r: number;
  /** Two-tailed Student-t p-value. */
  pValue: number;
  n: number;
  significant: boolean;
}

export interface MlGridCell {
  wobBin: number;
  rpmBin: number;
  samples: number;
  /** null when the bin has fewer than the minimum samples (not scored). */
  score: number | null;
  /** Scored and allowed to be the recommendation (Production: drilled at least the segment's median ROP). */
  eligible: boolean;
  medianRopFtHr: number;
  medianEfficiencyPercent: number;
  meanStability: number;
}

/** The WOB x RPM grid: bin edges (n + 1 each) and every co-observed cell. */
export interface MlGrid {
  wobEdgesKlbf: number[];
  rpmEdges: number[];
  cells: MlGridCell[];
  best: { wobBin: number; rpmBin: number } | null;
}

/** The bin of a value among equal-width edges (n + 1 edges); outside values fall in the end bins. */
export function gridBinOf(v: number, edges: readonly number[]): number {
  const bins = edges.length - 1;
  const w = edges[bins] - edges[0];
  if (!(w > 0)) return 0;
  return Math.min(Math.max(Math.floor(((v - edges[0]) / w) * bins), 0), bins - 1);
}

export interface MlFormationSegment {
  /** 0-based position among the segments found in the window. */
  index: number;
  label: FormationLabel;
  meanDExponent: number;
  fromFt: number;
  toFt: number;
  startMs: number;
  endMs: number;
  samples: number;
}

/** Samples removed by the dysfunction filter, by the first reason that caught them. */
export interface DysfunctionBreakdown {
  stickSlip: number;
  packOff: number;
  founder: number;
  poorEfficiency: number;
  anomalyFlag: number;
}

export interface MlSampleCounts {
  /** Samples in the window. */
  collected: number;
  /** Left after the quality filter. */
  quality: number;
  /** Left after the dysfunction filter. */
  stable: number;
  /** In the analysed formation segment. */
  segment: number;
}

export interface MlSuccess {
  status: 'success';
  optimum: MlOptimum;
  correlations: MlCorrelation[];
  confidence: MlConfidence;
  grid: MlGrid;
  summary: string;
}

export interface MlFailure {
  status: 'failure';
  reason: MlFailureReason;
  /** What was missing, in words a drilling engineer reads ("212 stable samples, 360 needed"). */
  detail: string;
}

export interface MlReport {
  /** Stable id from the window (same data, same id). */
  id: string;
  /** Data time the run was due (the trigger packet's time), epoch ms. */
  timeMs: number;
  trigger: 'schedule' | 'manual';
  campaign: Campaign;
  wellId: string;
  field: string;
  windowStartMs: number;
  windowEndMs: number;
  /** Depth range of the analysed segment (else of the window's drilling samples). */
  depthRange: { fromFt: number; toFt: number } | null;
  bitDepthFt: number | null;
  segment: MlFormationSegment | null;
  segmentsFound: number;
  counts: MlSampleCounts;
  /** Stable / quality samples, 0-1. */
  stability: number;
  dysfunction: DysfunctionBreakdown;
  result: MlSuccess | MlFailure;
}

/** What "run now" did: a report, or why it did not analyse. */
export type MlRunOutcome = { kind: 'report'; report: MlReport } | { kind: 'skipped'; skip: MlSkip };

/** A scheduled run that did not analyse (too little drilling in the window). */
export interface MlSkip {
  timeMs: number;
  trigger: 'schedule' | 'manual';
  reason: string;
  drillingSamples: number;
}

/**
 * What the advisory composer needs of the latest optimum for the formation being drilled:
 * the quoted best value and safe range. Built from a successful MlReport.
 */
export interface FormationOptimum {
  reportId: string;
  reportTimeMs: number;
  formation: FormationLabel;
  meanDExponent: number;
  fromFt: number;
  toFt: number;
  wobKlbf: ParameterRange;
  rpm: ParameterRange;
  flowGpm: ParameterRange | null;
  expectedRopFtHr: number;
  confidence: MlConfidence;
}

/** How far above the analysed segment the bit may be and the optimum still hold, ft (reaming, a short trip). */
export const OPTIMUM_DEPTH_BEHIND_FT = 100;
/** How far below it, ft: about an hour of fast drilling, the age of an hourly report. */
export const OPTIMUM_DEPTH_AHEAD_FT = 300;

/**
 * Whether an optimum learned over [fromFt, toFt] applies at this bit depth. Judged by depth, not
 * by the live d-exponent: the dysfunctions it is quoted against (founder, wasted energy) move
 * d-exponent themselves. One rule for the engine's advisories and the screens' hints.
 */
export function optimumAppliesAt(range: { fromFt: number; toFt: number }, depthFt: number | null): boolean {
  if (depthFt === null || !Number.isFinite(depthFt)) return false;
  return depthFt >= range.fromFt - OPTIMUM_DEPTH_BEHIND_FT && depthFt <= range.toFt + OPTIMUM_DEPTH_AHEAD_FT;
}
