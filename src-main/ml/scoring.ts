// Stage 7 pieces: how steady one sample is (DOMAIN §10.5 stability penalty near the dysfunction
// thresholds) and how good one WOB x RPM bin is under the campaign's weights.
import { SCORE_WEIGHTS, type ScoreWeights } from './constants.js';
import type { Campaign } from '../../src-shared/campaign.js';

export interface SampleSignals {
  /** Torque CV over the 10 samples up to this one. */
  torqueCv: number | null;
  torqueDeltaFraction: number | null;
  efficiencyPercent: number | null;
  sppDeltaPsi: number | null;
}

const ramp = (excess: number, span: number): number => Math.min(excess / span, 1);

/** 1 = far from every dysfunction threshold; each signal that nears one takes a share off. */
export function sampleStability(s: SampleSignals): number {
  let v = 1;
  if (s.torqueCv !== null && s.torqueCv > 0.06) v -= 0.3 * ramp(s.torqueCv - 0.06, 0.06);
  if (s.torqueDeltaFraction !== null && s.torqueDeltaFraction > 0.05) v -= 0.25 * ramp(s.torqueDeltaFraction - 0.05, 0.05);
  if (s.efficiencyPercent !== null && s.efficiencyPercent < 70) v -= 0.2 * ramp(70 - s.efficiencyPercent, 20);
  if (s.sppDeltaPsi !== null && s.sppDeltaPsi > 37.5) v -= 0.15 * ramp(s.sppDeltaPsi - 37.5, 37.5);
  return Math.max(v, 0);
}

export const weightsFor = (campaign: Campaign): ScoreWeights => SCORE_WEIGHTS[campaign];

export interface BinFigures {
  /** Bin median ROP over the best bin median ROP in the segment, 0-1. */
  ropRatio: number;
  /** Bin median relative efficiency, 0-100. */
  efficiencyPercent: number;
  /** Mean sample stability, 0-1. */
  stability: number;
}

/**
 * Relative efficiency earns full credit from this level up. Surface MSE rises with RPM even in
 * clean drilling (its rotary term grows with N·T/ROP) and scatters by tens of percent; credited
 * linearly it would always pick the slowest rotary speed run, whatever the ROP. Below this knee
 * (the one the stability penalty uses) wasted energy costs score.
 */
export const EFFICIENCY_CREDIT_PERCENT = 70;

const clamp01 = (x: number): number => Math.min(Math.max(x, 0), 1);

/** Campaign-weighted bin score, 0-1. */
export function binScore(b: BinFigures, w: ScoreWeights): number {
  return w.rop * clamp01(b.ropRatio) + w.efficiency * clamp01(b.efficiencyPercent / EFFICIENCY_CREDIT_PERCENT) + w.stability * clamp01(b.stability);
}
