// The specialist contract: each specialist looks at a verified ticket, a short summary of the
// recent history and the campaign-aware limits, and votes a level with a readable reason.
import type { Ticket, VerificationResult, VoteLevel } from '../../../src-shared/advisory.js';
import type { Weights } from '../../config/campaign-controller.js';
import { fixed, percentOfFraction } from '../../../src-shared/number-format.js';
import type { EffectiveThresholds } from '../../physics/thresholds.js';

/** One history entry as the orchestrator receives it (null = not available). */
export interface HistorySample {
  dxc: number | null;
  torqueKftLbf: number | null;
  wobKlbf: number | null;
  ropFtHr: number | null;
  sppDeltaPsi: number | null;
}

/** Least-squares summary of one series over the window (x = packet index). */
export interface SeriesSummary {
  /** Finite samples used. */
  n: number;
  mean: number;
  slopePerPacket: number;
  /**
   * Fitted change over the window relative to the mean (slope·(n−1)/|mean|): 0.10 = the
   * line rises by 10 % of the mean across the window. 0 when the mean is 0.
   */
  trendFraction: number;
}

/** null = fewer than MIN_TREND_SAMPLES finite values ("not enough data", not a guess). */
export interface HistorySummary {
  samples: number;
  dxc: SeriesSummary | null;
  torqueKftLbf: SeriesSummary | null;
  wobKlbf: SeriesSummary | null;
  ropFtHr: SeriesSummary | null;
  sppDeltaPsi: SeriesSummary | null;
}

export const MIN_TREND_SAMPLES = 5;

export interface SpecialistInput {
  ticket: Ticket;
  verification: VerificationResult;
  history: HistorySummary;
  /** The limits in force: campaign- and baseline-aware (thresholdsFor). */
  limits: EffectiveThresholds;
}

export interface SpecialistOpinion {
  level: VoteLevel;
  reason: string;
}

export interface Specialist {
  readonly name: string;
  readonly weightKey: keyof Weights;
  evaluate(input: SpecialistInput): SpecialistOpinion;
}

/** Formats a number for a reason: fixed decimals, no "-0" (the shared number formatter). */
export const fmt = (x: number, decimals = 1): string => fixed(x, decimals);

export const pct = (fraction: number, decimals = 0): string => percentOfFraction(fraction, decimals);
