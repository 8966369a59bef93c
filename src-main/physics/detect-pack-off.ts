// Pack-off detectors (DOMAIN §3.7): on the baseline deltas, on the two-minute trends, within
// the held minute (SPP and torque rising together), and from SPP alone where torque cannot be
// read; with the driller's set-point changes (weight on a motor, RPM) taken out. Pure.
import { MIN_ASSESSABLE_TORQUE_KFTLBF } from './stick-slip.js';
import type { EffectiveThresholds } from './thresholds.js';
import { SET_POINT_STEP_FRACTION } from './trackers/deltas.js';
import type { SppHeldTrend } from './trackers/spp-held-trend.js';
import { clamp01, pct, r0, torqueExcessFraction, ropHolding, sppHeldTrendCountsPsi, sppJudges, sppRiseCounts, SPP_WOB_STEP_FRACTION, type Detection, type DetectorInputs } from './detection.js';

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
 * held pump rate and weight, and ROP down (heldRiseRopDown). Catches a ramp in the minute after the
 * driller's weight step, when the baselines are stale and the two-minute trends have no window
 * of held controls yet. Torque is the discriminator: a plugging nozzle or harder rock does not
 * drag on the string (DOMAIN §3.7). A WARNING: one held minute is short of the full picture.
 */
function packOffOnHeldRise(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const rise = sppRisingSteadily(x, t);
  const torquePct = heldRiseTorqueFraction(rise, t);
  if (rise === null || torquePct === null) return null;
  const rop = heldRiseRopDown(x.ropDropFraction, rise, t);
  if (rop === null) return null;
  return {
    fault: 'pack-off',
    level: 'WARNING',
    severity: clamp01((rise.changePsi / t.sppDeviationCriticalPsi + rop.fraction / 0.5) / 2),
    trigger: { parameter: 'sppTorqueRisePsi', value: rise.changePsi, threshold: sppHeldTrendCountsPsi(t), unit: 'psi' },
    description: `Possible pack-off: SPP rising steadily, +${r0(rise.changePsi)} psi, and torque +${pct(torquePct)} over the last ${r0(rise.spanS)} s at a held pump rate and weight, ${rop.text}`,
  };
}

/**
 * ROP down with the held minute's rise: below its baseline by the pack-off drop, or falling by
 * half that within the same minute (the baseline a pump-rate or weight change left behind lags a
 * fall that began with it). How much and the words, or null.
 */
export function heldRiseRopDown(ropDropFraction: number | null, rise: SppHeldTrend, t: { packoffRopDecreaseFraction: number }): { fraction: number; text: string } | null {
  if (ropDropFraction !== null && ropDropFraction > t.packoffRopDecreaseFraction) return { fraction: ropDropFraction, text: `ROP ${pct(ropDropFraction)} down` };
  const fall = rise.ropFallFraction;
  if (fall !== null && fall >= t.packoffRopDecreaseFraction / 2) return { fraction: fall, text: `ROP falling ${pct(fall)} over the same minute` };
  return null;
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
  if (tq === null || tq <= t.torqueIncreaseWarningFraction || rpmUpSinceTorqueBaseline(x)) return null;
  // Bit torque follows WOB: only the torque rise beyond the WOB rise is drag on the string
  // (a founder or a weight step pushes WOB up and torque with it, and is not a pack-off).
  if (torqueExcessFraction(tq, x.wobRiseFraction) <= t.torqueIncreaseWarningFraction) return null;
  let count = 1;
  let sum = clamp01(tq / 0.3);
  const sppFrac = x.sppDeltaPsi !== null && x.sppBaselinePsi !== null && x.sppBaselinePsi > 0 ? x.sppDeltaPsi / x.sppBaselinePsi : null;
  const weightOn = weightOnSinceSppBaseline(x);
  const sppOn = !weightOn && x.sppDeltaPsi !== null && sppFrac !== null && sppRiseCounts(x.sppDeltaPsi, x.sppBaselinePsi as number, t);
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
  // drillers do when the hole packs off), a large torque excess with ROP falling stands; not
  // where he brought the pumps up (see pumpsBroughtUp).
  const excess = torqueExcessFraction(tq, x.wobRiseFraction);
  const strongSpp = !weightOn && x.sppDeltaPsi !== null && x.sppDeltaPsi >= t.sppDeviationWarningPsi;
  const sppBlind = !sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS) && !pumpsBroughtUp(x);
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

/**
 * Weight put on since SPP's baseline was learned: on a mud motor the differential pressure
 * follows the bit load, so SPP above that baseline is the weight, not the annulus (the mirror of
 * the washout's weight-taken-off rule). The two-minute trends, which take the driller's weight
 * steps out, still read a pack-off building after such a step.
 */
const weightOnSinceSppBaseline = (x: DetectorInputs): boolean => x.sppWobChangeFraction !== null && x.sppWobChangeFraction > SPP_WOB_STEP_FRACTION;

/**
 * The driller turned the rotary up since torque's baseline was learned: more RPM is more torque
 * (the string's viscous drag grows with speed), a new normal the baseline is still catching up
 * with, not drag building. RPM coming down explains no rise (a driller easing off a packing hole).
 * The two-minute trends, which skip a window with RPM moving, take over once it holds.
 */
export const rpmUpSinceTorqueBaseline = (x: DetectorInputs): boolean => x.rpmRiseFraction !== null && x.rpmRiseFraction > SET_POINT_STEP_FRACTION;

/**
 * SPP has no baseline because the driller brought the pumps up past the last rate it was judged
 * at: he is setting a new operating point (at spud-in the rotary doubles with it), not easing
 * off a packing hole, and torque against a baseline from the old one is not drag. The held-rise
 * and trend paths read a pack-off once SPP has its new baseline.
 */
const pumpsBroughtUp = (x: DetectorInputs): boolean => x.pumpRateChangeFraction !== null && x.pumpRateChangeFraction > SET_POINT_STEP_FRACTION;

/** No torque to judge by: the rig sends none, or the reading sits near zero while drilling. */
const torqueBlind = (x: DetectorInputs): boolean =>
  x.torqueDeltaFraction === null || (x.torqueKftLbf !== null && x.torqueKftLbf < MIN_ASSESSABLE_TORQUE_KFTLBF);

/**
 * Pack-off where torque cannot be read, with ROP falling: SPP up by the deviation warning against
 * a baseline learned long enough at this rate, or rising steadily within a held minute (readable
 * where the driller's pump-rate or weight change left no baseline: on a motor, weight taken off
 * drops SPP, so a rise through it is the annulus loading or a nozzle plugging). A WARNING: one
 * channel short of the full picture. Not while a washout alarm stands.
 */
function packOffWithoutTorque(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  // With a washout standing, SPP alone cannot tell a packing annulus from the washed-out path's
  // pressure coming back (the driller working the pipe, the hole in the string bridging off):
  // only torque, which a washout leaves alone, could.
  if (x.standing.washout) return null;
  const rop = x.ropDropFraction;
  if (rop === null || rop <= t.packoffRopDecreaseFraction) return null;
  const spp = x.sppDeltaPsi;
  if (spp !== null && sppJudges(spp, x.sppBaselineAgeS) && spp >= t.sppDeviationWarningPsi && !weightOnSinceSppBaseline(x)) {
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

/**
 * The held minute's torque rise (share of its mean) when SPP rose by what counts
 * (sppHeldTrendCountsPsi) and torque rose steadily alongside by a quarter of the torque warning
 * (drag building, not noise); null otherwise. The detector and the verification read it alike.
 */
export function heldRiseTorqueFraction(rise: SppHeldTrend | null, t: { torqueIncreaseWarningFraction: number; washoutSppDropPsi: number; sppDeviationWarningPsi: number }): number | null {
  if (rise === null || rise.changePsi < sppHeldTrendCountsPsi(t) || rise.torque === null) return null;
  return rise.torque.changeFraction >= t.torqueIncreaseWarningFraction / 4 && rise.torque.r2 >= HELD_TORQUE_MIN_R2 ? rise.torque.changeFraction : null;
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
