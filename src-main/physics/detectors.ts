// Per-packet detectors (DOMAIN §3.7-3.8, §3.11): hydraulics, mechanical, efficiency and
// formation here, well control in detect-well-control.ts, the inputs record and helpers in
// detection.ts (both re-exported, so callers import detectors from this one place). Pure
// functions: each rule can be tested on its own.
import type { FaultKind } from '../../src-shared/advisory.js';
import { MIN_ASSESSABLE_TORQUE_KFTLBF, MIN_REGULARITY, swingOfNormalTorque } from './stick-slip.js';
import type { EffectiveThresholds } from './thresholds.js';
import type { SppHeldTrend } from './trackers/spp-held-trend.js';
import { clamp01, pct, r0, r1, torqueExcessFraction, ropHolding, sppHeldTrendCountsPsi, sppJudges, sppRiseCounts, SPP_WOB_STEP_FRACTION, washoutDropPsi, type Detection, type DetectorInputs } from './detection.js';

export * from './detection.js';
export * from './detect-well-control.js';

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
  if (torqueBlind(x)) return packOffWithoutTorque(x, t);
  return packOffOnBaselines(x, t) ?? packOffOnTrends(x, t) ?? packOffOnHeldRise(x, t);
}

/**
 * Pack-off read within the held minute: SPP rising steadily with torque rising alongside, at a
 * held pump rate and weight, and ROP below its baseline. Catches a ramp in the minute after the
 * driller's weight step, when the baselines are stale and the two-minute trends have no window
 * of held controls yet. Torque is the discriminator: a plugging nozzle or harder rock does not
 * drag on the string (DOMAIN §3.7). A WARNING: one held minute is short of the full picture.
 */
function packOffOnHeldRise(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const rop = x.ropDropFraction;
  if (rop === null || rop <= t.packoffRopDecreaseFraction) return null;
  const rise = sppRisingSteadily(x, t);
  if (rise === null || !heldTorqueRising(rise, t)) return null;
  const torquePct = (rise.torque as { changeFraction: number }).changeFraction;
  return {
    fault: 'pack-off',
    level: 'WARNING',
    severity: clamp01((rise.changePsi / t.sppDeviationCriticalPsi + rop / 0.5) / 2),
    trigger: { parameter: 'sppTorqueRisePsi', value: rise.changePsi, threshold: sppHeldTrendCountsPsi(t), unit: 'psi' },
    description: `Possible pack-off: SPP rising steadily, +${r0(rise.changePsi)} psi, and torque +${pct(torquePct)} over the last ${r0(rise.spanS)} s at a held pump rate and weight, ROP ${pct(rop)} down`,
  };
}

/**
 * Pack-off read from the two-minute trends together (trackers/pack-off-trend.ts): torque up,
 * SPP up and ROP down at a steady pump rate, read between the driller's WOB and RPM steps (what
 * jumped at a step is his), each clear of this rig's clean-drilling spread. Catches the ramp the
 * baselines miss when they were learned before the driller's last weight change.
 */
function packOffOnTrends(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const r = x.packOffTrend;
  if (r === null || r.clearRatio < 1) return null;
  return {
    fault: 'pack-off',
    level: 'WARNING',
    severity: clamp01(Math.max(r.torqueTrendFraction, x.torqueDeltaFraction ?? 0) / 0.3),
    trigger: { parameter: 'torqueDeltaFraction', value: x.torqueDeltaFraction ?? r.torqueTrendFraction, threshold: t.torqueIncreaseWarningFraction, unit: 'fraction' },
    description: `Possible pack-off: over the last 2 minutes torque +${pct(r.torqueTrendFraction)}, SPP +${r0(r.sppTrendPsi)} psi, ROP −${pct(r.ropFallFraction)} at steady pump rate, the driller's WOB and RPM steps taken out`,
  };
}

function packOffOnBaselines(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const tq = x.torqueDeltaFraction;
  if (tq === null || tq <= t.torqueIncreaseWarningFraction) return null;
  // Bit torque follows WOB: only the torque rise beyond the WOB rise is drag on the string
  // (a founder or a weight step pushes WOB up and torque with it, and is not a pack-off).
  if (torqueExcessFraction(tq, x.wobRiseFraction) <= t.torqueIncreaseWarningFraction) return null;
  let count = 1;
  let sum = clamp01(tq / 0.3);
  const sppFrac = x.sppDeltaPsi !== null && x.sppBaselinePsi !== null && x.sppBaselinePsi > 0 ? x.sppDeltaPsi / x.sppBaselinePsi : null;
  const sppOn = x.sppDeltaPsi !== null && sppFrac !== null && sppRiseCounts(x.sppDeltaPsi, x.sppBaselinePsi as number, t);
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
  const motorLoad = ropHolding(x.ropDropFraction, t);
  if (!(sppOn && ropOn) && !(strongSpp && bigExcess && !motorLoad) && !(sppBlind && ropOn && bigExcess)) return null;
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

/** No torque to judge by: the rig sends none, or the reading sits near zero while drilling. */
const torqueBlind = (x: DetectorInputs): boolean =>
  x.torqueDeltaFraction === null || (x.torqueKftLbf !== null && x.torqueKftLbf < MIN_ASSESSABLE_TORQUE_KFTLBF);

/**
 * Pack-off where torque cannot be read, with ROP falling: SPP up by the deviation warning against
 * a baseline learned long enough at this rate, or rising steadily within a held minute (readable
 * where the driller's pump-rate or weight change left no baseline: on a motor, weight taken off
 * drops SPP, so a rise through it is the annulus loading or a nozzle plugging). A WARNING: one
 * channel short of the full picture.
 */
function packOffWithoutTorque(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const rop = x.ropDropFraction;
  if (rop === null || rop <= t.packoffRopDecreaseFraction) return null;
  const spp = x.sppDeltaPsi;
  if (spp !== null && sppJudges(spp, x.sppBaselineAgeS) && spp >= t.sppDeviationWarningPsi) {
    return {
      fault: 'pack-off',
      level: 'WARNING',
      severity: clamp01((spp / (2 * t.sppDeviationCriticalPsi) + rop / 0.5) / 2),
      trigger: { parameter: 'sppDeltaPsi', value: spp, threshold: t.sppDeviationWarningPsi, unit: 'psi' },
      description: `Possible pack-off: SPP +${r0(spp)} psi at steady pump rate, ROP ${pct(rop)} down (no torque reading to confirm)`,
    };
  }
  const rise = sppRisingSteadily(x, t);
  if (rise === null) return null;
  return {
    fault: 'pack-off',
    level: 'WARNING',
    severity: clamp01((rise.changePsi / t.sppDeviationCriticalPsi + rop / 0.5) / 2),
    trigger: { parameter: 'sppRisePsi', value: rise.changePsi, threshold: sppHeldTrendCountsPsi(t), unit: 'psi' },
    description: `Possible pack-off: SPP rising steadily, +${r0(rise.changePsi)} psi over the last ${r0(rise.spanS)} s at a held pump rate and weight, ROP ${pct(rop)} down (no torque reading to confirm)`,
  };
}

/** How straight the torque rise must be over the held minute to count as rising, not wandering. */
const HELD_TORQUE_MIN_R2 = 0.5;

/** Torque rising steadily through the held minute by a quarter of the torque warning: drag building, not noise. */
export function heldTorqueRising(rise: SppHeldTrend, t: { torqueIncreaseWarningFraction: number }): boolean {
  return rise.torque !== null && rise.torque.changeFraction >= t.torqueIncreaseWarningFraction / 4 && rise.torque.r2 >= HELD_TORQUE_MIN_R2;
}

/**
 * The held minute's steady SPP rise when it counts (sppHeldTrendCountsPsi), and SPP is not
 * merely coming back up to a baseline it had dropped below.
 */
function sppRisingSteadily(x: DetectorInputs, t: EffectiveThresholds): SppHeldTrend | null {
  const trend = x.sppHeldTrend;
  if (trend === null || trend.changePsi < sppHeldTrendCountsPsi(t)) return null;
  if (sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS) && (x.sppDeltaPsi as number) < 0) return null;
  return trend;
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
  return washoutOnBaseline(x, t) ?? washoutFalling(x, t);
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
  // Against a baseline still settling after a rate change, a drop is the surge wearing off.
  if (!sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS)) return null;
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
