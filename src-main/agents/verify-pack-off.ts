// Verification of a pack-off ticket: torque, SPP and ROP against their baselines, or SPP and
// ROP alone where the rig sends no usable torque.
import { heldRiseRopDown, heldRiseTorqueFraction, ropHolding, sppHeldTrendCountsPsi, sppJudges, sppRiseCounts, torqueExcessFraction } from '../physics/detectors.js';
import { MIN_ASSESSABLE_TORQUE_KFTLBF } from '../physics/stick-slip.js';
import { heldSppTrend } from '../physics/trackers/spp-held-trend.js';
import type { EffectiveThresholds } from '../physics/thresholds.js';
import { f0, feedSpacingS, finite, heldStretch, last, lineFit, mean, onBottom, pct, readingsIn, type Sample, type Verdict } from './verify-helpers.js';

/** Torque still climbing by this share over the window: a pack-off building, not a new plateau. */
const PACKOFF_TORQUE_TREND_FRACTION = 0.1;

/**
 * Pack-off against the baselines, not the window's first and last packet (a 5-minute ramp
 * looks flat over one minute): torque above its baseline, and SPP above its baseline or ROP
 * below its own with the torque rise beyond any WOB rise; a torque trend rising over the window
 * supports it.
 */
export function verifyPackOff(s: Sample[], t: EffectiveThresholds, sustained: boolean): Verdict {
  // Windows in seconds, read as readings of this feed (10 s = 10 readings at 1 Hz).
  const k = readingsIn(s);
  const td = last(finite(s, (x) => x.metrics.torqueDeltaFraction, onBottom), k(10));
  const newest = s[s.length - 1].packet.torqueKftLbf;
  if (newest === null || newest < MIN_ASSESSABLE_TORQUE_KFTLBF) return packOffWithoutTorque(s, t);
  if (td.length < k(5)) return { status: 'Uncertain', severity: 'MEDIUM', reason: `Not enough on-bottom torque against its baseline (${td.length} packets).`, r2: 0 };
  const tq = mean(td);
  const sd = last(finite(s, (x) => x.metrics.sppDeltaPsi), k(10));
  const sppD = sd.length >= k(5) ? mean(sd) : null;
  const levels = last(finite(s, (x) => x.packet.sppPsi), k(10));
  const sppLevel = levels.length ? mean(levels) : 0;
  const rd = last(finite(s, (x) => x.metrics.ropDropFraction ?? null, onBottom), k(10));
  const ropDrop = rd.length >= k(5) ? mean(rd) : null;
  const wr = last(finite(s, (x) => x.metrics.wobRiseFraction ?? null, onBottom), k(10));
  const wobRise = wr.length >= k(5) ? mean(wr) : 0;
  const torques = finite(s, (x) => x.packet.torqueKftLbf, onBottom);
  const fit = lineFit(torques);
  const torqueTrend = torques.length > 1 && mean(torques) > 0 ? (fit.slope * (torques.length - 1)) / mean(torques) : 0;
  // Only the torque rise beyond the WOB rise is drag on the string (more weight, more bit torque).
  const excess = torqueExcessFraction(tq, wobRise);
  const sppOn = sppD !== null && sppRiseCounts(sppD, sppLevel - sppD, t);
  const ropOn = ropDrop !== null && ropDrop > t.packoffRopDecreaseFraction;
  const parts = [`torque ${pct(tq)} above baseline (10 s average)`];
  if (sppD !== null) parts.push(`SPP ${sppD >= 0 ? '+' : ''}${f0(sppD)} psi vs baseline`);
  if (ropDrop !== null) parts.push(`ROP ${ropDrop >= 0 ? '−' : '+'}${pct(Math.abs(ropDrop))} vs baseline`);
  if (Math.abs(wobRise) >= 0.05) parts.push(`WOB ${wobRise >= 0 ? '+' : ''}${pct(wobRise)}`);
  parts.push(`torque trend ${torqueTrend >= 0 ? '+' : ''}${pct(torqueTrend)} over ${f0(torques.length * feedSpacingS(s))} s`);
  const d = parts.join(', ');
  const ages = last(finite(s, (x) => x.metrics.sppBaselineAgeS ?? null), 1);
  const sppBlind = !sppJudges(sppD, ages.length ? ages[0] : null);
  if (excess > t.torqueIncreaseCriticalFraction && sppBlind && ropOn && torqueTrend > PACKOFF_TORQUE_TREND_FRACTION / 2) {
    return { status: 'Confirmed', severity: 'HIGH', reason: `Pack-off signs confirmed (SPP not yet judged at this pump rate): ${d}.`, r2: fit.r2 };
  }
  const strongSpp = excess > t.torqueIncreaseCriticalFraction && sppD !== null && sppD >= t.sppDeviationWarningPsi && !ropHolding(ropDrop, t);
  if (excess > t.torqueIncreaseWarningFraction && ((sppOn && ropOn) || strongSpp)) {
    const severe = excess > t.torqueIncreaseCriticalFraction && sppOn && (ropOn || sppD! >= t.sppDeviationWarningPsi);
    return { status: 'Confirmed', severity: severe ? 'CRITICAL' : 'HIGH', reason: `Pack-off signs confirmed: ${d}.`, r2: fit.r2 };
  }
  // Torque alone confirms only while SPP cannot speak: with the pumps on, a string packing off
  // raises SPP, so a judged SPP that sits still says the torque is something else (rock, bit).
  if (excess > t.torqueIncreaseCriticalFraction && sustained && torqueTrend > PACKOFF_TORQUE_TREND_FRACTION && sppBlind) {
    return { status: 'Confirmed', severity: 'HIGH', reason: `Torque high, rising and sustained beyond what the WOB explains: ${d}.`, r2: fit.r2 };
  }
  const trend = trendsTogether(s, k);
  if (trend) return { status: 'Confirmed', severity: 'HIGH', reason: `Pack-off trends confirmed: ${trend}; ${d}.`, r2: fit.r2 };
  const held = heldRiseWithTorque(s, t, ropDrop);
  if (held && !(sppD !== null && !sppBlind && sppD < 0)) return { status: 'Confirmed', severity: 'MEDIUM', reason: `Pack-off signs: ${held.description}; ${d}.`, r2: held.r2 };
  // The trends together only just cleared: a ramp building is checked again soon, not rejected.
  const building = trendsBuilding(s, k);
  if (building) return { status: 'Uncertain', severity: 'MEDIUM', reason: `Pack-off trends building: ${building}; ${d}.`, r2: fit.r2, recheckAfterS: TREND_RECHECK_S };
  if (excess <= t.torqueIncreaseWarningFraction / 2) return { status: 'Rejected', severity: 'LOW', reason: `No pack-off: ${d}.`, r2: fit.r2 };
  return { status: 'Uncertain', severity: 'MEDIUM', reason: `Torque up without SPP or ROP confirmation: ${d}.`, r2: fit.r2 };
}

/**
 * SPP rising steadily through the held minute with torque rising alongside and ROP down (the
 * detector's held-minute reading, physics/detect-pack-off.ts): its description, or null.
 */
function heldRiseWithTorque(s: Sample[], t: EffectiveThresholds, ropDropFraction: number | null): { description: string; r2: number } | null {
  const rise = heldSppTrend(heldStretch(s));
  const torque = heldRiseTorqueFraction(rise, t);
  if (rise === null || torque === null) return null;
  const rop = heldRiseRopDown(ropDropFraction, rise, t);
  if (rop === null) return null;
  return { description: `SPP rising steadily, +${f0(rise.changePsi)} psi in a straight line, and torque +${pct(torque)} over the last ${f0(rise.spanS)} s at a held pump rate and weight, ${rop.text}`, r2: rise.r2 };
}

/** Seconds of trend readings (of the last 10 s) that must show all three signs clear for the trends to confirm. */
const TREND_CONFIRM_S = 5;

/**
 * Torque up, SPP up and ROP down together over two minutes, held on most of the last 10 s
 * (one packet over the line is noise): the description, or null.
 */
function trendsTogether(s: Sample[], k: (seconds: number) => number): string | null {
  const r = last(finite(s, (x) => x.metrics.packOffTrendClear ?? null), k(10));
  const clear = r.filter((v) => v >= 1).length;
  if (clear < k(TREND_CONFIRM_S)) return null;
  return `torque up, SPP up and ROP down together over 2 minutes at steady RPM and pumps on ${clear} of the last ${r.length} readings, each clear of this rig's clean-drilling spread`;
}

/** Trends building are held (TREND_CONFIRM_S of 10 s) within seconds or not at all: look again this soon, s. */
const TREND_RECHECK_S = 5;

/** Seconds of trend readings of the last 5 s that show all three signs clear: the trends are building. */
const TREND_BUILDING_S = 3;

/** The trends together clear on most of the last 5 s but not yet held over 10: the description, or null. */
function trendsBuilding(s: Sample[], k: (seconds: number) => number): string | null {
  const r = last(finite(s, (x) => x.metrics.packOffTrendClear ?? null), k(5));
  const clear = r.filter((v) => v >= 1).length;
  if (clear < k(TREND_BUILDING_S)) return null;
  return `torque up, SPP up and ROP down together over 2 minutes on ${clear} of the last ${r.length} readings, not yet held`;
}

/**
 * Pack-off with no torque reading, ROP held down: SPP held up against a judged baseline, or
 * rising steadily through the held minute as the detector read it (trackers/spp-held-trend.ts).
 */
function packOffWithoutTorque(s: Sample[], t: EffectiveThresholds): Verdict {
  const k = readingsIn(s);
  const sd = last(finite(s, (x) => x.metrics.sppDeltaPsi), k(10));
  const rd = last(finite(s, (x) => x.metrics.ropDropFraction ?? null, onBottom), k(10));
  const ages = last(finite(s, (x) => x.metrics.sppBaselineAgeS ?? null), 1);
  if (sd.length < k(5) || rd.length < k(5)) return { status: 'Uncertain', severity: 'MEDIUM', reason: 'No torque reading, and not enough SPP or ROP against their baselines to check a pack-off.', r2: 0 };
  const spp = mean(sd);
  const rop = mean(rd);
  const r2 = lineFit(sd).r2;
  const d = `SPP ${spp >= 0 ? '+' : ''}${f0(spp)} psi vs baseline, ROP −${pct(Math.max(rop, 0))} vs baseline over 10 s (no torque reading)`;
  const judged = sppJudges(spp, ages.length ? ages[0] : null);
  if (judged && Math.min(...sd) >= t.sppDeviationWarningPsi && rop > t.packoffRopDecreaseFraction) {
    return { status: 'Confirmed', severity: 'HIGH', reason: `Pack-off signs confirmed: ${d}; a plugged nozzle looks the same.`, r2 };
  }
  const rise = heldSppTrend(heldStretch(s));
  if (rise !== null && rise.changePsi >= sppHeldTrendCountsPsi(t) && rop > t.packoffRopDecreaseFraction && !(judged && spp < 0)) {
    // One channel's trend, not yet a level: worth the driller's look (MEDIUM), short of the full picture.
    return {
      status: 'Confirmed',
      severity: 'MEDIUM',
      reason: `Pack-off signs: SPP rising steadily, +${f0(rise.changePsi)} psi in a straight line over the last ${f0(rise.spanS)} s at a held pump rate and weight; ${d}; a plugged nozzle looks the same.`,
      r2: rise.r2,
    };
  }
  if (spp < t.sppDeviationWarningPsi / 2) return { status: 'Rejected', severity: 'LOW', reason: `No pack-off: ${d}.`, r2 };
  return { status: 'Uncertain', severity: 'MEDIUM', reason: `SPP up without a torque reading to confirm: ${d}.`, r2 };
}

