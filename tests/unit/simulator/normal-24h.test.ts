// 24 h of the normal scenario must not look like any fault (issue 3 runs its detectors on it).
import { describe, expect, it } from 'vitest';
import { FORMATIONS } from '../../../src-main/simulator/formations.js';
import { cv, drilling, generate, mean, mseEfficiencyPct, slope, type Run } from './helpers.js';

const HOLE_BBL_PER_FT = (8.5 * 8.5) / 1029.4;

describe('normal scenario, 24 h', () => {
  let run: Run;
  const get = (): Run => (run ??= generate({ scenario: 'normal', seed: 7, durationS: 24 * 3600 }));

  it('drills with connections, circulation, a short trip and formation changes', () => {
    const r = get();
    expect(r.samples).toHaveLength(86400);
    const first = r.samples[0].values;
    const last = r.samples[86399].values;
    expect(first.holeDepthFt!).toBeGreaterThan(9990);
    expect(first.holeDepthFt!).toBeLessThan(10030);
    expect(last.holeDepthFt! - first.holeDepthFt!).toBeGreaterThan(500);
    // Connections: pumps-off stretches, each a couple of minutes.
    const offStretches: number[] = [];
    let len = 0;
    for (const s of r.samples) {
      if ((s.values.flowInGpm ?? 0) < 1) len++;
      else if (len > 0) {
        offStretches.push(len);
        len = 0;
      }
    }
    expect(offStretches.length).toBeGreaterThanOrEqual(6);
    expect(offStretches.filter((x) => x >= 90 && x <= 240).length).toBeGreaterThanOrEqual(5);
    // Flow in and flow out both reach 0 at connections.
    expect(r.samples.some((s) => s.values.flowInGpm === 0 && s.values.flowOutGpm === 0)).toBe(true);
    // A short trip: bit well above bottom with pumps off.
    expect(r.samples.some((s) => s.values.holeDepthFt! - s.values.bitDepthFt! > 200)).toBe(true);
    // Circulating off bottom with rotation for many minutes at least once.
    let circ = 0;
    let maxCirc = 0;
    for (const s of r.samples) {
      const v = s.values;
      circ = (v.flowInGpm ?? 0) > 500 && (v.rpm ?? 0) > 20 && (v.wobKlbf ?? 0) < 1 ? circ + 1 : 0;
      maxCirc = Math.max(maxCirc, circ);
    }
    expect(maxCirc).toBeGreaterThan(15 * 60);
    // d-exponent shifts with the rock: hourly ROP/WOB varies by formation.
    const hourly = Array.from({ length: 24 }, (_, h) =>
      mean(r.samples.slice(h * 3600, (h + 1) * 3600).filter((s) => drilling(s.values)).map((s) => s.values.ropFtHr!)),
    ).filter(Number.isFinite);
    expect(Math.max(...hourly) / Math.min(...hourly)).toBeGreaterThan(1.3);
  });

  it('no flow imbalance beyond 5 gpm while the pumps are steady', () => {
    const r = get();
    let worst = 0;
    for (let i = 60; i < r.samples.length; i++) {
      const q = r.samples[i].values.flowInGpm ?? 0;
      const q60 = r.samples[i - 60].values.flowInGpm ?? 0;
      if (q < 400 || Math.abs(q - q60) > 5) continue;
      let steady = true;
      for (let k = i - 60; k < i && steady; k++) steady = (r.samples[k].values.flowInGpm ?? 0) > 400;
      if (!steady) continue;
      worst = Math.max(worst, Math.abs(r.samples[i].values.flowOutGpm! - q));
    }
    expect(worst).toBeLessThanOrEqual(5);
    expect(worst).toBeGreaterThan(0.5); // there is sensor noise
  });

  it('pit volume moves only by the hole volume drilled', () => {
    const r = get();
    for (let i = 0; i + 600 < r.samples.length; i += 300) {
      const a = r.samples[i].values;
      const b = r.samples[i + 600].values;
      const expected = -HOLE_BBL_PER_FT * (b.holeDepthFt! - a.holeDepthFt!);
      expect(Math.abs(b.pitVolumeBbl! - a.pitVolumeBbl! - expected)).toBeLessThan(0.3);
    }
  });

  it('no SPP step over 100 psi while drilling at steady flow', () => {
    const r = get();
    let worst = 0;
    for (let i = 60; i < r.samples.length; i++) {
      const a = r.samples[i - 60].values;
      const b = r.samples[i].values;
      if (!drilling(a) || !drilling(b) || Math.abs(a.flowInGpm! - b.flowInGpm!) > 5) continue;
      worst = Math.max(worst, Math.abs(b.sppPsi! - a.sppPsi!), Math.abs(b.sppPsi! - r.samples[i - 1].values.sppPsi!));
    }
    expect(worst).toBeLessThan(100);
  });

  it('torque CV stays under 0.08 in every 60 s drilling window', () => {
    const r = get();
    let worst = 0;
    for (let i = 0; i + 60 <= r.samples.length; i += 10) {
      const w = r.samples.slice(i, i + 60).map((s) => s.values);
      if (!w.every(drilling)) continue;
      worst = Math.max(worst, cv(w.map((v) => v.torqueKftLbf!)));
    }
    expect(worst).toBeGreaterThan(0.005);
    expect(worst).toBeLessThan(0.08);
  });

  it('no WOB ramp with falling ROP (founder trend never met)', () => {
    const r = get();
    let hits = 0;
    for (let i = 0; i + 10 <= r.samples.length; i += 2) {
      const w = r.samples.slice(i, i + 10).map((s) => s.values);
      if (!w.every(drilling)) continue;
      const wob = w.map((v) => v.wobKlbf!);
      const rop = w.map((v) => v.ropFtHr!);
      if (slope(wob) / mean(wob) > 0.02 && slope(rop) / mean(rop) < 0.01) hits++;
    }
    expect(hits).toBe(0);
  });

  it('drilling efficiency stays healthy and gas stays at background', () => {
    const r = get();
    const eff = r.samples.filter((s) => drilling(s.values)).map((s) => mseEfficiencyPct(s.values));
    eff.sort((a, b) => a - b);
    expect(eff[Math.floor(eff.length * 0.05)]).toBeGreaterThan(70);
    expect(Math.max(...r.samples.map((s) => s.values.gasUnits ?? 0))).toBeLessThan(80);
    expect(Math.max(...r.samples.map((s) => s.values.casingPressurePsi ?? 0))).toBe(0);
  });
});

describe('drillability table', () => {
  it('each formation has its highest ROP at its published optimal WOB and RPM', async () => {
    const { modelRopFtHr } = await import('../../../src-main/simulator/formations.js');
    for (const f of FORMATIONS) {
      const best = modelRopFtHr(f, f.optimalWobKlbf, f.optimalRpm);
      expect(best).toBeCloseTo(f.ropMaxFtHr, 6);
      for (let w = 2; w <= 60; w += 1) {
        for (let n = 20; n <= 250; n += 10) expect(modelRopFtHr(f, w, n)).toBeLessThanOrEqual(best + 1e-9);
      }
      // Past the founder point more WOB gives less ROP.
      expect(modelRopFtHr(f, f.optimalWobKlbf * 1.3, f.optimalRpm)).toBeLessThan(best * 0.95);
    }
  });
});
