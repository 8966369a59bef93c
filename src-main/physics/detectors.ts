// Per-packet detectors (DOMAIN §3.7-3.8, §3.11): hydraulics, mechanical, efficiency and
// formation here, well control in detect-well-control.ts, pack-off in detect-pack-off.ts, the
// inputs record and helpers in detection.ts (all re-exported, so callers import detectors from
// this one place). Pure functions: each rule can be tested on its own.
import type { FaultKind } from '../../src-shared/advisory.js';
import { rpmUpSinceTorqueBaseline } from './detect-pack-off.js';
import { MIN_REGULARITY, swingOfNormalTorque } from './stick-slip.js';
import type { EffectiveThresholds } from './thresholds.js';
import { clamp01, pct, r0, r1, torqueExcessFraction, sppHeldTrendCountsPsi, sppJudges, SPP_WOB_STEP_FRACTION, washoutDropPsi, type Detection, type DetectorInputs } from './detection.js';

export * from './detection.js';
export * from './detect-well-control.js';
export * from './detect-pack-off.js';

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
 * Washout: SPP down vs baseline at steady pumps, with the weight on bit not taken off since the
 * baseline was learned; or SPP falling steadily over the last minute at a held pump rate and bit
 * load (the erosion itself, readable where a pump-rate or weight change has left no baseline to
 * judge by). The flow balance must be near zero: a deficit is a loss (which also drops SPP), a
 * gain is a kick.
 */
export function detectWashout(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (!x.pumpsSteady) return null;
  if (x.flowBalanceGpm !== null && Math.abs(x.flowBalanceGpm) > t.flowImbalanceWarningGpm / 2) return null;
  // A pack-off whose pressure became the baseline (held long, or across a connection), then
  // cleared, drops SPP back to where it was: with the baseline raised by a washout drop over the
  // half hour's lowest normal, erosion must take SPP below that normal as well.
  if (backToRecentNormal(x, washoutDropPsi(t), sppHeldTrendCountsPsi(t))) return null;
  return washoutOnBaseline(x, t) ?? washoutFalling(x, t) ?? washoutBelowRecentNormal(x, t);
}

/**
 * How far under its pre-restart normal SPP must be to read as a washout: twice the washout drop
 * (or the critical deviation, if more). Across half an hour at one rate and weight SPP wanders by
 * a washout's drop with nothing wrong (USROP F-9: 80-100 psi after the driller cut the pumps).
 */
export const washoutAcrossRestartPsi = (t: EffectiveThresholds): number => Math.max(2 * washoutDropPsi(t), t.sppDeviationCriticalPsi);

/**
 * Where the baseline cannot judge (it restarted with the pumps after a connection and is settling,
 * following the erosion down), SPP below the lowest normal of the last half hour at this pump rate
 * and no more weight by washoutAcrossRestartPsi: it was higher at the same rate and bit load minutes ago.
 */
function washoutBelowRecentNormal(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const below = x.sppOverRecentNormalAtWeightPsi;
  const drop = washoutAcrossRestartPsi(t);
  if (below === null || below > -drop) return null;
  return {
    fault: 'washout',
    level: 'WARNING',
    severity: clamp01(-below / (2 * t.sppDeviationCriticalPsi)),
    trigger: { parameter: 'sppOverRecentNormalPsi', value: below, threshold: -drop, unit: 'psi' },
    description: `SPP ${r0(-below)} psi below its normal of the last half hour at this pump rate and weight (the baseline restarted with the pumps): possible washout`,
  };
}

/**
 * A steady fall of half the washout drop within a held minute: a straight, progressive fall at
 * one pump rate and bit load is erosion, not noise (trackers/spp-held-trend.ts).
 */
function washoutFalling(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const trend = x.sppHeldTrend;
  const counts = sppHeldTrendCountsPsi(t);
  if (trend === null || -trend.changePsi < counts) return null;
  // Where a baseline judges, erosion has taken SPP below it: a fall that ends at or above it is SPP
  // easing off an excursion (a pack-off loosening), not a washout.
  if (sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS) && (x.sppDeltaPsi as number) > -counts / 2) return null;
  const fallPsi = -trend.changePsi;
  return {
    fault: 'washout',
    level: 'WARNING',
    severity: clamp01(fallPsi / (2 * t.sppDeviationCriticalPsi)),
    trigger: { parameter: 'sppFallPsi', value: -fallPsi, threshold: -counts, unit: 'psi' },
    description: `SPP falling steadily: ${r0(fallPsi)} psi over the last ${r0(trend.spanS)} s at a held pump rate and bit load: possible washout`,
  };
}

function washoutOnBaseline(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const drop = washoutDropPsi(t);
  if (x.sppDeltaPsi === null || x.sppDeltaPsi > -drop) return null;
  // Against a baseline still settling after a rate change, a drop is the surge wearing off; against
  // one SPP never read normal by (it settled on an excursion), SPP going back is no erosion. The
  // steady-fall rule still reads a washout that began before the baseline settled.
  if (!sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS) || !x.sppBaselineReadNormal) return null;
  // On a mud motor SPP carries the motor's differential pressure, which follows the bit load:
  // weight taken off since the baseline was learned lowers SPP with no washout. Weight added
  // raises it, so it cannot explain a fall (it only hides part of one).
  if (x.sppWobChangeFraction !== null && x.sppWobChangeFraction < -SPP_WOB_STEP_FRACTION) return null;
  const d = x.sppDeltaPsi;
  return {
    fault: 'washout',
    level: d < -t.sppDeviationCriticalPsi ? 'CRITICAL' : 'WARNING',
    severity: clamp01(-d / (2 * t.sppDeviationCriticalPsi)),
    trigger: { parameter: 'sppDeltaPsi', value: d, threshold: -drop, unit: 'psi' },
    description: `SPP ${r0(-d)} psi below baseline at steady pump rate: possible washout`,
  };
}

/**
 * SPP's baseline stands `raisedPsi` or more above the lowest normal of the last half hour (an
 * excursion became the baseline), and SPP now is not `belowPsi` under that normal: back to it.
 */
function backToRecentNormal(x: DetectorInputs, raisedPsi: number, belowPsi: number): boolean {
  const over = x.sppOverRecentLowPsi;
  if (over === null || x.sppDeltaPsi === null) return false;
  const baselineRaisedPsi = over - x.sppDeltaPsi;
  return baselineRaisedPsi >= raisedPsi && over > -belowPsi;
}

/** SPP away from baseline that is neither a washout nor part of a pack-off. */
export function detectSppDeviation(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (!x.pumpsSteady || x.sppDeltaPsi === null || Math.abs(x.sppDeltaPsi) <= t.sppDeviationWarningPsi) return null;
  // Down from a raised baseline to a level that was normal minutes ago: an excursion ended.
  if (x.sppDeltaPsi < 0 && backToRecentNormal(x, t.sppDeviationWarningPsi, t.sppDeviationWarningPsi / 2)) return null;
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
  if (x.torqueCv === null || swingOfNormalTorque(x.torqueCv, x.torqueDeltaFraction) <= t.stickSlipCvWarning) return null;
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
  if (tq === null || tq <= t.torqueIncreaseWarningFraction || rpmUpSinceTorqueBaseline(x)) return null;
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
