// The physics engine's trackers, each on its own: pumps, the connection flow check, pits, the
// channel deltas, founder, the efficiency judge, and the detector gating.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { makePacket, type ChannelValues, type RigState, type WitsPacket } from '../../../src-shared/wits.js';
import { emptyDetectorInputs } from '../../../src-main/physics/detectors.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { runDetectors } from '../../../src-main/physics/run-detectors.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { ChannelDelta, GasBackground, ON_BOTTOM_DELTAS, SppDelta } from '../../../src-main/physics/trackers/deltas.js';
import { EfficiencyJudge } from '../../../src-main/physics/trackers/efficiency.js';
import { FlowCheckTracker } from '../../../src-main/physics/trackers/flow-check.js';
import { FounderTracker } from '../../../src-main/physics/trackers/founder.js';
import { PitTracker } from '../../../src-main/physics/trackers/pits.js';
import { PumpTracker, pitsReadableAfter, pitsSettledAfter, type PumpReading } from '../../../src-main/physics/trackers/pumps.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';

const th = thresholdsFor(defaultConfig(), 'production');
const T0 = 1_700_000_000_000;
const at = (s: number, v: Partial<ChannelValues>, rigState: RigState = 'Drilling'): WitsPacket => ({ ...makePacket(T0 + s * 1000, v), rigState });

describe('PumpTracker', () => {
  it('is steady only after the settle time at one rate, and a rate change starts it over', () => {
    const p = new PumpTracker(30_000, 5);
    expect(p.update(at(0, { flowInGpm: 500 }), 50)).toMatchObject({ pumpsOn: true, pumpChanged: true, pumpsSteady: false });
    for (let s = 1; s < 30; s++) expect(p.update(at(s, { flowInGpm: 500 }), 50).pumpsSteady).toBe(false);
    expect(p.update(at(30, { flowInGpm: 502 }), 50)).toMatchObject({ pumpsSteady: true, pumpChanged: false });
    let changed = false;
    for (let s = 31; s < 40; s++) changed ||= p.update(at(s, { flowInGpm: 650 }), 50).pumpChanged;
    expect(changed).toBe(true);
    expect(p.update(at(41, { flowInGpm: 650 }), 50).pumpsSteady).toBe(false);
  });
  it('a slow ramp is a pump change (returns lag it all the way); a step is one change, not two', () => {
    // 1 gpm/s down from 970 gpm: the reference follows within its 2 % tolerance, the ramp check does not.
    const p = new PumpTracker(30_000, 5);
    for (let s = 0; s <= 60; s++) p.update(at(s, { flowInGpm: 970 }), 50);
    let changed = false;
    let steadyAll = true;
    for (let s = 61; s <= 121; s++) {
      const r = p.update(at(s, { flowInGpm: 970 - (s - 60) }), 50);
      changed ||= r.pumpChanged;
      steadyAll &&= r.pumpsSteady;
    }
    expect(changed).toBe(true);
    expect(steadyAll).toBe(false);
    // A step from 900 to 1,030 gpm over 6 s: one change at the step, then steady 30 s later and no second change.
    const q = new PumpTracker(30_000, 5);
    for (let s = 0; s <= 60; s++) q.update(at(s, { flowInGpm: 900 }), 50);
    const changes: number[] = [];
    for (let s = 61; s <= 200; s++) {
      const rate = s < 67 ? 900 + (s - 60) * 21 : 1030;
      if (q.update(at(s, { flowInGpm: rate }), 50).pumpChanged) changes.push(s);
    }
    expect(changes.length).toBeGreaterThan(0);
    expect(Math.max(...changes)).toBeLessThan(67);
    expect(q.update(at(201, { flowInGpm: 1030 }), 50).pumpsSteady).toBe(true);
  });
  it('pits settle 120 s after the pumps start from off, 60 s after a rate change while circulating', () => {
    const p = new PumpTracker(30_000, 5);
    const settledAt = (from: number, to: number, rate: number) => {
      for (let s = from; s <= to; s++) if (pitsSettledAfter(p.update(at(s, { flowInGpm: rate }), 50), 120)) return s - from;
      return null;
    };
    expect(settledAt(0, 300, 500)).toBe(120);
    expect(settledAt(301, 600, 650)).toBe(60);
    p.update(at(601, { flowInGpm: 0 }), 50);
    expect(settledAt(602, 900, 650)).toBe(120);
  });
  it('before the pits settle, reads them for a gain after a rate up and for a loss after a rate down, never from off or after mixed changes', () => {
    const p = new PumpTracker(30_000, 5);
    const readable = (from: number, to: number, rate: number) => {
      const readableNow = (reading: PumpReading) => pitsReadableAfter(reading, pitsSettledAfter(reading, 120));
      let r = readableNow(p.update(at(from, { flowInGpm: rate }), 50));
      for (let s = from + 1; s <= to; s++) r = readableNow(p.update(at(s, { flowInGpm: rate }), 50));
      return r;
    };
    // From off: neither side until the 120-s flow-back settle.
    expect(readable(0, 100, 500)).toEqual({ gain: false, loss: false });
    expect(readable(101, 300, 500)).toEqual({ gain: true, loss: true });
    // Rate up: the line fills from the pits, so only a gain is the well's until 60 s on.
    expect(readable(301, 335, 650)).toEqual({ gain: true, loss: false });
    expect(readable(336, 500, 650)).toEqual({ gain: true, loss: true });
    // Rate down: the line drains into the pits, so only a loss is the well's.
    expect(readable(501, 535, 500)).toEqual({ gain: false, loss: true });
    // Up again within two minutes of the down: the line moves both ways, neither side until settled.
    expect(readable(536, 575, 650)).toEqual({ gain: false, loss: false });
    expect(readable(576, 640, 650)).toEqual({ gain: true, loss: true });
  });
  it('reads pump strokes when flow in is not sent, and flow below the circulation minimum as off', () => {
    const p = new PumpTracker(1000, 5);
    expect(p.update(at(0, { pumpSpm: 90 }), 50).pumpsOn).toBe(true);
    const q = new PumpTracker(1000, 5);
    expect(q.update(at(0, { flowInGpm: 30 }), 50).pumpsOn).toBe(false);
  });
});

describe('FlowCheckTracker', () => {
  it('judges returns and pit gain only after the flow-back settle time', () => {
    const f = new FlowCheckTracker();
    const off = { pumpsOn: false, pumpsSteady: false, pumpChanged: false, steadyForS: 0, onForS: 0, lastStepSign: 0 };
    f.update(at(0, { flowOutGpm: 80, pitVolumeBbl: 500 }), { ...off, pumpChanged: true }, 120);
    expect(f.update(at(60, { flowOutGpm: 30, pitVolumeBbl: 503 }), off, 120).pumpsOffSettledS).toBeNull();
    const first = f.update(at(120, { flowOutGpm: 12, pitVolumeBbl: 504 }), off, 120);
    expect(first.pumpsOffSettledS).toBe(120);
    expect(first.pitGainPumpsOffBbl).toBe(0);
    const later = f.update(at(180, { flowOutGpm: 12, pitVolumeBbl: 506.5 }), off, 120);
    expect(later.pitGainPumpsOffBbl).toBeCloseTo(2.5, 9);
    expect(f.update(at(181, { flowOutGpm: 500 }), { pumpsOn: true, pumpsSteady: false, pumpChanged: true, steadyForS: 0, onForS: 0, lastStepSign: 0 }, 120).pumpsOffSettledS).toBeNull();
  });
});

describe('PitTracker', () => {
  it('adds the drilled hole volume back, so drilling ahead with steady pits is no loss', () => {
    const p = new PitTracker();
    let r = { pitRateBblHr: null as number | null, pitGainBbl: null as number | null };
    // 72 ft/hr in 8.5 in: the pits fall by the new hole's volume (~5 bbl/hr).
    for (let s = 0; s <= 300; s++) {
      const hole = 10_000 + (72 / 3600) * s;
      r = p.update(at(s, { pitVolumeBbl: 500 - ((hole - 10_000) * 8.5 * 8.5) / 1029.4, holeDepthFt: hole }), 8.5, 90, 600);
    }
    expect(Math.abs(r.pitRateBblHr as number)).toBeLessThan(0.1);
    expect(Math.abs(r.pitGainBbl as number)).toBeLessThan(0.05);
  });
  it('measures a gain over its window and starts over on reset', () => {
    const p = new PitTracker();
    let r = { pitRateBblHr: null as number | null, pitGainBbl: null as number | null };
    for (let s = 0; s <= 300; s++) r = p.update(at(s, { pitVolumeBbl: 500 + s / 60, holeDepthFt: 10_000 }), 8.5, 90, 600);
    expect(r.pitRateBblHr).toBeCloseTo(60, 0);
    expect(r.pitGainBbl).toBeCloseTo(5, 1);
    p.reset();
    expect(p.update(at(301, { pitVolumeBbl: 505, holeDepthFt: 10_000 }), 8.5, 90, 600).pitRateBblHr).toBeNull();
  });
  it('no pit channel, no pit numbers', () => {
    expect(new PitTracker().update(at(0, { holeDepthFt: 10_000 }), 8.5, 90, 600)).toEqual({ pitRateBblHr: null, pitGainBbl: null });
  });
});

describe('channel deltas', () => {
  it('rise, drop and difference against a baseline frozen while the channel deviates, for at most 15 min', () => {
    const torque = new ChannelDelta(ON_BOTTOM_DELTAS.torque, 5);
    let s = 0;
    for (; s < 120; s++) torque.update(10, th, T0 + s * 1000);
    let d: number | null = null;
    for (; s < 420; s++) d = torque.update(13, th, T0 + s * 1000);
    // Frozen: five minutes at +30 % are still measured against the pre-fault 10 kft-lbf.
    expect(d as number).toBeGreaterThan(0.28);
    // After the longest hold the new level is adopted and the delta shrinks.
    for (; s < 120 + 900 + 600; s++) d = torque.update(13, th, T0 + s * 1000);
    expect(d as number).toBeLessThan(0.1);
    const rop = new ChannelDelta(ON_BOTTOM_DELTAS.rop, 5);
    for (let i = 0; i < 20; i++) rop.update(60, th, T0 + i * 1000);
    for (let i = 20; i < 25; i++) d = rop.update(30, th, T0 + i * 1000);
    expect(d as number).toBeGreaterThan(0.3);
    const dxc = new ChannelDelta(ON_BOTTOM_DELTAS.dxc, 5);
    for (let i = 0; i < 20; i++) dxc.update(1.5, th, T0 + i * 1000);
    for (let i = 20; i < 25; i++) d = dxc.update(1.3, th, T0 + i * 1000);
    expect(d as number).toBeLessThan(-0.1);
    expect(dxc.update(null, th, T0)).toBeNull();
  });
  it('SPP is judged only at steady pumps and learned only then (or to seed)', () => {
    const spp = new SppDelta(5);
    for (let i = 0; i < 20; i++) expect(spp.update(2800, 500, true, false, th, T0 + i * 1000)).toBeNull();
    expect(spp.baselinePsi).not.toBeNull();
    for (let i = 20; i < 350; i++) spp.update(2800, 500, true, true, th, T0 + i * 1000);
    let d: number | null = null;
    // a washout ramping in over 5 min is measured against the pre-fault SPP all the way
    for (let i = 350; i < 650; i++) d = spp.update(2800 - (300 * (i - 350)) / 300, 500, true, true, th, T0 + i * 1000);
    expect(d as number).toBeLessThan(-260);
    expect(spp.update(2500, 500, false, false, th, T0 + 651_000)).toBeNull();
    // a 2 % drift in pump rate is not an SPP deviation (SPP follows flow^1.8)
    const drift = new SppDelta(5);
    for (let i = 0; i < 100; i++) drift.update(2800, 500, true, true, th, T0 + i * 1000);
    let dd: number | null = null;
    for (let i = 100; i < 110; i++) dd = drift.update(2800 * (510 / 500) ** 1.8, 510, true, true, th, T0 + i * 1000);
    expect(Math.abs(dd as number)).toBeLessThan(5);
  });
  it('SPP says whether its baseline has read it normal since it began to judge (one settled on an excursion has not)', () => {
    // Steady drilling: read normal once the 300 s of settling are over.
    const steady = new SppDelta(5);
    for (let i = 0; i < 299; i++) steady.update(2800, 500, true, true, th, T0 + i * 1000);
    expect(steady.readNormal).toBe(false);
    for (let i = 299; i < 320; i++) steady.update(2800, 500, true, true, th, T0 + i * 1000);
    expect(steady.readNormal).toBe(true);
    // A session that starts in an excursion (Volve F-9: 1,450 -> 1,820 psi with a weight step, then
    // back to 1,510): the baseline settles high, freezes, and SPP never reads normal against it.
    const swing = new SppDelta(5);
    const excursion = (i: number) => (i < 60 ? 1450 : i < 280 ? 1800 : 1510);
    for (let i = 0; i < 600; i++) swing.update(excursion(i), 907, true, true, th, T0 + i * 1000);
    expect(swing.baselinePsi as number).toBeGreaterThan(1600);
    expect(swing.readNormal).toBe(false);
    // A new pump rate starts the baseline over, and the question with it.
    steady.update(2800 * (600 / 500) ** 1.8, 600, true, true, th, T0 + 400_000);
    expect(steady.readNormal).toBe(false);
  });
  it('SPP against its normal from before a connection, at the same rate and no less weight, while the restarted baseline settles', () => {
    const drill = (spp: SppDelta, psi: number, gpm: number, wob: number, from: number, to: number) => {
      for (let i = from; i < to; i++) spp.update(psi, gpm, gpm > 0, true, th, T0 + i * 1000, wob);
    };
    const connection = (psi: number, wob: number, gpmBack = 500) => {
      const spp = new SppDelta(5);
      drill(spp, 2800, 500, 20, 0, 900); // 15 min drilling: normals noted at 2,800 psi, 500 gpm, 20 klbf
      expect(spp.overRecentNormalAtWeightPsi).toBeNull(); // the baseline judges: it speaks for itself
      drill(spp, 0, 0, 0, 900, 1200); // pumps off for the connection
      drill(spp, 2800 * (250 / 500) ** 1.8, 250, 0, 1200, 1220); // staged back up: the baseline starts over
      drill(spp, psi, gpmBack, wob, 1220, 1320);
      return spp;
    };
    // 250 psi under the normal at the same rate and weight: the erosion the settling baseline cannot see.
    expect(connection(2550, 20).overRecentNormalAtWeightPsi as number).toBeCloseTo(-250, 0);
    // Weight taken off (on a motor SPP follows it) or another rate: nothing to compare with.
    expect(connection(2550, 15).overRecentNormalAtWeightPsi).toBeNull();
    expect(connection(2550 * (560 / 500) ** 1.8, 20, 560).overRecentNormalAtWeightPsi).toBeNull();
    // Once the new baseline judges and has read SPP normal, the question is its own again.
    const back = connection(2790, 20);
    drill(back, 2790, 500, 20, 1320, 1600);
    expect(back.overRecentNormalAtWeightPsi).toBeNull();
  });
  it('SPP holds against a washout ramp even where the learned SPP band is wide', () => {
    // A noisy learning hour can widen the SPP warning to hundreds of psi; the hold follows the
    // washout drop (the smallest SPP change judged), so the ramp is not swallowed.
    const wide = { ...th, sppDeviationWarningPsi: 843, sppDeviationCriticalPsi: 1406 };
    const spp = new SppDelta(5);
    for (let i = 0; i < 400; i++) spp.update(2100, 1169, true, true, wide, T0 + i * 1000);
    let d: number | null = null;
    for (let i = 400; i < 550; i++) d = spp.update(2100 - (i - 400), 1169, true, true, wide, T0 + i * 1000);
    expect(d as number).toBeLessThan(-110); // a baseline following at the steady rate would read about -80
  });
  it('SPP compares with a normal from a lower pump rate referred up (it can only err towards a washout), not with one from a higher rate', () => {
    const spp = new SppDelta(5);
    for (let i = 0; i < 600; i++) spp.update(2000, 900, true, true, th, T0 + i * 1000, 12);
    // pumps brought up 17 %: the 900 gpm normal referred up (2,640 psi) is there to compare with
    const up = 2000 * (1050 / 900) ** 1.8;
    for (let i = 600; i < 700; i++) spp.update(up, 1050, true, true, th, T0 + i * 1000, 12);
    expect(Math.abs(spp.overRecentLowPsi as number)).toBeLessThan(5);
    // pumps cut 17 % instead: a normal referred down could hide a washout, so none compares
    const cut = new SppDelta(5);
    for (let i = 0; i < 600; i++) cut.update(2000, 900, true, true, th, T0 + i * 1000, 12);
    for (let i = 600; i < 700; i++) cut.update(2000 * (750 / 900) ** 1.8, 750, true, true, th, T0 + i * 1000, 12);
    expect(cut.overRecentLowPsi).toBeNull();
  });
  it('SPP says how the pump rate moved since it was last judged, through a restart', () => {
    const spp = new SppDelta(5);
    expect(spp.pumpRateChangeFraction).toBeNull();
    for (let i = 0; i < 400; i++) spp.update(2000, 500, true, true, th, T0 + i * 1000);
    expect(spp.pumpRateChangeFraction).toBe(0);
    // the driller brings the pumps up: the baseline starts over, the rate it was judged at is kept
    spp.update(3000, 650, true, false, th, T0 + 401_000);
    expect(spp.baselineAgeS).toBe(0);
    expect(spp.pumpRateChangeFraction as number).toBeCloseTo(0.3, 5);
    // judged at the new rate, that is the reference
    for (let i = 402; i < 1000; i++) spp.update(3000, 650, true, true, th, T0 + i * 1000);
    expect(spp.pumpRateChangeFraction).toBe(0);
    // cut back
    spp.update(1500, 450, true, false, th, T0 + 1_001_000);
    expect(spp.pumpRateChangeFraction as number).toBeLessThan(-0.3);
  });
  it('SPP keeps the WOB its baseline was learned at, held while the baseline holds', () => {
    const spp = new SppDelta(5);
    for (let i = 0; i < 400; i++) spp.update(2000, 900, true, true, th, T0 + i * 1000, 12);
    expect(spp.wobChangeFraction as number).toBeCloseTo(0, 5);
    // the driller takes weight off and SPP falls with the motor's differential: the baseline holds,
    // and the WOB reference with it (it only creeps, so the weight is still seen to be off)
    for (let i = 400; i < 460; i++) spp.update(1900, 900, true, true, th, T0 + i * 1000, 6);
    expect(spp.wobChangeFraction as number).toBeLessThan(-0.4);
    // weight kept off for many minutes is the new set point
    for (let i = 460; i < 1400; i++) spp.update(1900, 900, true, true, th, T0 + i * 1000, 6);
    expect(spp.wobChangeFraction as number).toBeGreaterThan(-0.1);
    // a new WOB set point with SPP where it was: the baseline learns on, and its WOB with it
    const setPoint = new SppDelta(5);
    for (let i = 0; i < 400; i++) setPoint.update(2000, 900, true, true, th, T0 + i * 1000, 12);
    for (let i = 400; i < 1000; i++) setPoint.update(2000, 900, true, true, th, T0 + i * 1000, 15);
    expect(setPoint.wobChangeFraction as number).toBeLessThan(0.05);
    // no WOB channel: unknown, never a gate
    const noWob = new SppDelta(5);
    for (let i = 0; i < 100; i++) noWob.update(2000, 900, true, true, th, T0 + i * 1000);
    expect(noWob.wobChangeFraction).toBeNull();
  });
  it('SPP remembers its lowest normal of the last half hour, through a long rise and a connection', () => {
    const spp = new SppDelta(5);
    for (let i = 0; i < 600; i++) spp.update(2000, 900, true, true, th, T0 + i * 1000, 12);
    expect(Math.abs(spp.overRecentLowPsi as number)).toBeLessThan(1);
    // a pack-off holds SPP 300 psi up for 20 minutes: after the 15-minute hold it is the new baseline
    for (let i = 600; i < 1800; i++) spp.update(2300, 900, true, true, th, T0 + i * 1000, 12);
    expect(spp.baselinePsi as number).toBeGreaterThan(2250);
    expect(spp.overRecentLowPsi as number).toBeCloseTo(300, 0);
    // a connection: pumps off, then ramping back through lower rates to 900 gpm; the baseline starts over at 2,300
    for (let i = 1800; i < 1900; i++) spp.update(null, 0, false, false, th, T0 + i * 1000, 0);
    for (let i = 1900; i < 1920; i++) spp.update(2300 * ((i - 1899) / 20) ** 1.8, (900 * (i - 1899)) / 20, true, false, th, T0 + i * 1000, 12);
    for (let i = 1920; i < 2300; i++) spp.update(2300, 900, true, true, th, T0 + i * 1000, 12);
    // cleared: SPP back at 2,000 is 300 below the baseline but at its normal of 20 minutes ago
    let d: number | null = null;
    for (let i = 2300; i < 2330; i++) d = spp.update(2000, 900, true, true, th, T0 + i * 1000, 12);
    expect(d as number).toBeLessThan(-250);
    expect(Math.abs(spp.overRecentLowPsi as number)).toBeLessThan(5);
    // at a pump rate the normalisation cannot reach, nothing to compare until a normal is learned there
    for (let i = 2330; i < 2400; i++) spp.update(1500, 700, true, true, th, T0 + i * 1000, 12);
    expect(spp.overRecentLowPsi).toBeNull();
    // back at 900 gpm two hours later (a trip out and in): the old normals are forgotten
    const later = T0 + 2400_000 + 7200_000;
    for (let i = 0; i < 30; i++) spp.update(2000, 900, true, true, th, later + i * 1000, 12);
    expect(spp.overRecentLowPsi).toBeNull();
  });
  it('gas rise above a background that does not chase a kick', () => {
    const g = new GasBackground();
    for (let i = 0; i < 60; i++) g.update(50, th);
    let rise: number | null = null;
    for (let i = 0; i < 120; i++) rise = g.update(400, th);
    expect(rise as number).toBeGreaterThan(300);
  });
});

describe('FounderTracker', () => {
  const history = (entries: [number, number][]): HistoryBuffer<HistoryEntry> => {
    const h = new HistoryBuffer<HistoryEntry>(60);
    entries.forEach(([wob, rop], i) => h.push({ packet: at(i, { wobKlbf: wob, ropFtHr: rop }), metrics: {} as DrillingMetrics, anomalous: false }));
    return h;
  };
  it('counts WOB steps without an ROP answer and fits the trend', () => {
    const f = new FounderTracker(10);
    const rows: [number, number][] = Array.from({ length: 10 }, (_, i) => [20 * 1.06 ** i, 60 - i]);
    let r = f.update(at(0, { wobKlbf: rows[0][0], ropFtHr: rows[0][1] }), true, history([]), th);
    for (let i = 1; i < rows.length; i++) r = f.update(at(i, { wobKlbf: rows[i][0], ropFtHr: rows[i][1] }), true, history(rows.slice(0, i + 1)), th);
    expect(r.quickStreak).toBe(9);
    expect(r.wobSlopeRel as number).toBeGreaterThan(0.03);
    expect(r.ropSlopeRel as number).toBeLessThan(0);
    expect(f.update(at(11, {}), false, history(rows), th).quickStreak).toBe(0);
  });
});

describe('EfficiencyJudge', () => {
  it('waits for drilling to be established, averages, and drops while the weight goes on', () => {
    const e = new EfficiencyJudge(60_000);
    for (let s = 0; s < 60; s++) expect(e.update(T0 + s * 1000, true, 0, 80)).toBeNull();
    let v: number | null = null;
    for (let s = 60; s < 66; s++) v = e.update(T0 + s * 1000, true, 0, s < 63 ? 80 : 60);
    expect(v as number).toBeCloseTo(70, 9);
    expect(e.update(T0 + 67_000, true, -0.3, 80)).toBeNull();
    expect(e.update(T0 + 68_000, false, 0, 80)).toBeNull();
  });
});

describe('runDetectors gating', () => {
  const x = { ...emptyDetectorInputs(), pumpsSteady: true, flowBalanceGpm: 30, pitGainBbl: 12, torqueCv: 0.3, torqueRegularity: 0.8 };
  it('well control in circulating, mechanical only on bottom', () => {
    const circulating = runDetectors(at(0, { bitDepthFt: 9000 }, 'Circulating'), x, th).map((d) => d.fault);
    expect(circulating).toContain('kick');
    expect(circulating).not.toContain('stick-slip');
    const drilling = runDetectors(at(0, { bitDepthFt: 9000 }, 'Drilling'), x, th).map((d) => d.fault);
    expect(drilling).toEqual(expect.arrayContaining(['kick', 'stick-slip']));
    expect(drilling[0]).toBe('kick');
  });
  it('tripping: no well-control or mechanical rules (the trip tank is the check there)', () => {
    expect(runDetectors(at(0, { bitDepthFt: 9000 }, 'TrippingOut'), x, th)).toEqual([]);
  });
  it('SPP after a rate change: the baseline follows the surge as it wears off instead of holding it', () => {
    const spp = new SppDelta(5);
    // Pumps back up: SPP surges 200 psi for two minutes, then settles to its old level.
    for (let i = 0; i < 120; i++) spp.update(2300, 1169, true, true, th, T0 + i * 1000);
    let d: number | null = null;
    for (let i = 120; i < 300; i++) d = spp.update(2100, 1169, true, true, th, T0 + i * 1000);
    expect(spp.baselineAgeS as number).toBeLessThan(300);
    expect(d as number).toBeGreaterThan(-50);
  });
});
