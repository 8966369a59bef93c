import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';
import {
  detectFormationChange, detectFounder, detectGas, detectH2s, detectKick, detectLoss, detectMseInefficiency, detectPackOff, detectPitRate,
  detectSppDeviation, detectStickSlip, detectTorqueRise, detectWashout, emptyDetectorInputs, NO_STANDING_ALARMS, sppHeldTrendCountsPsi, type DetectorInputs,
} from '../../../src-main/physics/detectors.js';
import { PhysicsEngine } from '../../../src-main/physics/engine.js';
import { assessableFaults } from '../../../src-main/physics/run-detectors.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';

const cfg = defaultConfig();
const th = thresholdsFor(cfg, 'production');
// A steady rig: pumps steady, pits settled, SPP read normal by its baseline once it judged.
const x = (o: Partial<DetectorInputs>): DetectorInputs => ({ ...emptyDetectorInputs(), pumpsSteady: true, pitsSettled: true, pitsShowGain: true, pitsShowLoss: true, sppBaselineReadNormal: true, ...o });

describe('detectors', () => {
  it('kick: flow + pit is CRITICAL, flow out alone only a WARNING, and needs flow-out', () => {
    expect(detectKick(x({ flowBalanceGpm: 30, pitGainBbl: 12 }), th)?.level).toBe('CRITICAL');
    expect(detectKick(x({ flowBalanceGpm: 30, pitGainBbl: 12, pitsSettled: false, pitsShowGain: false, pitsShowLoss: false }), th)?.level).toBe('WARNING');
    // Unsettled after a rate up (the line filling lowers the pits): a gain is still the well's, a loss is not.
    const afterRateUp = { pitsSettled: false, pitsShowGain: true, pitsShowLoss: false };
    expect(detectKick(x({ flowBalanceGpm: 30, pitGainBbl: 12, ...afterRateUp }), th)?.level).toBe('CRITICAL');
    expect(detectLoss(x({ flowBalanceGpm: -30, pitGainBbl: -12, ...afterRateUp }), th)?.level).toBe('WARNING');
    expect(detectKick(x({ flowBalanceGpm: 15 }), th)?.level).toBe('WARNING');
    expect(detectKick(x({ flowBalanceGpm: th.flowImbalanceWarningGpm - 1 }), th)).toBeNull();
    expect(detectKick(x({ flowBalanceGpm: null, pitGainBbl: 12, gasRiseUnits: 300 }), th)).toBeNull();
    expect(detectKick(x({ flowBalanceGpm: 30, pitGainBbl: 12, pumpsSteady: false }), th)).toBeNull();
  });
  it('kick and loss: beside pits clear of their learned noise, a flow balance at half the warning counts', () => {
    const half = th.flowImbalanceWarningGpm * 0.7;
    const pits = { flowNoiseGpm: 5, pitRateNoiseBblHr: 1.5, pitRateBblHr: 9, pitGainBbl: 0.2 };
    expect(detectKick(x({ flowBalanceGpm: half, ...pits }), th)?.fault).toBe('kick');
    expect(detectLoss(x({ flowBalanceGpm: -half, ...pits, pitRateBblHr: -9, pitGainBbl: -0.2 }), th)?.fault).toBe('loss');
    // Pits the other way, pit noise not learned, or the flow inside the paddle's own noise: no.
    expect(detectKick(x({ flowBalanceGpm: half, ...pits, pitRateBblHr: -9 }), th)).toBeNull();
    expect(detectKick(x({ flowBalanceGpm: half, ...pits, pitRateNoiseBblHr: null }), th)).toBeNull();
    expect(detectKick(x({ flowBalanceGpm: half, ...pits, flowNoiseGpm: 8 }), th)).toBeNull();
    // Pits several times faster than that flow could explain (mud being added): not the same influx.
    expect(detectKick(x({ flowBalanceGpm: half, ...pits, pitRateBblHr: 30 }), th)).toBeNull();
  });
  it('loss uses an SPP drop, not a rise', () => {
    expect(detectLoss(x({ flowBalanceGpm: -30, sppDeltaPsi: -150 }), th)?.fault).toBe('loss');
    const withRise = detectLoss(x({ flowBalanceGpm: -30, sppDeltaPsi: 150 }), th);
    const withDrop = detectLoss(x({ flowBalanceGpm: -30, sppDeltaPsi: -150 }), th);
    expect(withRise?.level).toBe('WARNING');
    expect(withRise?.severity).toBeLessThan(withDrop?.severity ?? 0);
    expect(detectLoss(x({ flowBalanceGpm: -(th.flowImbalanceWarningGpm - 1), sppDeltaPsi: -150 }), th)).toBeNull();
  });
  it('pack-off: torque and SPP up; torque alone is not pack-off', () => {
    expect(detectPackOff(x({ torqueDeltaFraction: 0.3, sppDeltaPsi: 200, sppBaselinePsi: 2800, sppBaselineAgeS: 600 }), th)?.fault).toBe('pack-off');
    const torqueAndRop = { torqueDeltaFraction: 0.3, sppDeltaPsi: 0, sppBaselinePsi: 2800, ropDropFraction: 0.5, wobRiseFraction: 0 };
    expect(detectPackOff(x({ ...torqueAndRop, sppBaselineAgeS: 600 }), th)).toBeNull();
    // SPP learned for only a minute at a new pump rate cannot rule it out: torque and ROP stand.
    expect(detectPackOff(x({ ...torqueAndRop, sppBaselineAgeS: 60 }), th)?.fault).toBe('pack-off');
    expect(detectPackOff(x({ torqueDeltaFraction: null }), th)).toBeNull();
  });
  it('pack-off: SPP blind because the driller brought the pumps up is a new operating point, not a packing hole', () => {
    // Volve F-9 spud-in: pumps 235 -> 321 gpm with the rotary doubled; torque against the old baseline +130 %, ROP down.
    const blind = { torqueDeltaFraction: 1.3, sppDeltaPsi: null, sppBaselinePsi: null, sppBaselineAgeS: null, ropDropFraction: 0.9, wobRiseFraction: 0 };
    expect(detectPackOff(x({ ...blind, pumpRateChangeFraction: 321 / 235 - 1 }), th)).toBeNull();
    // rate cut (a driller easing off a packing hole), back at the same rate after a connection, or never judged: it stands
    expect(detectPackOff(x({ ...blind, pumpRateChangeFraction: -0.3 }), th)?.level).toBe('CRITICAL');
    expect(detectPackOff(x({ ...blind, pumpRateChangeFraction: 0 }), th)?.fault).toBe('pack-off');
    expect(detectPackOff(x({ ...blind, pumpRateChangeFraction: null }), th)?.fault).toBe('pack-off');
  });
  it('stick-slip severity 0→1 from CV 0.10 to 0.20, only when the oscillation repeats', () => {
    expect(detectStickSlip(x({ torqueCv: 0.15, torqueRegularity: 0.8 }), th)?.severity).toBeCloseTo(0.5, 9);
    expect(detectStickSlip(x({ torqueCv: 0.3, torqueRegularity: 0.8 }), th)?.level).toBe('CRITICAL');
    expect(detectStickSlip(x({ torqueCv: 0.05, torqueRegularity: 0.8 }), th)).toBeNull();
    expect(detectStickSlip(x({ torqueCv: 0.3, torqueRegularity: 0.1 }), th)).toBeNull();
    expect(detectStickSlip(x({ torqueCv: 0.3, torqueRegularity: null }), th)).toBeNull();
  });
  it('stick-slip: a torque collapsed far below its baseline wobbling about its own small mean is not the string winding up', () => {
    // 1.0 kft-lbf against a 3.5 kft-lbf baseline, ±0.18: 18 % of its own mean, 5 % of the normal torque.
    expect(detectStickSlip(x({ torqueCv: 0.18, torqueRegularity: 0.6, torqueDeltaFraction: -0.71 }), th)).toBeNull();
    // Real stick-slip keeps the mean near the baseline; torque above its baseline keeps its own CV.
    expect(detectStickSlip(x({ torqueCv: 0.18, torqueRegularity: 0.6, torqueDeltaFraction: -0.05 }), th)?.fault).toBe('stick-slip');
    expect(detectStickSlip(x({ torqueCv: 0.18, torqueRegularity: 0.6, torqueDeltaFraction: 0.3 }), th)?.fault).toBe('stick-slip');
  });
  it('founder: quick streak, trend, or WOB level without ROP', () => {
    expect(detectFounder(x({ founderQuickStreak: 3, ropDropFraction: 0.1 }), th)?.severity).toBe(1);
    expect(detectFounder(x({ founderWobSlopeRel: 0.03, founderRopSlopeRel: -0.03 }), th)?.severity).toBe(0.7);
    expect(detectFounder(x({ wobRiseFraction: 0.2, ropDropFraction: -0.2 }), th)).toBeNull();
  });
  it('washout: SPP drop at steady pumps only', () => {
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, sppBaselineAgeS: 600 }), th)?.fault).toBe('washout');
    expect(detectWashout(x({ sppDeltaPsi: -150, pumpsSteady: false, sppBaselineAgeS: 600 }), th)).toBeNull();
    expect(detectWashout(x({ sppDeltaPsi: -50, sppBaselineAgeS: 600 }), th)).toBeNull();
    // Against a baseline still settling after a rate change, a drop is the surge wearing off.
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, sppBaselineAgeS: 120 }), th)).toBeNull();
    // Against one SPP has never read normal by (it settled on an excursion), SPP going back is no erosion.
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, sppBaselineAgeS: 600, sppBaselineReadNormal: false }), th)).toBeNull();
    // Where the baseline restarted with the pumps: twice the washout drop under the normal from before the connection.
    const restarted = { sppDeltaPsi: -10, sppBaselineAgeS: 120, sppBaselineReadNormal: false };
    expect(detectWashout(x({ ...restarted, sppOverRecentNormalAtWeightPsi: -250 }), th)?.description).toMatch(/250 psi below its normal of the last half hour/);
    expect(detectWashout(x({ ...restarted, sppOverRecentNormalAtWeightPsi: -150 }), th)).toBeNull();
    // The steady-fall rule still reads erosion there.
    const falling = { changePsi: -60, r2: 0.97, spanS: 50, torque: null, ropFallFraction: null };
    expect(detectWashout(x({ sppDeltaPsi: -150, sppBaselineAgeS: 600, sppBaselineReadNormal: false, sppHeldTrend: falling }), th)?.fault).toBe('washout');
  });
  it('washout: weight taken off since the SPP baseline explains a fall; weight added does not', () => {
    // The old gate read WOB against its own slow baseline: a set-point change blocked washouts for minutes.
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: -0.4, sppWobChangeFraction: 0, sppBaselineAgeS: 600 }), th)?.fault).toBe('washout');
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0.3, sppWobChangeFraction: 0.3, sppBaselineAgeS: 600 }), th)?.fault).toBe('washout');
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, sppWobChangeFraction: -0.3, sppBaselineAgeS: 600 }), th)).toBeNull();
  });
  it('washout: a rig whose learned SPP band is tighter than the config flags a smaller drop', () => {
    const quiet = { ...th, sppDeviationWarningPsi: 30, sppDeviationCriticalPsi: 50 };
    expect(detectWashout(x({ sppDeltaPsi: -40, wobRiseFraction: 0, flowBalanceGpm: 0, sppBaselineAgeS: 600 }), quiet)?.trigger.threshold).toBe(-30);
    expect(detectWashout(x({ sppDeltaPsi: -40, wobRiseFraction: 0, sppBaselineAgeS: 600 }), th)).toBeNull();
  });
  it('washout: a steady fall at a held pump rate and bit load counts where the baseline cannot judge', () => {
    // The baseline has just started over at a new pump rate (age 40 s, delta positive from the surge).
    const fresh = { sppDeltaPsi: 60, sppBaselineAgeS: 40, flowBalanceGpm: 0 };
    const fall = (fallPsi: number) => ({ changePsi: -fallPsi, r2: 0.98, spanS: 50, torque: null, ropFallFraction: null });
    const d = detectWashout(x({ ...fresh, sppHeldTrend: fall(50) }), { ...th, sppDeviationWarningPsi: 75 });
    expect(d?.fault).toBe('washout');
    expect(d?.level).toBe('WARNING');
    expect(d?.description).toMatch(/50 psi over the last 50 s/);
    // Half the washout drop is the least fall that counts; pumps changing or returns away from flow in: nothing.
    expect(detectWashout(x({ ...fresh, sppHeldTrend: fall(30) }), { ...th, sppDeviationWarningPsi: 75 })).toBeNull();
    expect(detectWashout(x({ ...fresh, sppHeldTrend: fall(50), pumpsSteady: false }), { ...th, sppDeviationWarningPsi: 75 })).toBeNull();
    expect(detectWashout(x({ ...fresh, sppHeldTrend: fall(50), flowBalanceGpm: -8 }), { ...th, sppDeviationWarningPsi: 75 })).toBeNull();
  });
  it('washout: SPP falling back to a level that was normal minutes ago (a pack-off over) is not erosion', () => {
    const cleared = { sppDeltaPsi: -190, sppBaselineAgeS: 1800, wobRiseFraction: 0, flowBalanceGpm: 0 };
    expect(detectWashout(x({ ...cleared, sppOverRecentLowPsi: 10 }), th)).toBeNull();
    expect(detectSppDeviation(x({ ...cleared, sppOverRecentLowPsi: 10 }), th)).toBeNull();
    // well below that earlier level too: a washout
    expect(detectWashout(x({ ...cleared, sppOverRecentLowPsi: -190 }), th)?.fault).toBe('washout');
    expect(detectWashout(x({ ...cleared, sppOverRecentLowPsi: null }), th)?.fault).toBe('washout');
  });
  it('washout: a steady fall that ends at or above a baseline that judges is SPP easing off an excursion', () => {
    const fall = { changePsi: -110, r2: 0.97, spanS: 50, torque: null, ropFallFraction: null };
    // A pack-off loosening: SPP falls 110 psi in 50 s but still sits 20 psi over its judged baseline.
    expect(detectWashout(x({ sppDeltaPsi: 20, sppBaselineAgeS: 900, sppHeldTrend: fall, flowBalanceGpm: 0 }), th)).toBeNull();
    // Eroding: the fall has taken SPP 60 psi under that baseline.
    expect(detectWashout(x({ sppDeltaPsi: -60, sppBaselineAgeS: 900, sppHeldTrend: fall, flowBalanceGpm: 0 }), th)?.fault).toBe('washout');
  });
  it('washout: not while returns move away from flow in (a loss or a kick also drops SPP)', () => {
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, flowBalanceGpm: -7, sppBaselineAgeS: 600 }), th)).toBeNull();
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, flowBalanceGpm: 8, sppBaselineAgeS: 600 }), th)).toBeNull();
    expect(detectWashout(x({ sppDeltaPsi: -150, wobRiseFraction: 0, flowBalanceGpm: 2, sppBaselineAgeS: 600 }), th)?.fault).toBe('washout');
  });
  it('pack-off: a torque rise that only follows a WOB rise (founder) is not drag', () => {
    const base = { sppDeltaPsi: 150, sppBaselinePsi: 2800, ropDropFraction: 0.4 };
    expect(detectPackOff(x({ ...base, torqueDeltaFraction: 0.3, wobRiseFraction: 0.4 }), th)).toBeNull();
    expect(detectPackOff(x({ ...base, torqueDeltaFraction: 0.4, wobRiseFraction: 0.1 }), th)?.fault).toBe('pack-off');
  });
  it('mse inefficiency and formation change', () => {
    expect(detectMseInefficiency(x({ mseEfficiencyPercent: 40 }), th)?.level).toBe('CRITICAL');
    expect(detectMseInefficiency(x({ mseEfficiencyPercent: 80 }), th)).toBeNull();
    expect(detectFormationChange(x({ dxcDelta: 0.1, mseDeltaFraction: 0.3 }), th)?.fault).toBe('formation-change');
    expect(detectFormationChange(x({ dxcDelta: 0.02, mseDeltaFraction: 0.3 }), th)).toBeNull();
  });
});

describe('PhysicsEngine', () => {
  function run(values: (i: number) => Partial<ChannelValues>, n: number, state: 'Drilling' | 'Connection' = 'Drilling') {
    const e = new PhysicsEngine();
    const h = new HistoryBuffer<HistoryEntry>(60);
    let last = null as ReturnType<PhysicsEngine['analyze']> | null;
    for (let i = 0; i < n; i++) {
      const p = makePacket(i * 1000, { bitDepthFt: 10000, holeDepthFt: 10000, ...values(i) });
      p.rigState = state;
      last = e.analyze(p, h, { config: cfg, thresholds: th, operation: 'ProductionDrilling' });
      h.push({ packet: p, metrics: last.metrics, anomalous: last.detections.length > 0 });
    }
    return last!;
  }
  const drill = { ropFtHr: 80, wobKlbf: 20, rpm: 120, torqueKftLbf: 3, sppPsi: 2800, flowInGpm: 500, pitVolumeBbl: 500, mudWeightInPpg: 12 };
  it('computes MSE, d-exponent, ECD margin while drilling', () => {
    const r = run(() => ({ ...drill, flowOutGpm: 502 }), 10);
    expect(r.metrics.msePsi).toBeCloseTo(30249, -1);
    expect(r.metrics.dExponent).not.toBeNull();
    expect(r.metrics.ecdMarginPpg).toBeCloseTo(14 - (12 + 500 / 520), 6);
    expect(r.metrics.flowBalanceGpm).toBe(2);
  });
  it('no MSE outside drilling', () => {
    expect(run(() => drill, 5, 'Connection').metrics.msePsi).toBeNull();
  });
  it('detects a kick with flow gain and pit gain after the pumps settle', () => {
    const r = run((i) => (i < 100 ? { ...drill, flowOutGpm: 502 } : { ...drill, flowOutGpm: 550, pitVolumeBbl: 500 + (i - 100) * 0.3 }), 130);
    expect(r.detections[0]?.fault).toBe('kick');
  });
  it('no well-control detection without a flow-out channel, even with gas and a pit gain', () => {
    const r = run((i) => ({ ...drill, gasUnits: i < 100 ? 50 : 600, pitVolumeBbl: 500 + Math.max(0, i - 100) * 0.3 }), 130);
    expect(r.metrics.flowBalanceGpm).toBeNull();
    expect(r.detections.filter((d) => ['kick', 'loss', 'gas', 'pit-rate'].includes(d.fault))).toEqual([]);
  });
  it('MSE efficiency is not judged while the weight is still going on after tagging bottom', () => {
    // 10 min drilling at 20 klbf, 2 min off bottom, then tag bottom with WOB building from 4 klbf
    // (ROP low, off-bottom torque: efficiency reads poor for the first minute or two).
    const tagAt = 720;
    const rigStateFor = (i: number) => (i >= 600 && i < tagAt ? 'Connection' : 'Drilling');
    // Drive the engine directly: the rig state changes during the run.
    const e = new PhysicsEngine();
    const h = new HistoryBuffer<HistoryEntry>(60);
    const faults: string[] = [];
    for (let i = 0; i < tagAt + 240; i++) {
      const wob = i < 600 ? 20 : i < tagAt ? 0 : Math.min(20, 4 + 0.1 * (i - tagAt));
      // Bit torque follows WOB: efficiency ~100 % at 20 klbf, ~63 % at 4 klbf on tagging bottom.
      const onBottom = i < 600 || i >= tagAt;
      const p = makePacket(i * 1000, {
        ...drill, bitDepthFt: 10000, holeDepthFt: 10000, flowOutGpm: 502, wobKlbf: wob,
        ropFtHr: onBottom ? 80 * (wob / 20) : 0, torqueKftLbf: onBottom ? 0.3 + 0.06 * wob : 0.3,
      });
      p.rigState = rigStateFor(i);
      const out = e.analyze(p, h, { config: cfg, thresholds: th, operation: 'ProductionDrilling' });
      h.push({ packet: p, metrics: out.metrics, anomalous: out.detections.length > 0 });
      if (i >= tagAt) for (const d of out.detections) faults.push(d.fault);
      if (i === tagAt + 5) expect(out.metrics.mseEfficiencyPercent).toBeLessThan(70); // the metric is still shown
    }
    expect(faults).not.toContain('mse-inefficiency');
  });
  it('a washout eroding just after a pump-rate change reads from its steady fall, not the restarted baseline', () => {
    // 500 gpm for 10 min, then 560 gpm (SPP +22 %, more than the Q^1.8 carry expects) with SPP
    // falling 1 psi/s from the change: the baseline starts over, the held stretch shows the fall.
    const faults: string[] = [];
    const e = new PhysicsEngine();
    const h = new HistoryBuffer<HistoryEntry>(60);
    for (let i = 0; i < 720; i++) {
      const q = i < 600 ? 500 : 560;
      const spp = i < 600 ? 2800 : 3420 - (i - 600);
      const p = makePacket(i * 1000, { bitDepthFt: 10000, holeDepthFt: 10000, ...drill, flowInGpm: q, flowOutGpm: q + 2, sppPsi: spp });
      p.rigState = 'Drilling';
      const out = e.analyze(p, h, { config: cfg, thresholds: th, operation: 'ProductionDrilling' });
      h.push({ packet: p, metrics: out.metrics, anomalous: out.detections.length > 0 });
      if (i >= 600) for (const d of out.detections) faults.push(`${i - 600}:${d.fault}`);
    }
    const first = faults.find((f) => f.endsWith(':washout'));
    expect(first).toBeDefined();
    expect(Number(first!.split(':')[0])).toBeLessThan(120);
    // The same pump change with SPP then held: no washout.
    const e2 = new PhysicsEngine();
    const h2 = new HistoryBuffer<HistoryEntry>(60);
    for (let i = 0; i < 720; i++) {
      const q = i < 600 ? 500 : 560;
      const p = makePacket(i * 1000, { bitDepthFt: 10000, holeDepthFt: 10000, ...drill, flowInGpm: q, flowOutGpm: q + 2, sppPsi: i < 600 ? 2800 : 3420 });
      p.rigState = 'Drilling';
      const out = e2.analyze(p, h2, { config: cfg, thresholds: th, operation: 'ProductionDrilling' });
      h2.push({ packet: p, metrics: out.metrics, anomalous: out.detections.length > 0 });
      expect(out.detections.map((d) => d.fault)).not.toContain('washout');
    }
  });
  it('SPP easing off after the pumps start from off (gels breaking) is not read as a washout', () => {
    // Pumps off for 2 min (a connection), then 500 gpm with SPP 250 psi over its level, easing off over minutes.
    const e = new PhysicsEngine();
    const h = new HistoryBuffer<HistoryEntry>(60);
    const faults = new Set<string>();
    for (let i = 0; i < 1200; i++) {
      const on = i < 600 || i >= 720;
      const gel = i >= 720 ? 250 * Math.exp(-(i - 720) / 90) : 0;
      const p = makePacket(i * 1000, { bitDepthFt: 10000, holeDepthFt: 10000, ...drill, flowInGpm: on ? 500 : 0, flowOutGpm: on ? 502 : 0, sppPsi: on ? 2800 + gel : 0 });
      p.rigState = 'Drilling';
      const out = e.analyze(p, h, { config: cfg, thresholds: th, operation: 'ProductionDrilling' });
      h.push({ packet: p, metrics: out.metrics, anomalous: out.detections.length > 0 });
      if (i >= 720) for (const d of out.detections) faults.add(d.fault);
    }
    expect(faults.has('washout')).toBe(false);
  });
  it('a slow SPP decline at steady pumps reads as a washout against the pre-fault baseline', () => {
    // The SPP baseline judges once it has been learned 300 s at this pump rate.
    const r = run((i) => ({ ...drill, flowOutGpm: 502, sppPsi: i < 400 ? 2800 : 2800 - (i - 400) * 2 }), 510);
    expect(r.detections.map((d) => d.fault)).toContain('washout');
  });
  it('pits moving faster than the flow balance explains are a surface transfer, not a kick or a pit-rate alarm', () => {
    // Flow out reads 12 gpm over flow in (17 bbl/hr); the pits gain 300 bbl/hr: a tank lined up at surface.
    const transfer = x({ flowBalanceGpm: 12, pitRateBblHr: 300, pitGainBbl: 8, flowNoiseGpm: 5 });
    expect(detectKick(transfer, th)?.description ?? '').not.toMatch(/pit/);
    expect(detectPitRate(transfer, th)).toBeNull();
    // The same flow with the pits following it at a well-like rate is two indicators.
    const influx = x({ flowBalanceGpm: 12, pitRateBblHr: 20, pitGainBbl: 8, flowNoiseGpm: 5 });
    expect(detectKick(influx, th)?.description).toMatch(/pit rate 20\.0 bbl\/hr/);
    // A slow gain the paddle's noise hides is still the pit-rate rule's to report.
    expect(detectPitRate(x({ flowBalanceGpm: 0, pitRateBblHr: 25, pitGainBbl: 8, flowNoiseGpm: 5, pitRateNoiseBblHr: 2 }), th)?.fault).toBe('pit-rate');
  });
  it('pit rate alone waits for this rig\'s pit noise: none in the first minutes after a start', () => {
    // Volve F-9 after a cold start: a transfer at 63 bbl/hr with the paddle quiet read as a Critical gain.
    const gain = { flowBalanceGpm: 0, pitRateBblHr: 25, pitGainBbl: 8, flowNoiseGpm: 5 };
    expect(detectPitRate(x({ ...gain, pitRateNoiseBblHr: null }), th)).toBeNull();
    expect(detectPitRate(x({ ...gain, pitRateNoiseBblHr: 3 }), th)?.level).toBe('CRITICAL');
    // Learned, a rig whose pits wander by 10 bbl/hr RMS needs them clear of that (3 x 10 = 30 bbl/hr).
    expect(detectPitRate(x({ ...gain, pitRateNoiseBblHr: 10 }), th)).toBeNull();
  });
  it('pack-off: a tenth more of a near-zero SPP is no rise (shallow, or the sensor reading nothing)', () => {
    const drag = { torqueDeltaFraction: 0.5, wobRiseFraction: 0, ropDropFraction: 0.5, sppBaselineAgeS: 600 };
    // +2 psi on 10 psi is +20 %, but nothing a packing annulus would show.
    expect(detectPackOff(x({ ...drag, sppDeltaPsi: 2, sppBaselinePsi: 10 }), th)).toBeNull();
    // +40 psi on 300 psi is a real share of a low pressure.
    expect(detectPackOff(x({ ...drag, sppDeltaPsi: 40, sppBaselinePsi: 300 }), th)?.fault).toBe('pack-off');
  });
  it('pack-off with no torque reading: SPP up against a judged baseline with ROP down, as a WARNING', () => {
    const noTorque = { torqueKftLbf: 0.2, torqueDeltaFraction: -0.8, ropDropFraction: 0.5, sppBaselinePsi: 2000 };
    const d = detectPackOff(x({ ...noTorque, sppDeltaPsi: 150, sppBaselineAgeS: 600 }), th);
    expect(d?.level).toBe('WARNING');
    expect(d?.description).toMatch(/no torque reading/);
    // SPP still settling after a rate change, or not up by the warning: nothing.
    expect(detectPackOff(x({ ...noTorque, sppDeltaPsi: 150, sppBaselineAgeS: 100 }), th)).toBeNull();
    expect(detectPackOff(x({ ...noTorque, sppDeltaPsi: 60, sppBaselineAgeS: 600 }), th)).toBeNull();
    // No baseline to judge by (the driller just took weight off), SPP rising steadily by half the warning in the held minute: stands.
    const rising = { changePsi: 55, r2: 0.97, spanS: 50, torque: null, ropFallFraction: null };
    const r = detectPackOff(x({ ...noTorque, sppDeltaPsi: 20, sppBaselineAgeS: 100, sppHeldTrend: rising }), th);
    expect(r?.level).toBe('WARNING');
    expect(r?.trigger.parameter).toBe('sppRisePsi');
    expect(r?.description).toMatch(/rising steadily, \+55 psi over the last 50 s/);
    // Not with ROP holding, not a rise under half the warning, not SPP climbing back up to a judged baseline it had dropped below.
    expect(detectPackOff(x({ ...noTorque, ropDropFraction: 0.05, sppBaselineAgeS: 100, sppHeldTrend: rising }), th)).toBeNull();
    expect(detectPackOff(x({ ...noTorque, sppBaselineAgeS: 100, sppHeldTrend: { ...rising, changePsi: sppHeldTrendCountsPsi(th) - 1 } }), th)).toBeNull();
    expect(detectPackOff(x({ ...noTorque, sppDeltaPsi: -30, sppBaselineAgeS: 600, sppHeldTrend: rising }), th)).toBeNull();
    // With torque read and flat, SPP and ROP alone are not a pack-off.
    expect(detectPackOff(x({ torqueKftLbf: 15, torqueDeltaFraction: 0, ropDropFraction: 0.5, sppBaselinePsi: 2000, sppDeltaPsi: 150, sppBaselineAgeS: 600 }), th)).toBeNull();    // While a washout alarm stands, SPP coming back up is not read as a pack-off without torque to say so.
    const washoutStanding = { ...NO_STANDING_ALARMS, washout: true };
    expect(detectPackOff(x({ ...noTorque, sppDeltaPsi: 150, sppBaselineAgeS: 600, standing: washoutStanding }), th)).toBeNull();
    expect(detectPackOff(x({ ...noTorque, sppDeltaPsi: 20, sppBaselineAgeS: 100, sppHeldTrend: rising, standing: washoutStanding }), th)).toBeNull();
  });
  it('pack-off in the held minute: SPP rising steadily with torque rising alongside and ROP down, where the baselines are stale', () => {
    // The driller just halved the weight: torque sits below its old baseline, SPP's baseline is young.
    const stale = { torqueKftLbf: 2.3, torqueDeltaFraction: -0.3, wobRiseFraction: -0.5, ropDropFraction: 0.3, sppDeltaPsi: 25, sppBaselinePsi: 1480, sppBaselineAgeS: 600 };
    const rising = { changePsi: 52, r2: 0.98, spanS: 50, torque: { changeFraction: 0.07, r2: 0.9 }, ropFallFraction: null };
    const d = detectPackOff(x({ ...stale, sppHeldTrend: rising }), th);
    expect(d?.level).toBe('WARNING');
    expect(d?.trigger.parameter).toBe('sppTorqueRisePsi');
    expect(d?.description).toMatch(/SPP rising steadily, \+52 psi, and torque \+7 % over the last 50 s/);
    // Torque flat or wandering (a plugging nozzle, harder rock), ROP holding, or SPP climbing back to a judged baseline: nothing.
    expect(detectPackOff(x({ ...stale, sppHeldTrend: { ...rising, torque: { changeFraction: th.torqueIncreaseWarningFraction / 4 - 0.005, r2: 0.9 } } }), th)).toBeNull();
    expect(detectPackOff(x({ ...stale, sppHeldTrend: { ...rising, torque: { changeFraction: 0.07, r2: 0.3 } } }), th)).toBeNull();
    expect(detectPackOff(x({ ...stale, sppHeldTrend: { ...rising, torque: null, ropFallFraction: null } }), th)).toBeNull();
    expect(detectPackOff(x({ ...stale, ropDropFraction: 0.1, sppHeldTrend: rising }), th)).toBeNull();
    expect(detectPackOff(x({ ...stale, sppDeltaPsi: -40, sppHeldTrend: rising }), th)).toBeNull();
  });
  it('pack-off in the held minute: ROP falling within that minute stands for ROP below a baseline the driller left stale', () => {
    // USROP F-9: the driller changed the pump rate just before; ROP is down 14 % over the minute, 9 % against its lagging baseline.
    const stale = { torqueKftLbf: 4.6, torqueDeltaFraction: 0.2, wobRiseFraction: 0, ropDropFraction: 0.09, sppDeltaPsi: null, sppBaselinePsi: null, sppBaselineAgeS: 80 };
    const rising = { changePsi: 50, r2: 0.99, spanS: 50, torque: { changeFraction: 0.065, r2: 1 }, ropFallFraction: 0.14 };
    expect(detectPackOff(x({ ...stale, sppHeldTrend: rising }), th)?.description).toMatch(/ROP falling 14 % over the same minute/);
    // ROP holding through the minute, or rising: nothing
    expect(detectPackOff(x({ ...stale, sppHeldTrend: { ...rising, ropFallFraction: th.packoffRopDecreaseFraction / 2 - 0.01 } }), th)).toBeNull();
    expect(detectPackOff(x({ ...stale, sppHeldTrend: { ...rising, ropFallFraction: -0.1 } }), th)).toBeNull();
  });
  it('pack-off: SPP above a baseline learned at a lighter weight is the motor taking the weight, not the annulus', () => {
    // Driller put 30 % more weight on: on a motor SPP follows the bit load; torque beyond what the weight explains is not enough alone.
    const step = { torqueKftLbf: 5.1, torqueDeltaFraction: 0.45, wobRiseFraction: 0.3, ropDropFraction: 0.22, sppDeltaPsi: 360, sppBaselinePsi: 1450, sppBaselineAgeS: 900 };
    expect(detectPackOff(x({ ...step, sppWobChangeFraction: 0.3 }), th)).toBeNull();
    // The same SPP rise at the weight the baseline was learned at stands.
    expect(detectPackOff(x({ ...step, sppWobChangeFraction: 0.02 }), th)?.fault).toBe('pack-off');
    // No torque reading: the same rule for SPP against its baseline.
    const blind = { torqueKftLbf: 0.2, torqueDeltaFraction: -0.8, ropDropFraction: 0.5, sppBaselinePsi: 2000, sppDeltaPsi: 150, sppBaselineAgeS: 600 };
    expect(detectPackOff(x({ ...blind, sppWobChangeFraction: 0.25 }), th)).toBeNull();
    expect(detectPackOff(x({ ...blind, sppWobChangeFraction: 0 }), th)?.fault).toBe('pack-off');
  });
  it('pack-off and torque rise: torque above a baseline learned at a slower rotary speed is the RPM, not drag; RPM coming down explains nothing', () => {
    // Volve F-9 top hole: the driller took RPM from 19 to 39 and torque doubled, SPP not yet judged at the new pump rate.
    const up = { torqueKftLbf: 12.6, torqueDeltaFraction: 0.9, wobRiseFraction: 0.05, ropDropFraction: 0.8, sppDeltaPsi: 0, sppBaselineAgeS: 30 };
    expect(detectPackOff(x({ ...up, rpmRiseFraction: 1.0 }), th)).toBeNull();
    expect(detectTorqueRise(x({ ...up, rpmRiseFraction: 1.0 }), th)).toBeNull();
    // The same torque at a held or a lowered rotary speed stands.
    expect(detectPackOff(x({ ...up, rpmRiseFraction: 0.03 }), th)?.fault).toBe('pack-off');
    expect(detectPackOff(x({ ...up, rpmRiseFraction: -0.15 }), th)?.fault).toBe('pack-off');
    expect(detectTorqueRise(x({ ...up, rpmRiseFraction: -0.15 }), th)?.fault).toBe('torque-rise');
  });
  it('pack-off: torque and SPP up together with ROP holding is a mud motor working harder, not a packing annulus', () => {
    // ROP down 10 % (under the 20 % pack-off drop) still holds.
    const up = { torqueKftLbf: 15, torqueDeltaFraction: 0.5, wobRiseFraction: 0.1, sppDeltaPsi: 160, sppBaselinePsi: 2000, sppBaselineAgeS: 600 };
    expect(detectPackOff(x({ ...up, ropDropFraction: -0.05 }), th)).toBeNull();
    expect(detectPackOff(x({ ...up, ropDropFraction: 0.1 }), th)).toBeNull();
    // The same with the bit slowing, or with no ROP to judge (off bottom), stands.
    expect(detectPackOff(x({ ...up, ropDropFraction: 0.3 }), th)?.fault).toBe('pack-off');
    expect(detectPackOff(x({ ...up, ropDropFraction: null }), th)?.fault).toBe('pack-off');
  });
  it('gas and H2S: WARNING past the warning, CRITICAL past critical; gas only beside a flow-out sensor, H2S always', () => {
    const gas = detectGas(x({ flowBalanceGpm: 0, gasUnits: th.gasWarningUnits + 1 }), th);
    expect(gas?.level).toBe('WARNING');
    expect(gas?.trigger).toEqual({ parameter: 'gasUnits', value: th.gasWarningUnits + 1, threshold: th.gasWarningUnits, unit: 'units' });
    expect(detectGas(x({ flowBalanceGpm: 0, gasUnits: th.gasCriticalUnits + 1 }), th)?.level).toBe('CRITICAL');
    expect(detectGas(x({ flowBalanceGpm: null, gasUnits: th.gasCriticalUnits + 1 }), th)).toBeNull();
    expect(detectGas(x({ flowBalanceGpm: 0, gasUnits: th.gasWarningUnits }), th)).toBeNull();
    const h2s = detectH2s(x({ h2sPpm: th.h2sCriticalPpm + 1 }), th);
    expect(h2s?.level).toBe('CRITICAL');
    expect(h2s?.severity).toBe(1);
    expect(h2s?.description).toMatch(/^H2S [\d.]+ ppm \(warning \d+, critical \d+\)$/);
    expect(detectH2s(x({ h2sPpm: th.h2sWarningPpm }), th)).toBeNull();
  });
});

describe('assessableFaults', () => {
  const drilling = { ...makePacket(0, { holeDepthFt: 9000, bitDepthFt: 9000 }), rigState: 'Drilling' as const };
  it('SPP faults are judged only against a baseline learned long enough at this pump rate', () => {
    const settling = assessableFaults(drilling, x({ sppDeltaPsi: -20, sppBaselineAgeS: 60, torqueDeltaFraction: 0.02 }), th, new Set());
    expect(settling.has('washout')).toBe(false);
    expect(settling.has('spp-deviation')).toBe(false);
    expect(settling.has('pack-off')).toBe(true);
    const learned = assessableFaults(drilling, x({ sppDeltaPsi: -20, sppBaselineAgeS: 400, torqueDeltaFraction: 0.02 }), th, new Set());
    expect(learned.has('washout')).toBe(true);
    expect(learned.has('ecd-margin')).toBe(false); // no fracture gradient, no margin to judge
  });
  it('a pack-off with torque still up is not judged while SPP cannot be read against a settled baseline', () => {
    const raised = th.torqueIncreaseWarningFraction + 0.1;
    expect(assessableFaults(drilling, x({ sppDeltaPsi: 5, sppBaselineAgeS: 60, torqueDeltaFraction: raised }), th, new Set()).has('pack-off')).toBe(false);
    expect(assessableFaults(drilling, x({ sppDeltaPsi: 5, sppBaselineAgeS: 400, torqueDeltaFraction: raised }), th, new Set()).has('pack-off')).toBe(true);
    // Torque back at its normal says the drag is gone, whatever SPP's baseline is doing.
    expect(assessableFaults(drilling, x({ sppDeltaPsi: null, sppBaselineAgeS: 0, torqueDeltaFraction: 0.05 }), th, new Set()).has('pack-off')).toBe(true);
    expect(assessableFaults(drilling, x({ sppDeltaPsi: null, sppBaselineAgeS: 0, torqueDeltaFraction: raised }), th, new Set()).has('founder')).toBe(true);
  });
  it('well control needs a reading and steady pumps; off bottom nothing mechanical is judged', () => {
    const offBottom = { ...makePacket(0, { holeDepthFt: 9000, bitDepthFt: 8900 }), rigState: 'Circulating' as const };
    const s = assessableFaults(offBottom, x({ flowBalanceGpm: 1, torqueDeltaFraction: 0.02 }), th, new Set());
    expect(s.has('kick')).toBe(true);
    expect(s.has('pack-off')).toBe(false);
    expect(s.has('mse-inefficiency')).toBe(false);
    expect(assessableFaults(offBottom, x({ flowBalanceGpm: 1, pumpsSteady: false }), th, new Set()).has('kick')).toBe(false);
  });
  it('stick-slip is judged on a readable torque near its baseline, not on one collapsed under half of it', () => {
    expect(assessableFaults(drilling, x({ torqueDeltaFraction: -0.1, torqueCv: 0.05 }), th, new Set()).has('stick-slip')).toBe(true);
    const collapsed = assessableFaults(drilling, x({ torqueDeltaFraction: -0.7, torqueCv: 0.05 }), th, new Set());
    expect(collapsed.has('stick-slip')).toBe(false);
    expect(collapsed.has('pack-off')).toBe(true);
    expect(assessableFaults(drilling, x({ torqueDeltaFraction: 0, torqueCv: null }), th, new Set()).has('stick-slip')).toBe(false);
  });
});
