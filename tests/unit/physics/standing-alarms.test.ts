// A fault the driller has been told about (its alarm stands): the flow and pit noise bands do not
// learn a kick or a loss, and the pits or SPP still moving a standing fault's way are that fault
// going on, not a pit-rate or SPP-deviation fault with an alarm of its own.
import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src-shared/advisory.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { makePacket } from '../../../src-shared/wits.js';
import { emptyDetectorInputs, NO_STANDING_ALARMS, type DetectorInputs, type StandingAlarms } from '../../../src-main/physics/detectors.js';
import { PhysicsEngine } from '../../../src-main/physics/engine.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { runDetectors } from '../../../src-main/physics/run-detectors.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';

const cfg = defaultConfig();
const th = thresholdsFor(cfg, 'production');

/** Drilling at 600 gpm with a paddle swinging ±5 gpm every 10 s; from 900 s a 60 gpm influx for 14 minutes. */
function flowNoiseAfterLongKick(alarmFromS: number | null): { beforeGpm: number; afterGpm: number } {
  const e = new PhysicsEngine();
  const h = new HistoryBuffer<HistoryEntry>(60);
  let beforeGpm = NaN;
  let afterGpm = NaN;
  let pitBbl = 500;
  for (let i = 0; i < 900 + 840; i++) {
    const influxGpm = i >= 900 ? 60 : 0;
    pitBbl += influxGpm / 42 / 60;
    const p = makePacket(i * 1000, {
      bitDepthFt: 10000, holeDepthFt: 10000, flowInGpm: 600, flowOutGpm: 600 + influxGpm + (Math.floor(i / 10) % 2 ? 5 : -5), pitVolumeBbl: pitBbl,
      wobKlbf: 25, rpm: 120, torqueKftLbf: 15, sppPsi: 3000, ropFtHr: 60,
    });
    p.rigState = 'Drilling';
    const standingAlarms: StandingAlarms = { kick: alarmFromS !== null && i >= alarmFromS, loss: false, pitRate: false, packOff: false, washout: false };
    const out = e.analyze(p, h, { config: cfg, thresholds: th, operation: 'ProductionDrilling', standingAlarms });
    h.push({ packet: p, metrics: out.metrics, anomalous: out.detections.length > 0 });
    if (i === 899) beforeGpm = out.metrics.flowNoiseGpm as number;
    afterGpm = out.metrics.flowNoiseGpm as number;
  }
  return { beforeGpm, afterGpm };
}

/** The detections on one drilling packet with these inputs and these alarms standing. */
function detected(x: DetectorInputs, standing: Partial<StandingAlarms> = {}) {
  const p = makePacket(0, { bitDepthFt: 10000, holeDepthFt: 10000 });
  p.rigState = 'Drilling';
  return runDetectors(p, { ...x, standing: { ...NO_STANDING_ALARMS, ...standing } }, th);
}
const faults = (x: DetectorInputs, standing: Partial<StandingAlarms> = {}) => detected(x, standing).map((d) => d.fault);

/** With these alarms standing, the one detection is reported as the standing fault, its words saying why. */
function expectReportedAs(x: DetectorInputs, standing: Partial<StandingAlarms>, fault: FaultKind, words: string): void {
  const d = detected(x, standing);
  expect(d.map((e) => e.fault)).toEqual([fault]);
  expect(d[0].description).toContain(words);
}

describe('standing alarms', () => {
  it('a kick advised and left standing for 14 minutes does not become the flow noise band', () => {
    const told = flowNoiseAfterLongKick(960);
    expect(told.beforeGpm).toBeGreaterThan(3);
    expect(told.beforeGpm).toBeLessThan(6);
    expect(told.afterGpm).toBeLessThan(told.beforeGpm * 1.6);
    // Without the alarm (nothing advised yet) the band learns what it sees, slowly: it grows.
    const untold = flowNoiseAfterLongKick(null);
    expect(untold.afterGpm).toBeGreaterThan(told.afterGpm * 1.5);
  });
  it('pits still falling while a loss alarm stands are the loss going on; with no alarm, a pit-rate fault', () => {
    // The flow balance has come back; the pit window still holds the loss.
    const x: DetectorInputs = {
      ...emptyDetectorInputs(), pumpsSteady: true, pitsSettled: true, flowBalanceGpm: -2, flowNoiseGpm: 5,
      pitRateBblHr: -25, pitGainBbl: -8, pitRateNoiseBblHr: 2, pitGainNoiseBbl: 0.2,
    };
    expect(faults(x)).toEqual(['pit-rate']);
    expectReportedAs(x, { loss: true }, 'loss', 'the losses go on');
    // A kick's alarm does not claim pits that are falling.
    expect(faults(x, { kick: true })).toEqual(['pit-rate']);
  });
  it('SPP up while a pack-off alarm stands is the pack-off at full size; down while a washout alarm stands, the washout', () => {
    // The ramp has levelled off: the trends and the held minute no longer read it, the baseline delta does.
    const up: DetectorInputs = { ...emptyDetectorInputs(), pumpsSteady: true, sppDeltaPsi: 330, sppBaselinePsi: 1500, sppBaselineAgeS: 3600 };
    expect(faults(up)).toEqual(['spp-deviation']);
    expectReportedAs(up, { packOff: true }, 'pack-off', 'the pack-off goes on');
    // A washout's alarm does not claim SPP that rose, nor a pack-off's SPP that fell.
    expect(faults(up, { washout: true })).toEqual(['spp-deviation']);
    const down: DetectorInputs = { ...up, sppDeltaPsi: -120 };
    expect(faults(down, { packOff: true })).not.toContain('pack-off');
    const washing = faults(down, { washout: true });
    expect(washing).toContain('washout');
    expect(washing).not.toContain('spp-deviation');
  });
  it("gas at its warning while a kick alarm stands is the influx's gas: part of the kick; past critical, its own alarm", () => {
    const x: DetectorInputs = { ...emptyDetectorInputs(), pumpsSteady: true, flowBalanceGpm: 2, flowNoiseGpm: 5, gasUnits: 180 };
    expect(faults(x)).toEqual(['gas']);
    expectReportedAs(x, { kick: true }, 'kick', "the influx's gas");
    // Past its critical level gas is a hazard at surface of its own: its own alarm, kick or not.
    expect(faults({ ...x, gasUnits: 800 }, { kick: true })).toContain('gas');
    // With the kick itself detected on the packet, the gas adds no second detection.
    const both = faults({ ...x, flowBalanceGpm: 60 }, { kick: true });
    expect(both.filter((f) => f === 'kick')).toHaveLength(1);
    expect(both).not.toContain('gas');
  });
  it('drilling-optimisation advice waits while a well-control or hole problem alarm stands', () => {
    // A pack-off's torque up and ROP down read as poor efficiency and new rock: they are the pack-off's.
    const x: DetectorInputs = { ...emptyDetectorInputs(), pumpsSteady: true, mseEfficiencyPercent: 30, mseDeltaFraction: 0.6, founderQuickStreak: 5, ropDropFraction: 0.3 };
    const free = faults(x);
    expect(free).toContain('mse-inefficiency');
    expect(free).toContain('founder');
    for (const standing of [{ packOff: true }, { kick: true }, { loss: true }, { washout: true }]) {
      const held = faults(x, standing);
      expect(held).not.toContain('mse-inefficiency');
      expect(held).not.toContain('founder');
    }
  });
});
