import type { Operation } from './campaign.js';
import type { FlowOutStatus } from './flow-out.js';
import type { RigState } from './wits.js';

/**
 * What the physics engine computed for one packet. `null` = "cannot be computed from the
 * data we have" (missing channel, wrong rig state, too little history); never a guess.
 */
export interface DrillingMetrics {
  timeMs: number;
  rigState: RigState;
  operation: Operation;
  bitDepthFt: number | null;
  holeDepthFt: number | null;
  /** Mechanical specific energy (Teale), psi. Drilling/Reaming only. */
  msePsi: number | null;
  /** Optimal MSE for the current rock hardness, psi. */
  optimalMsePsi: number | null;
  /** optimal / actual x 100, 0-100. */
  mseEfficiencyPercent: number | null;
  dExponent: number | null;
  /** d-exponent corrected for mud weight. */
  dxc: number | null;
  /** ECD: rig-supplied when sent, else computed from mud weight and annular pressure loss. */
  ecdPpg: number | null;
  fractureGradientPpg: number | null;
  /** fracture gradient - ECD; low is bad. */
  ecdMarginPpg: number | null;
  /** flow out - flow in; positive = gain (kick side), negative = loss side. */
  flowBalanceGpm: number | null;
  /** Where flow out came from on this packet (meter, calibrated paddle, none) and the paddle's state (absent on records of older releases). */
  flowOut?: FlowOutStatus;
  /** Pumps on at one rate for the settle time: flows, pits and SPP judged (absent on records of older releases). */
  pumpsSteady?: boolean;
  /** RMS of the flow balance at steady pumps on this rig: the flow-out sensor's own noise (gpm; absent or null while learning). */
  flowNoiseGpm?: number | null;
  /** RMS of the pit rate with settled pits on this rig (transfers, additions, agitators; bbl/hr; absent or null while learning). */
  pitRateNoiseBblHr?: number | null;
  /** Least-squares slope of pit volume over the recent window, bbl/hr. */
  pitRateBblHr: number | null;
  /** Pit volume now minus the pit reference (volume at the start of the window), bbl. */
  pitGainBbl: number | null;
  /** Torque coefficient of variation over the history window (stick-slip indicator). */
  torqueCv: number | null;
  /** Torque vs its EMA baseline, fraction (0.2 = 20 % above). */
  torqueDeltaFraction: number | null;
  /** SPP vs its EMA baseline, psi. */
  sppDeltaPsi: number | null;
  /** MSE vs its EMA baseline, fraction. */
  mseDeltaFraction: number | null;
  /** 1 − ROP / its baseline: positive = ROP fell (on bottom). Absent on records of older releases. */
  ropDropFraction?: number | null;
  /** WOB / its baseline − 1 (on bottom). */
  wobRiseFraction?: number | null;
  /** Seconds the SPP baseline has been learned at this pump rate (young after a rate change), s. */
  sppBaselineAgeS?: number | null;
  /** Where the SPP baseline cannot judge yet (settling after the pumps came back): SPP − its lowest normal of the last half hour at this pump rate and no more weight, psi. */
  sppOverRecentNormalPsi?: number | null;
  /** Pack-off trends together (torque up, SPP up, ROP down over two minutes at held WOB/RPM/pumps): the weakest sign over the level it must pass; 1 or more = all clear. */
  packOffTrendClear?: number | null;
  /** Rock hardness index 0-10 used for the optimal MSE. */
  hardness: number | null;
  /**
   * Trip sheet, pumps off: the trip tank's change the pipe displacement does not explain over the
   * trip window, transfers left out (bbl, + = the well gave more or took less fill). Absent or
   * null = not judged (pumps on, no trip tank).
   */
  tripTankGainBbl?: number | null;
  /** Pumps off: the pits' change the pipe does not explain over the trip window, transfers left out (bbl). */
  pumpsOffPitGainBbl?: number | null;
  /** Pumps off: pipe moved over the trip window (ft, + = run in) and the displacement that makes in a tank (bbl, + = into it). */
  tripPipeMovedFt?: number | null;
  tripDisplacementBbl?: number | null;
}

export const METRIC_KEYS = [
  'msePsi',
  'mseEfficiencyPercent',
  'dExponent',
  'dxc',
  'ecdPpg',
  'ecdMarginPpg',
  'flowBalanceGpm',
  'pitRateBblHr',
  'pitGainBbl',
  'torqueCv',
  'torqueDeltaFraction',
  'sppDeltaPsi',
  'mseDeltaFraction',
] as const satisfies readonly (keyof DrillingMetrics)[];
