// Per-packet detectors (DOMAIN §3.6-3.8, §3.11). Pure functions over one small inputs record
// the engine fills each packet (smoothed values and baseline deltas), so each rule can be
// tested on its own. A detector returns null when it does not fire OR when the data it
// needs is missing: missing channels never vote.
import type { FaultKind } from '../../src-shared/advisory.js';
import { MIN_REGULARITY } from './stick-slip.js';
import { singleIndicatorLevel } from './trackers/noise-band.js';
import type { EffectiveThresholds } from './thresholds.js';
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
  /** Pumps steady long enough for the pits to settle after line fill or drain-back. */
  pitsSettled: boolean;
  /** RMS of the flow balance at steady pumps on this rig (null while learning), gpm. */
  flowNoiseGpm: number | null;
  /** RMS of the pit rate with settled pits on this rig (null while learning), bbl/hr. */
  pitRateNoiseBblHr: number | null;
  /** RMS of the pit gain with settled pits on this rig (transfers, agitators), bbl. */
  pitGainNoiseBbl: number | null;
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
}

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
    torqueCv: null,
    torqueRegularity: null,
    mseEfficiencyPercent: null,
    mseDeltaFraction: null,
    dxcDelta: null,
    pumpsSteady: false,
    sppBaselineAgeS: null,
    pitsSettled: false,
    flowNoiseGpm: null,
    pitRateNoiseBblHr: null,
    pitGainNoiseBbl: null,
    pumpsOffSettledS: null,
    flowOutPumpsOffGpm: null,
    pitGainPumpsOffBbl: null,
    founderQuickStreak: 0,
    founderWobSlopeRel: null,
    founderRopSlopeRel: null,
  };
}

/**
 * Share of a WOB rise that shows as surface torque: bit torque grows with WOB, but surface
 * torque also carries string friction that does not (about half on a typical deviated well).
 * Only the torque rise beyond this share of the WOB rise is drag on the string.
 */
export const BIT_TORQUE_SHARE = 0.5;

/** Torque rise beyond what a WOB rise explains (a founder or a weight step is not drag). */
/** An SPP baseline younger than this (a new pump rate) cannot rule a pack-off out, s. */
export const SPP_JUDGES_AFTER_S = 300;

export const sppJudges = (sppDeltaPsi: number | null | undefined, baselineAgeS: number | null | undefined): boolean =>
  sppDeltaPsi !== null && sppDeltaPsi !== undefined && baselineAgeS !== null && baselineAgeS !== undefined && baselineAgeS >= SPP_JUDGES_AFTER_S;

export const torqueExcessFraction = (torqueRise: number, wobRise: number | null): number => torqueRise - BIT_TORQUE_SHARE * Math.max(wobRise ?? 0, 0);

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
const r1 = (x: number): string => fixed(x, 1);
const r0 = (x: number): string => fixed(x, 0);
const pct = (x: number): string => percentOfFraction(x);

/**
 * Kick: indicator vote (DOMAIN §3.6). Flow gain, pit gain or pit rate, gas rise; ≥ kickMin
 * indicators. A flow gain clear of this rig's flow-out noise on its own is also reported, as
 * a WARNING: the flow-out sensor is the first thing to see a kick and the tactical sustain
 * counter filters a glitch. Needs flow-out (flowBalanceGpm) and steady pumps.
 */
export function detectKick(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || !x.pumpsSteady) return null;
  let count = 0;
  let sum = 0;
  const fb = x.flowBalanceGpm;
  const flowOn = fb > t.flowImbalanceWarningGpm;
  if (flowOn) {
    count++;
    sum += clamp01(fb / t.kickFlowSeverityDivisorGpm);
  }
  const gain = x.pitsSettled ? x.pitGainBbl : null;
  const rate = x.pitsSettled ? x.pitRateBblHr : null;
  const pitRateLevel = singleIndicatorLevel(t.pitRateWarningBblHr, x.pitRateNoiseBblHr);
  const pitGainLevel = singleIndicatorLevel(t.pitGainWarningBbl, x.pitGainNoiseBbl);
  if ((gain !== null && gain > pitGainLevel) || (rate !== null && rate > pitRateLevel)) {
    count++;
    sum += clamp01(Math.max((gain ?? 0) / t.kickPitSeverityDivisorBbl, (rate ?? 0) / (3 * t.pitRateCriticalBblHr)));
  }
  if (x.gasRiseUnits !== null && x.gasRiseUnits > t.kickGasIncreaseUnits) {
    count++;
    sum += clamp01(x.gasRiseUnits / t.kickGasSeverityDivisorUnits);
  }
  // The flow-out sensor is the first to see an influx (the pits take minutes to add up): a
  // gain on its own is reported as a WARNING once it stands clear of this rig's flow-out noise;
  // the tactical sustain counter and the verification filter a glitch.
  const flowOnly = count === 1 && flowOn && fb > singleIndicatorLevel(t.flowImbalanceWarningGpm, x.flowNoiseGpm);
  if (count < t.kickMinIndicators && !flowOnly) return null;
  const severity = flowOnly ? 0.5 * sum : sum / count;
  const critical =
    !flowOnly &&
    (fb > t.flowImbalanceCriticalGpm ||
      (gain !== null && gain > t.pitGainCriticalBbl) ||
      (rate !== null && rate > t.pitRateCriticalBblHr) ||
      severity > 0.7);
  const trigger = flowOn
    ? { parameter: 'flowBalanceGpm', value: fb, threshold: t.flowImbalanceWarningGpm, unit: 'gpm' }
    : rate !== null && rate > t.pitRateWarningBblHr
      ? { parameter: 'pitRateBblHr', value: rate, threshold: t.pitRateWarningBblHr, unit: 'bbl/hr' }
      : { parameter: 'pitGainBbl', value: gain ?? 0, threshold: t.pitGainWarningBbl, unit: 'bbl' };
  const parts = [`flow out ${r1(fb)} gpm ${fb >= 0 ? 'above' : 'below'} flow in`];
  if (gain !== null) parts.push(`pit ${gain >= 0 ? '+' : ''}${r1(gain)} bbl`);
  if (rate !== null) parts.push(`pit rate ${r1(rate)} bbl/hr`);
  if (x.gasRiseUnits !== null && x.gasRiseUnits > t.kickGasIncreaseUnits) parts.push(`gas +${r0(x.gasRiseUnits)} units`);
  return {
    fault: 'kick',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity,
    trigger,
    description: `Possible kick: ${parts.join(', ')}`,
  };
}

/**
 * The flow check a driller does at every connection: with the pumps off and the flow-back
 * over, the well must be static. Returns still coming over the flow-out sensor mean the well
 * is flowing: a kick, often swabbed in while picking up. CRITICAL above the critical
 * imbalance or with the pits gaining too. Not used while running pipe in (displacement flows
 * back by design; the trip tank is the check there); the caller decides that.
 */
export function detectFlowWithPumpsOff(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const flow = x.flowOutPumpsOffGpm;
  if (x.pumpsOffSettledS === null || flow === null || flow <= t.flowImbalanceWarningGpm) return null;
  const gain = x.pitGainPumpsOffBbl;
  const pitUp = gain !== null && gain > t.pitGainWarningBbl;
  const critical = flow > t.flowImbalanceCriticalGpm || pitUp;
  const parts = [`flow out ${r1(flow)} gpm with the pumps off for ${r0(x.pumpsOffSettledS)} s`];
  if (gain !== null) parts.push(`pit ${gain >= 0 ? '+' : ''}${r1(gain)} bbl since the flow-back`);
  return {
    fault: 'kick',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01(Math.max(flow / t.kickFlowSeverityDivisorGpm, (gain ?? 0) / t.kickPitSeverityDivisorBbl)),
    trigger: { parameter: 'flowOutGpm', value: flow, threshold: t.flowImbalanceWarningGpm, unit: 'gpm' },
    description: `Well flowing with the pumps off (flow check positive): ${parts.join(', ')}`,
  };
}

/**
 * Loss: flow deficit, pit loss or falling pit, SPP drop vs baseline (not a rise: reference
 * quirk 5). Needs flow-out and steady pumps.
 */
export function detectLoss(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || !x.pumpsSteady) return null;
  let count = 0;
  let sum = 0;
  const fb = x.flowBalanceGpm;
  const flowOn = fb < -t.flowImbalanceWarningGpm;
  if (flowOn) {
    count++;
    sum += clamp01(-fb / t.kickFlowSeverityDivisorGpm);
  }
  const gain = x.pitsSettled ? x.pitGainBbl : null;
  const rate = x.pitsSettled ? x.pitRateBblHr : null;
  const pitRateLevel = singleIndicatorLevel(t.pitRateWarningBblHr, x.pitRateNoiseBblHr);
  const pitGainLevel = singleIndicatorLevel(t.pitGainWarningBbl, x.pitGainNoiseBbl);
  if ((gain !== null && gain < -pitGainLevel) || (rate !== null && rate < -pitRateLevel)) {
    count++;
    sum += clamp01(Math.max(-(gain ?? 0) / t.kickPitSeverityDivisorBbl, -(rate ?? 0) / (3 * t.pitRateCriticalBblHr)));
  }
  if (x.sppDeltaPsi !== null && x.sppDeltaPsi < -t.sppDeviationWarningPsi) {
    count++;
    sum += clamp01(-x.sppDeltaPsi / 500);
  }
  const flowOnly = count === 1 && flowOn && -fb > singleIndicatorLevel(t.flowImbalanceWarningGpm, x.flowNoiseGpm);
  if (count < t.lossMinIndicators && !flowOnly) return null;
  const severity = flowOnly ? 0.5 * sum : sum / count;
  const critical =
    !flowOnly &&
    (fb < -t.flowImbalanceCriticalGpm ||
      (gain !== null && gain < -t.pitGainCriticalBbl) ||
      (rate !== null && rate < -t.pitRateCriticalBblHr) ||
      severity > 0.7);
  const trigger = flowOn
    ? { parameter: 'flowBalanceGpm', value: fb, threshold: -t.flowImbalanceWarningGpm, unit: 'gpm' }
    : rate !== null && rate < -t.pitRateWarningBblHr
      ? { parameter: 'pitRateBblHr', value: rate, threshold: -t.pitRateWarningBblHr, unit: 'bbl/hr' }
      : { parameter: 'sppDeltaPsi', value: x.sppDeltaPsi ?? 0, threshold: -t.sppDeviationWarningPsi, unit: 'psi' };
  const parts = [`flow out ${r1(Math.abs(fb))} gpm ${fb <= 0 ? 'below' : 'above'} flow in`];
  if (gain !== null) parts.push(`pit ${gain >= 0 ? '+' : ''}${r1(gain)} bbl`);
  if (rate !== null) parts.push(`pit rate ${r1(rate)} bbl/hr`);
  if (x.sppDeltaPsi !== null && x.sppDeltaPsi < -t.sppDeviationWarningPsi) parts.push(`SPP ${r0(x.sppDeltaPsi)} psi vs baseline`);
  return {
    fault: 'loss',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity,
    trigger,
    description: `Possible lost circulation: ${parts.join(', ')}`,
  };
}

/** Total gas above the warning level. Only with a flow-out sensor (see engine: no WellControl without it). */
export function detectGas(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || x.gasUnits === null || x.gasUnits <= t.gasWarningUnits) return null;
  const critical = x.gasUnits > t.gasCriticalUnits;
  return {
    fault: 'gas',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01((x.gasUnits - t.gasWarningUnits) / Math.max(t.gasCriticalUnits - t.gasWarningUnits, 1e-9)),
    trigger: { parameter: 'gasUnits', value: x.gasUnits, threshold: t.gasWarningUnits, unit: 'units' },
    description: `Total gas ${r0(x.gasUnits)} units (warning ${r0(t.gasWarningUnits)}, critical ${r0(t.gasCriticalUnits)})`,
  };
}

/** H2S is a personnel hazard: reported whenever the sensor reads it, flow-out or not. */
export function detectH2s(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.h2sPpm === null || x.h2sPpm <= t.h2sWarningPpm) return null;
  const critical = x.h2sPpm > t.h2sCriticalPpm;
  return {
    fault: 'h2s',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01((x.h2sPpm - t.h2sWarningPpm) / Math.max(t.h2sCriticalPpm - t.h2sWarningPpm, 1e-9)),
    trigger: { parameter: 'h2sPpm', value: x.h2sPpm, threshold: t.h2sWarningPpm, unit: 'ppm' },
    description: `H2S ${r1(x.h2sPpm)} ppm (warning ${r0(t.h2sWarningPpm)}, critical ${r0(t.h2sCriticalPpm)})`,
  };
}

/**
 * Pit rate alone (no flow-out confirmation). Needs flow-out like every pit/flow rule, pits
 * settled after the last pump change, and the pit to have actually moved by the pit-gain warning
 * in the same direction: a rate from line fill or sensor noise does not add up to barrels.
 */
export function detectPitRate(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || !x.pumpsSteady || !x.pitsSettled || x.pitRateBblHr === null || x.pitGainBbl === null) return null;
  const r = x.pitRateBblHr;
  if (Math.abs(r) <= singleIndicatorLevel(t.pitRateWarningBblHr, x.pitRateNoiseBblHr)) return null;
  if (Math.sign(x.pitGainBbl) !== Math.sign(r) || Math.abs(x.pitGainBbl) <= singleIndicatorLevel(t.pitGainWarningBbl, x.pitGainNoiseBbl)) return null;
  const critical = Math.abs(r) > t.pitRateCriticalBblHr;
  return {
    fault: 'pit-rate',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01(Math.abs(r) / (2 * t.pitRateCriticalBblHr)),
    trigger: { parameter: 'pitRateBblHr', value: r, threshold: Math.sign(r) * t.pitRateWarningBblHr, unit: 'bbl/hr' },
    description: `Pit volume ${r > 0 ? 'rising' : 'falling'} at ${r1(Math.abs(r))} bbl/hr`,
  };
}

export function detectEcdMargin(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.ecdMarginPpg === null || x.ecdMarginPpg >= t.ecdMarginWarningPpg) return null;
  const m = x.ecdMarginPpg;
  return {
    fault: 'ecd-margin',
    level: m < t.ecdMarginCriticalPpg ? 'CRITICAL' : 'WARNING',
    severity: clamp01((t.ecdMarginWarningPpg - m) / Math.max(t.ecdMarginWarningPpg - t.ecdMarginCriticalPpg, 1e-9)),
    trigger: { parameter: 'ecdMarginPpg', value: m, threshold: t.ecdMarginWarningPpg, unit: 'ppg' },
    description: `ECD only ${m.toFixed(2)} ppg below the fracture gradient`,
  };
}

/**
 * Pack-off (DOMAIN §3.7) on baseline deltas: torque up AND (SPP up OR ROP down while WOB is
 * being pushed). The WOB condition on the ROP path keeps a hard stringer (torque up, ROP
 * down, WOB steady, SPP steady) out of it; that is a formation change.
 */
export function detectPackOff(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const tq = x.torqueDeltaFraction;
  if (tq === null || tq <= t.torqueIncreaseWarningFraction) return null;
  // Bit torque follows WOB: only the torque rise beyond the WOB rise is drag on the string
  // (a founder or a weight step pushes WOB up and torque with it, and is not a pack-off).
  if (torqueExcessFraction(tq, x.wobRiseFraction) <= t.torqueIncreaseWarningFraction) return null;
  let count = 1;
  let sum = clamp01(tq / 0.3);
  const sppFrac = x.sppDeltaPsi !== null && x.sppBaselinePsi !== null && x.sppBaselinePsi > 0 ? x.sppDeltaPsi / x.sppBaselinePsi : null;
  const sppOn =
    x.sppDeltaPsi !== null &&
    sppFrac !== null &&
    (sppFrac > t.packoffSppIncreaseFraction || x.sppDeltaPsi >= t.sppDeviationWarningPsi / 2);
  if (sppOn) {
    count++;
    sum += clamp01(Math.max((sppFrac as number) / 0.25, (x.sppDeltaPsi as number) / (2 * t.sppDeviationCriticalPsi)));
  }
  const ropOn = x.ropDropFraction !== null && x.ropDropFraction > t.packoffRopDecreaseFraction;
  if (ropOn) {
    count++;
    sum += clamp01((x.ropDropFraction as number) / 0.5);
  }
  // Both signs of a packing annulus (DOMAIN §3.7: torque and SPP up, ROP down), or a large
  // torque excess with SPP well up (off-bottom-ish, no ROP to judge): one sign alone is noise.
  // Where SPP cannot judge (no baseline at this pump rate yet: the driller cut the rate, as
  // drillers do when the hole packs off), a large torque excess with ROP falling stands.
  const excess = torqueExcessFraction(tq, x.wobRiseFraction);
  const strongSpp = x.sppDeltaPsi !== null && x.sppDeltaPsi >= t.sppDeviationWarningPsi;
  const sppBlind = !sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS);
  const bigExcess = excess > t.torqueIncreaseCriticalFraction;
  if (!(sppOn && ropOn) && !(strongSpp && bigExcess) && !(sppBlind && ropOn && bigExcess)) return null;
  const severity = sum / count;
  const critical = tq > t.torqueIncreaseCriticalFraction && (severity > 0.7 || (x.sppDeltaPsi ?? 0) > t.sppDeviationWarningPsi);
  const parts = [`torque ${pct(tq)} above baseline`];
  if (sppOn) parts.push(`SPP +${r0(x.sppDeltaPsi as number)} psi`);
  if (ropOn) parts.push(`ROP ${pct(x.ropDropFraction as number)} down`);
  return {
    fault: 'pack-off',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity,
    trigger: { parameter: 'torqueDeltaFraction', value: tq, threshold: t.torqueIncreaseWarningFraction, unit: 'fraction' },
    description: `Possible pack-off: ${parts.join(', ')}`,
  };
}

/** The SPP drop that reads as a washout: the configured drop, or the rig's learned SPP band if tighter. */
export function washoutDropPsi(t: EffectiveThresholds): number {
  return Math.min(t.washoutSppDropPsi, t.sppDeviationWarningPsi);
}

/**
 * Washout: SPP down vs baseline at steady pumps and steady WOB. The flow balance must be
 * near zero: a deficit is a loss (which also drops SPP), a gain is a kick.
 */
export function detectWashout(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const drop = washoutDropPsi(t);
  if (!x.pumpsSteady || x.sppDeltaPsi === null || x.sppDeltaPsi > -drop) return null;
  if (x.wobRiseFraction !== null && Math.abs(x.wobRiseFraction) > 0.1) return null;
  if (x.flowBalanceGpm !== null && Math.abs(x.flowBalanceGpm) > t.flowImbalanceWarningGpm / 2) return null;
  const d = x.sppDeltaPsi;
  return {
    fault: 'washout',
    level: d < -t.sppDeviationCriticalPsi ? 'CRITICAL' : 'WARNING',
    severity: clamp01(-d / (2 * t.sppDeviationCriticalPsi)),
    trigger: { parameter: 'sppDeltaPsi', value: d, threshold: -drop, unit: 'psi' },
    description: `SPP ${r0(-d)} psi below baseline at steady pump rate: possible washout`,
  };
}

/** SPP away from baseline that is neither a washout nor part of a pack-off. */
export function detectSppDeviation(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (!x.pumpsSteady || x.sppDeltaPsi === null || Math.abs(x.sppDeltaPsi) <= t.sppDeviationWarningPsi) return null;
  const d = x.sppDeltaPsi;
  return {
    fault: 'spp-deviation',
    level: Math.abs(d) > t.sppDeviationCriticalPsi ? 'CRITICAL' : 'WARNING',
    severity: clamp01(Math.abs(d) / (2 * t.sppDeviationCriticalPsi)),
    trigger: { parameter: 'sppDeltaPsi', value: d, threshold: Math.sign(d) * t.sppDeviationWarningPsi, unit: 'psi' },
    description: `SPP ${d > 0 ? '+' : ''}${r0(d)} psi vs baseline at steady pump rate`,
  };
}

/**
 * Stick-slip: the torque oscillates (detrended CV above the warning) AND the oscillation repeats
 * (a 3-15 s period): a collapsing, stepping or noisy torque is not stick-slip.
 */
export function detectStickSlip(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.torqueCv === null || x.torqueCv <= t.stickSlipCvWarning) return null;
  if (x.torqueRegularity === null || x.torqueRegularity < MIN_REGULARITY) return null;
  const cv = x.torqueCv;
  return {
    fault: 'stick-slip',
    level: cv >= t.stickSlipCvCritical ? 'CRITICAL' : 'WARNING',
    severity: clamp01((cv - t.stickSlipCvWarning) / Math.max(t.stickSlipCvCritical - t.stickSlipCvWarning, 1e-9)),
    trigger: { parameter: 'torqueCv', value: cv, threshold: t.stickSlipCvWarning, unit: 'fraction' },
    description: `Torque cycling: oscillation ${pct(cv)} of the mean torque, repeating (stick-slip above ${pct(t.stickSlipCvWarning)})`,
  };
}

/** Founder severity from the ROP response (DOMAIN §3.7). */
export function founderSeverity(ropChangeRel: number): number {
  if (ropChangeRel < -0.05) return 1.0;
  if (ropChangeRel < -0.02) return 0.7;
  if (ropChangeRel < 0) return 0.5;
  return 0.3;
}

/**
 * Founder: more weight no longer buys ROP. Three forms, first that fires:
 *  quick  — WOB up > 5 % packet to packet with ROP not up, on `debounce` consecutive packets;
 *  trend  — WOB slope > wob_increase_min per packet (relative to the window start) with the
 *           ROP slope < rop_response_min;
 *  level  — WOB ≥ 10 % above its baseline with ROP not above its own.
 */
export function detectFounder(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  let ropRel: number | null = null;
  let how = '';
  if (x.founderQuickStreak >= t.founderDebouncePackets) {
    ropRel = x.ropDropFraction !== null ? -x.ropDropFraction : 0;
    how = `WOB stepped up on ${x.founderQuickStreak} packets in a row`;
  } else if (
    x.founderWobSlopeRel !== null &&
    x.founderRopSlopeRel !== null &&
    x.founderWobSlopeRel >= t.founderWobIncreaseMin &&
    x.founderRopSlopeRel < t.founderRopResponseMin
  ) {
    ropRel = x.founderRopSlopeRel;
    how = `WOB rising ${(x.founderWobSlopeRel * 100).toFixed(1)} %/s, ROP ${(x.founderRopSlopeRel * 100).toFixed(1)} %/s`;
  } else if (
    x.wobRiseFraction !== null &&
    x.ropDropFraction !== null &&
    x.wobRiseFraction >= 0.1 &&
    -x.ropDropFraction <= t.founderRopResponseMin
  ) {
    ropRel = -x.ropDropFraction;
    how = `WOB ${pct(x.wobRiseFraction)} above baseline, ROP ${pct(-x.ropDropFraction)} vs baseline`;
  }
  if (ropRel === null) return null;
  const severity = founderSeverity(ropRel);
  return {
    fault: 'founder',
    level: severity >= t.founderSeverityHigh ? 'CRITICAL' : 'WARNING',
    severity,
    trigger: { parameter: 'founderSeverity', value: severity, threshold: t.founderSeverityWarning, unit: 'fraction' },
    description: `Bit foundering: ${how}`,
  };
}

export function detectTorqueRise(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const tq = x.torqueDeltaFraction;
  if (tq === null || tq <= t.torqueIncreaseWarningFraction) return null;
  // A torque rise the WOB explains (more weight, more bit torque) is the driller's own doing.
  if (torqueExcessFraction(tq, x.wobRiseFraction) <= t.torqueIncreaseWarningFraction) return null;
  return {
    fault: 'torque-rise',
    level: tq > t.torqueIncreaseCriticalFraction ? 'CRITICAL' : 'WARNING',
    severity: clamp01(tq / (2 * t.torqueIncreaseCriticalFraction)),
    trigger: { parameter: 'torqueDeltaFraction', value: tq, threshold: t.torqueIncreaseWarningFraction, unit: 'fraction' },
    description: `Torque ${pct(tq)} above baseline${x.torqueKftLbf !== null ? ` (${r1(x.torqueKftLbf)} kft-lbf)` : ''}`,
  };
}

export function detectMseInefficiency(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const e = x.mseEfficiencyPercent;
  if (e === null || e >= t.mseEfficiencyWarningPercent) return null;
  return {
    fault: 'mse-inefficiency',
    level: e < t.mseEfficiencyPoorPercent ? 'CRITICAL' : 'WARNING',
    severity: clamp01(
      (t.mseEfficiencyWarningPercent - e) / Math.max(t.mseEfficiencyWarningPercent - t.mseEfficiencyPoorPercent, 1e-9) / 2 +
        (e < t.mseEfficiencyPoorPercent ? 0.5 : 0),
    ),
    trigger: { parameter: 'mseEfficiencyPercent', value: e, threshold: t.mseEfficiencyWarningPercent, unit: '%' },
    description: `MSE efficiency ${r0(e)} % (warning below ${r0(t.mseEfficiencyWarningPercent)} %)`,
  };
}

/**
 * Formation change (DOMAIN §3.8) from dxc and MSE against their baselines: both moving
 * together (hard/soft stringer), or dxc falling at steady MSE beyond the d-exponent warning
 * (rising pore pressure).
 */
export function detectFormationChange(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const dd = x.dxcDelta;
  if (dd === null) return null;
  const md = x.mseDeltaFraction;
  const stringer = Math.abs(dd) >= t.dxcTrendThreshold && md !== null && Math.abs(md) >= t.mseChangeSignificantFraction && Math.sign(md) === Math.sign(dd);
  const pressure = dd <= t.dExponentDecreaseWarning;
  if (!stringer && !pressure) return null;
  const kind = pressure && !(md !== null && md > t.mseChangeSignificantFraction)
    ? 'dxc falling: possible pore-pressure increase'
    : dd > 0
      ? 'harder rock (dxc and MSE up)'
      : 'softer rock (dxc and MSE down)';
  return {
    fault: 'formation-change',
    level: 'WARNING',
    severity: clamp01(Math.abs(dd) / 0.3),
    trigger: { parameter: 'dxcDelta', value: dd, threshold: dd < 0 ? -t.dxcTrendThreshold : t.dxcTrendThreshold, unit: '' },
    description: `Formation change: ${kind}; dxc ${dd >= 0 ? '+' : ''}${dd.toFixed(2)} vs baseline${md !== null ? `, MSE ${md >= 0 ? '+' : ''}${pct(md)}` : ''}`,
  };
}

/** Urgency order for sorting: well control first (DOMAIN §3.11). */
export const FAULT_URGENCY: Record<FaultKind, number> = {
  kick: 0,
  loss: 1,
  h2s: 2,
  gas: 3,
  'pit-rate': 4,
  'ecd-margin': 5,
  'pack-off': 6,
  washout: 7,
  'spp-deviation': 8,
  'stick-slip': 9,
  founder: 10,
  'torque-rise': 11,
  'mse-inefficiency': 12,
  'formation-change': 13,
  // The trip sheet's gain and loss rank with the kick and the loss they may be.
  'trip-gain': 0,
  'trip-loss': 1,
};

const WELL_CONTROL_MAX_URGENCY = 4;

/** Critical well control first, then by fault urgency, then severity. */
export function compareDetections(a: Detection, b: Detection): number {
  const ua = FAULT_URGENCY[a.fault];
  const ub = FAULT_URGENCY[b.fault];
  const ca = ua <= WELL_CONTROL_MAX_URGENCY && a.level === 'CRITICAL' ? 0 : 1;
  const cb = ub <= WELL_CONTROL_MAX_URGENCY && b.level === 'CRITICAL' ? 0 : 1;
  if (ca !== cb) return ca - cb;
  if (ua !== ub) return ua - ub;
  return b.severity - a.severity;
}
