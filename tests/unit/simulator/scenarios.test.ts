import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src-main/simulator/model.js';
import { SCENARIOS, type ScenarioName } from '../../../src-main/simulator/scenarios.js';
import { cv, dExponent, drilling, generate, mean, mseEfficiencyPct, series, tealeMsePsi, type Run } from './helpers.js';

const DURATION_S = 2400; // 40 min: the fault starts ~12 min in and develops fully.

const runs = new Map<ScenarioName, Run>();
function run(s: ScenarioName): Run {
  let r = runs.get(s);
  if (!r) {
    r = generate({ scenario: s, seed: 11, durationS: DURATION_S });
    runs.set(s, r);
  }
  return r;
}

/** Mean of a channel in the 5 min before onset and in a developed part of the window. */
function beforeAfter(r: Run, pick: Parameters<typeof series>[3]): { before: number; during: number } {
  const f = r.faults[0];
  const devFrom = f.onsetS + 240;
  const devTo = Math.min(f.endS - 150, f.onsetS + 600);
  return { before: mean(series(r, f.onsetS - 300, f.onsetS, pick)), during: mean(series(r, devFrom, devTo, pick)) };
}

describe('every scenario generates with ground truth', () => {
  for (const s of SCENARIOS) {
    it(`${s}: full length, all channels finite or absent, faults inside the run`, () => {
      const r = run(s);
      expect(r.samples).toHaveLength(DURATION_S);
      expect(r.samples[1].timeMs - r.samples[0].timeMs).toBe(1000);
      for (const smp of r.samples) {
        for (const v of Object.values(smp.values)) if (v !== null) expect(Number.isFinite(v)).toBe(true);
      }
      for (const f of r.faults) {
        expect(f.onsetS).toBeGreaterThanOrEqual(0);
        expect(f.endS).toBeGreaterThan(f.onsetS);
        expect(f.endS).toBeLessThanOrEqual(DURATION_S);
      }
      const expectsFault = !['normal', 'garbage'].includes(s);
      expect(r.faults.length > 0).toBe(expectsFault);
    });
  }

  const drillingFaults: ScenarioName[] = ['kick', 'loss', 'pack-off', 'stick-slip', 'founder', 'washout', 'mse-inefficiency', 'formation-change'];
  for (const s of drillingFaults) {
    it(`${s}: starts after baseline drilling and happens on bottom with pumps steady (no connection)`, () => {
      const r = run(s);
      const f = r.faults[0];
      expect(f.onsetS).toBeGreaterThanOrEqual(600);
      expect(series(r, f.onsetS - 120, f.endS, (v) => v.flowInGpm).every((q) => q > 500)).toBe(true);
      expect(series(r, f.onsetS - 120, f.endS, (v) => v.rpm).every((n) => n > 50)).toBe(true);
      expect(drilling(r.samples[f.onsetS].values)).toBe(true);
    });
  }
});

describe('fault signatures match the ground truth', () => {
  it('kick: flow out exceeds flow in by 40+ gpm, pit gains, gas up, SPP eases', () => {
    const r = run('kick');
    const f = r.faults[0];
    const fb = beforeAfter(r, (v) => v.flowOutGpm! - v.flowInGpm!);
    expect(Math.abs(fb.before)).toBeLessThan(3);
    expect(fb.during).toBeGreaterThan(40);
    // Flow imbalance crosses the 20 gpm critical level within a minute of onset.
    const early = series(r, f.onsetS + 50, f.onsetS + 60, (v) => v.flowOutGpm! - v.flowInGpm!);
    expect(mean(early)).toBeGreaterThan(20);
    const pitGain = r.samples[f.onsetS + 600].values.pitVolumeBbl! - r.samples[f.onsetS].values.pitVolumeBbl!;
    expect(pitGain).toBeGreaterThan(10);
    expect(beforeAfter(r, (v) => v.gasUnits).during).toBeGreaterThan(150);
    const spp = beforeAfter(r, (v) => v.sppPsi);
    expect(spp.during).toBeLessThan(spp.before - 50);
  });

  it('loss: flow out falls 20+ gpm below flow in, pit falls 20-60 bbl/hr, SPP drops 100+ psi', () => {
    const r = run('loss');
    const f = r.faults[0];
    const fb = beforeAfter(r, (v) => v.flowOutGpm! - v.flowInGpm!);
    expect(fb.during).toBeLessThan(-20);
    expect(fb.during).toBeGreaterThan(-100);
    const pit = series(r, f.onsetS + 300, f.onsetS + 600, (v) => v.pitVolumeBbl);
    const rateBblHr = ((pit[pit.length - 1] - pit[0]) / (pit.length - 1)) * 3600;
    expect(rateBblHr).toBeLessThan(-20);
    expect(rateBblHr).toBeGreaterThan(-70);
    const spp = beforeAfter(r, (v) => v.sppPsi);
    expect(spp.during - spp.before).toBeLessThan(-100);
    expect(spp.during - spp.before).toBeGreaterThan(-320);
  });

  it('pack-off: torque +30 % or more, SPP +200 psi or more, ROP down', () => {
    const r = run('pack-off');
    const tq = beforeAfter(r, (v) => v.torqueKftLbf);
    expect(tq.during / tq.before).toBeGreaterThan(1.3);
    const spp = beforeAfter(r, (v) => v.sppPsi);
    expect(spp.during - spp.before).toBeGreaterThan(200);
    const rop = beforeAfter(r, (v) => v.ropFtHr);
    expect(rop.during).toBeLessThan(rop.before * 0.8);
  });

  it('stick-slip: torque CV above 0.2 in the fault, below 0.08 before; ROP down 10-30 %', () => {
    const r = run('stick-slip');
    const f = r.faults[0];
    expect(cv(series(r, f.onsetS + 300, f.onsetS + 360, (v) => v.torqueKftLbf))).toBeGreaterThan(0.2);
    expect(cv(series(r, f.onsetS - 120, f.onsetS - 60, (v) => v.torqueKftLbf))).toBeLessThan(0.08);
    const rop = beforeAfter(r, (v) => v.ropFtHr);
    expect(rop.during / rop.before).toBeGreaterThan(0.65);
    expect(rop.during / rop.before).toBeLessThan(0.92);
  });

  it('founder: WOB steps up ~2 %/packet while ROP does not rise', () => {
    const r = run('founder');
    const f = r.faults[0];
    const wob = series(r, f.onsetS - 1, f.onsetS + 30, (v) => v.wobKlbf);
    const rop = series(r, f.onsetS - 1, f.onsetS + 30, (v) => v.ropFtHr);
    expect(wob[wob.length - 1] / wob[0]).toBeGreaterThan(1.4);
    expect(mean(rop.slice(-5))).toBeLessThanOrEqual(mean(rop.slice(0, 5)));
    const ba = beforeAfter(r, (v) => v.ropFtHr);
    expect(ba.during).toBeLessThan(ba.before);
  });

  it('washout: SPP falls 150-400 psi at constant flow and SPM with steady WOB', () => {
    const r = run('washout');
    const spp = beforeAfter(r, (v) => v.sppPsi);
    expect(spp.during - spp.before).toBeLessThan(-150);
    expect(spp.during - spp.before).toBeGreaterThan(-420);
    const q = beforeAfter(r, (v) => v.flowInGpm);
    expect(Math.abs(q.during - q.before)).toBeLessThan(2);
    const spm = beforeAfter(r, (v) => v.pumpSpm);
    expect(Math.abs(spm.during - spm.before)).toBeLessThan(1);
    const wob = beforeAfter(r, (v) => v.wobKlbf);
    expect(Math.abs(wob.during / wob.before - 1)).toBeLessThan(0.05);
  });

  it('mse-inefficiency: ROP drops, WOB and torque rise, MSE up 3x, efficiency under 50 %', () => {
    const r = run('mse-inefficiency');
    const mse = beforeAfter(r, tealeMsePsi);
    expect(mse.during / mse.before).toBeGreaterThan(3);
    expect(beforeAfter(r, mseEfficiencyPct).during).toBeLessThan(50);
    expect(beforeAfter(r, mseEfficiencyPct).before).toBeGreaterThan(70);
    const rop = beforeAfter(r, (v) => v.ropFtHr);
    expect(rop.during).toBeLessThan(rop.before * 0.5);
    expect(beforeAfter(r, (v) => v.wobKlbf).during).toBeGreaterThan(beforeAfter(r, (v) => v.wobKlbf).before * 1.1);
    expect(beforeAfter(r, (v) => v.torqueKftLbf).during).toBeGreaterThan(beforeAfter(r, (v) => v.torqueKftLbf).before * 1.5);
  });

  it('formation-change: ROP ~50 -> ~15, torque +20 %, WOB steady, d-exponent and MSE up', () => {
    const r = run('formation-change');
    const rop = beforeAfter(r, (v) => v.ropFtHr);
    expect(rop.during / rop.before).toBeLessThan(0.4);
    const tq = beforeAfter(r, (v) => v.torqueKftLbf);
    expect(tq.during / tq.before).toBeGreaterThan(1.18);
    const wob = beforeAfter(r, (v) => v.wobKlbf);
    expect(Math.abs(wob.during / wob.before - 1)).toBeLessThan(0.05);
    const d = beforeAfter(r, dExponent);
    expect(d.during - d.before).toBeGreaterThan(0.2);
    expect(beforeAfter(r, tealeMsePsi).during).toBeGreaterThan(beforeAfter(r, tealeMsePsi).before * 2);
  });

  it('milling (P&A): torque in the upper half of 13-26 kft-lbf, ROP 1-5 ft/hr, flowing and rotating', () => {
    const r = run('milling');
    const f = r.faults[0];
    const win = (pick: Parameters<typeof series>[3]): number => mean(series(r, f.onsetS + 180, f.endS - 120, pick));
    expect(createSimulation({ scenario: 'milling', seed: 1, durationS: 10 }).campaign).toBe('plug_abandonment');
    expect(win((v) => v.torqueKftLbf)).toBeGreaterThan(19.5);
    expect(win((v) => v.torqueKftLbf)).toBeLessThan(26);
    expect(win((v) => v.ropFtHr)).toBeGreaterThan(1);
    expect(win((v) => v.ropFtHr)).toBeLessThan(5);
    expect(win((v) => v.flowInGpm)).toBeGreaterThan(50);
    expect(win((v) => v.rpm)).toBeGreaterThan(10);
    // Before the operation: circulating off bottom, nothing that looks like milling.
    expect(mean(series(r, f.onsetS - 300, f.onsetS, (v) => v.torqueKftLbf))).toBeLessThan(5);
  });

  it('cement-drill-out (P&A): WOB 23.5-31 klbf, torque 14.5-18 kft-lbf, ROP 11.5-16 ft/hr', () => {
    const r = run('cement-drill-out');
    const f = r.faults[0];
    const win = (pick: Parameters<typeof series>[3]): number => mean(series(r, f.onsetS + 180, f.endS - 120, pick));
    expect(win((v) => v.wobKlbf)).toBeGreaterThan(23.5);
    expect(win((v) => v.wobKlbf)).toBeLessThan(31);
    expect(win((v) => v.torqueKftLbf)).toBeGreaterThan(14.5);
    expect(win((v) => v.torqueKftLbf)).toBeLessThan(18);
    expect(win((v) => v.ropFtHr)).toBeGreaterThan(11.5);
    expect(win((v) => v.ropFtHr)).toBeLessThan(16);
  });

  it('sensor-dropout: the listed channels are absent inside each stretch and back after it', () => {
    const r = run('sensor-dropout');
    expect(r.faults.length).toBeGreaterThanOrEqual(3);
    for (const f of r.faults) {
      expect(f.category).toBe('sensor-dropout');
      for (const c of f.channels!) {
        expect(r.samples[f.onsetS].values[c as 'sppPsi']).toBeNull();
        expect(r.samples[f.endS - 1].values[c as 'sppPsi']).toBeNull();
        expect(r.samples[f.endS].values[c as 'sppPsi']).not.toBeNull();
        expect(r.samples[f.onsetS - 1].values[c as 'sppPsi']).not.toBeNull();
      }
    }
  });

  it('mixed: several non-overlapping faults with normal drilling between them', () => {
    const r = generate({ scenario: 'mixed', seed: 5 });
    expect(r.faults.length).toBeGreaterThanOrEqual(6);
    expect(new Set(r.faults.map((f) => f.category)).size).toBe(r.faults.length);
    for (let i = 1; i < r.faults.length; i++) {
      expect(r.faults[i].onsetS - r.faults[i - 1].endS).toBeGreaterThanOrEqual(15 * 60);
    }
    for (const f of r.faults) expect(drilling(r.samples[f.onsetS].values)).toBe(true);
    // Connections still happen between faults (pumps off), never inside one.
    const pumpsOff = r.samples.map((s, i) => ((s.values.flowInGpm ?? 0) < 1 ? i : -1)).filter((i) => i >= 0);
    expect(pumpsOff.length).toBeGreaterThan(0);
    for (const f of r.faults) expect(pumpsOff.some((i) => i >= f.onsetS && i <= f.endS)).toBe(false);
  });
});

describe('determinism', () => {
  it('same seed gives identical output, a different seed different output', () => {
    const a = [...createSimulation({ scenario: 'kick', seed: 42, durationS: 1500 })];
    const b = [...createSimulation({ scenario: 'kick', seed: 42, durationS: 1500 })];
    const c = [...createSimulation({ scenario: 'kick', seed: 43, durationS: 1500 })];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    const ga = createSimulation({ scenario: 'mixed', seed: 42 }).groundTruth();
    expect(ga).toEqual(createSimulation({ scenario: 'mixed', seed: 42 }).groundTruth());
  });

  it('garbage drills exactly like normal (its junk lives only on the wire)', () => {
    const n = [...createSimulation({ scenario: 'normal', seed: 3, durationS: 600 })];
    const g = [...createSimulation({ scenario: 'garbage', seed: 3, durationS: 600 })];
    expect(g).toEqual(n);
  });
});
