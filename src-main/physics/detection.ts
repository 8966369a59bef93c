// What the detectors look at and what they return (DOMAIN §3.6-3.8): one small inputs record the
// engine fills each packet (smoothed values and baseline deltas), and the shared helpers. A
// detector returns null when it does not fire OR when the data it needs is missing: missing
// channels never vote.
import type { PackOffTrendReading } from './trackers/pack-off-trend.js';
import type { SppHeldTrend } from './trackers/spp-held-trend.js';
import type { FaultKind } from '../../src-shared/advisory.js';
import { fixed, percentOfFraction } from '../../src-shared/number-format.js';

export interface Detection {
  fault: FaultKind;
  level: 'WARNING' | 'CRITICAL';
  /** 0..1 */
  severity: number;
  trigger: { parameter: string; value: number; threshold: number; unit: string };
  description: string;
}

/** What the detectors look at. null = not available (missing channel, state, warm-up). */
export interface DetectorInputs {
  /** Flow out − in, mean of the last few packets, gpm. Null without a flow-out sensor. */
  flowBalanceGpm: number | null;
  pitGainBbl: number | null;
  pitRateBblHr: number | null;
  gasUnits: number | null;
  /** Gas above its running background, units. */
  gasRiseUnits: number | null;
  h2sPpm: number | null;
  ecdMarginPpg: number | null;
  /** SPP (short mean) − baseline, psi. */
  sppDeltaPsi: number | null;
  sppBaselinePsi: number | null;
  /** Torque (short mean) / baseline − 1. */
  torqueDeltaFraction: number | null;
  torqueKftLbf: number | null;
  /** 1 − ROP (short mean) / baseline. Positive = ROP fell. */
  ropDropFraction: number | null;
  /** WOB (short mean) / baseline − 1. */
  wobRiseFraction: number | null;
  /** RPM (short mean) / its baseline − 1: the driller's rotary set point moved (null: unknown). */
  rpmRiseFraction: number | null;
  /** Detrended torque oscillation / mean torque over the recent window (null: not assessable). */
  torqueCv: number | null;
  /** How regularly that oscillation repeats: autocorrelation peak at a 3-15 s lag. */
  torqueRegularity: number | null;
  mseEfficiencyPercent: number | null;
  /** MSE (short mean) / baseline − 1. */
  mseDeltaFraction: number | null;
  /** dxc (short mean) − baseline. */
  dxcDelta: number | null;
  /** Pumps on and flow in/SPM steady long enough for flows, pits and SPP to be judged. */
  pumpsSteady: boolean;
  /** Seconds the SPP baseline has been learned at this pump rate (null: none). */
  sppBaselineAgeS: number | null;
  /**
   * Whether SPP has read normal against its present baseline since that baseline began to judge
   * (trackers/deltas.ts SppDelta.readNormal): a baseline that settled on an excursion never has.
   */
  sppBaselineReadNormal: boolean;
  /** WOB (short mean) / the WOB the SPP baseline was learned at − 1 (null: unknown). */
  sppWobChangeFraction: number | null;
  /** Pump rate now / the last rate SPP was judged at − 1 (null: none judged yet). */
  pumpRateChangeFraction: number | null;
  /** SPP moving steadily over the last minute at a held pump rate and bit load (null: not seen). */
  sppHeldTrend: SppHeldTrend | null;
  /**
   * SPP − the lowest baseline it had in the last half hour at this pump rate (null: none): SPP
   * back near a recent normal is an excursion over (a pack-off cleared), not a washout.
   */
  sppOverRecentLowPsi: number | null;
  /** Where the SPP baseline cannot judge: SPP − the lowest recent normal at this rate and no more weight (SppDelta.overRecentNormalAtWeightPsi). */
  sppOverRecentNormalAtWeightPsi: number | null;
  /** Pumps steady long enough for the pits to settle after line fill or drain-back. */
  pitsSettled: boolean;
  /** The pits are evidence of a gain: settled, or a rate up still filling the line (which only lowers them). */
  pitsShowGain: boolean;
  /** The pits are evidence of a loss: settled, or a rate down still draining the line (which only raises them). */
  pitsShowLoss: boolean;
  /** RMS of the flow balance at steady pumps on this rig (null while learning), gpm. */
  flowNoiseGpm: number | null;
  /** RMS of the pit rate with settled pits on this rig (null while learning), bbl/hr. */
  pitRateNoiseBblHr: number | null;
  /** RMS of the pit gain with settled pits on this rig (transfers, agitators), bbl. */
  pitGainNoiseBbl: number | null;
  /** Alarms standing (advised, not cleared): pits or SPP still moving a standing fault's way are that fault going on. */
  standing: StandingAlarms;
  /** Seconds since the pumps stopped, once past the flow-back settle time; null while pumping or settling. */
  pumpsOffSettledS: number | null;
  /** Flow out with the pumps off, mean of the last few packets, gpm. Null without a flow-out sensor. */
  flowOutPumpsOffGpm: number | null;
  /** Pit volume change since the flow-back ended, bbl. */
  pitGainPumpsOffBbl: number | null;
  /** Founder seen on this many consecutive packet pairs (quick rule). */
  founderQuickStreak: number;
  /** Founder trend over the recent drilling window: relative WOB and ROP slopes per packet. */
  founderWobSlopeRel: number | null;
  founderRopSlopeRel: number | null;
  /** Torque, SPP and ROP trends over the last two minutes of steady drilling; null when not judged. */
  packOffTrend: PackOffTrendReading | null;
}

/** Faults whose standing alarm the detectors read (an advised fault, not yet cleared). */
export interface StandingAlarms {
  kick: boolean;
  loss: boolean;
  pitRate: boolean;
  packOff: boolean;
  washout: boolean;
}

export const NO_STANDING_ALARMS: StandingAlarms = { kick: false, loss: false, pitRate: false, packOff: false, washout: false };

export function emptyDetectorInputs(): DetectorInputs {
  return {
    flowBalanceGpm: null,
    pitGainBbl: null,
    pitRateBblHr: null,
    gasUnits: null,
    gasRiseUnits: null,
    h2sPpm: null,
    ecdMarginPpg: null,
    sppDeltaPsi: null,
    sppBaselinePsi: null,
    torqueDeltaFraction: null,
    torqueKftLbf: null,
    ropDropFraction: null,
    wobRiseFraction: null,
    rpmRiseFraction: null,
    torqueCv: null,
    torqueRegularity: null,
    mseEfficiencyPercent: null,
    mseDeltaFraction: null,
    dxcDelta: null,
    pumpsSteady: false,
    sppBaselineAgeS: null,
    sppBaselineReadNormal: false,
    sppWobChangeFraction: null,
    pumpRateChangeFraction: null,
    sppHeldTrend: null,
    sppOverRecentLowPsi: null,
    sppOverRecentNormalAtWeightPsi: null,
    pitsSettled: false,
    pitsShowGain: false,
    pitsShowLoss: false,
    flowNoiseGpm: null,
    pitRateNoiseBblHr: null,
    pitGainNoiseBbl: null,
    pumpsOffSettledS: null,
    flowOutPumpsOffGpm: null,
    pitGainPumpsOffBbl: null,
    founderQuickStreak: 0,
    founderWobSlopeRel: null,
    founderRopSlopeRel: null,
    standing: NO_STANDING_ALARMS,
    packOffTrend: null,
  };
}

/**
 * Share of a WOB rise that shows as surface torque: bit torque grows with WOB, but surface
 * torque also carries string friction that does not (about half on a typical deviated well).
 * Only the torque rise beyond this share of the WOB rise is drag on the string.
 */
export const BIT_TORQUE_SHARE = 0.5;

/** The SPP drop that reads as a washout: the configured drop, or the rig's learned SPP band if tighter. */
export function washoutDropPsi(t: { washoutSppDropPsi: number; sppDeviationWarningPsi: number }): number {
  return Math.min(t.washoutSppDropPsi, t.sppDeviationWarningPsi);
}

/**
 * The least steady SPP change over a held minute that counts (trackers/spp-held-trend.ts): half
 * the smallest SPP change the detectors act on, so a 300-psi change ramping in over 5 minutes
 * (1 psi/s) is read within its first minute or two.
 */
export function sppHeldTrendCountsPsi(t: { washoutSppDropPsi: number; sppDeviationWarningPsi: number }): number {
  return washoutDropPsi(t) / 2;
}

/**
 * A weight-on-bit change this large (fraction of the WOB the SPP baseline was learned at) is a
 * new operating point for SPP: on a mud motor the differential pressure follows the bit load.
 */
export const SPP_WOB_STEP_FRACTION = 0.1;

/** An SPP baseline younger than this (a new pump rate) cannot rule a pack-off out, s. */
export const SPP_JUDGES_AFTER_S = 300;

/** Whether SPP can rule a pack-off in or out: a reading against a baseline learned long enough. */
export const sppJudges = (sppDeltaPsi: number | null | undefined, baselineAgeS: number | null | undefined): boolean =>
  sppDeltaPsi !== null && sppDeltaPsi !== undefined && baselineAgeS !== null && baselineAgeS !== undefined && baselineAgeS >= SPP_JUDGES_AFTER_S;

/**
 * SPP up enough to count towards a pack-off: half the deviation warning, or the configured
 * fraction of the baseline pressure when that is more than a quarter of the warning (a fraction
 * of a near-zero pressure, shallow or with the sensor reading nothing, is no rise).
 */
export function sppRiseCounts(sppDeltaPsi: number, sppBaselinePsi: number, t: { sppDeviationWarningPsi: number; packoffSppIncreaseFraction: number }): boolean {
  if (sppDeltaPsi >= t.sppDeviationWarningPsi / 2) return true;
  return sppBaselinePsi > 0 && sppDeltaPsi >= t.sppDeviationWarningPsi / 4 && sppDeltaPsi / sppBaselinePsi > t.packoffSppIncreaseFraction;
}

/** ROP down by less than this share of the pack-off drop is holding. */
const ROP_HOLDING_SHARE = 0.75;

/**
 * ROP holding (not down by three quarters of the pack-off drop) while drilling: torque and SPP rising together then
 * are a mud motor working harder (its pressure drop follows its torque), not a packing annulus,
 * which slows the bit. Unknown ROP (off bottom, no channel) does not hold.
 */
export const ropHolding = (ropDropFraction: number | null, t: { packoffRopDecreaseFraction: number }): boolean =>
  ropDropFraction !== null && ropDropFraction < ROP_HOLDING_SHARE * t.packoffRopDecreaseFraction;

/** Torque rise beyond what a WOB rise explains (a founder or a weight step is not drag). */
export const torqueExcessFraction = (torqueRise: number, wobRise: number | null): number => torqueRise - BIT_TORQUE_SHARE * Math.max(wobRise ?? 0, 0);

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const r1 = (x: number): string => fixed(x, 1);
export const r0 = (x: number): string => fixed(x, 0);
export const pct = (x: number): string => percentOfFraction(x);
