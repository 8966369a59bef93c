import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { EmaBaseline, ShortWindow } from '../../../src-main/physics/ema.js';
import { correctedDExponent, dExponent } from '../../../src-main/physics/d-exponent.js';
import { ecdMarginPpg, ecdPpg } from '../../../src-main/physics/ecd.js';
import { flowBalanceGpm, PitTrend } from '../../../src-main/physics/flow.js';
import { hardnessIndex, mseTealePsi } from '../../../src-main/physics/mse.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';

describe('MSE (Teale, torque x1000)', () => {
  it('matches the DOMAIN check value', () => {
    expect(mseTealePsi(20, 3, 120, 80, 8.5)).toBeCloseTo(30249, -1);
  });
  it('is null for missing inputs or no penetration', () => {
    expect(mseTealePsi(null, 3, 120, 80, 8.5)).toBeNull();
    expect(mseTealePsi(20, 3, 120, 0, 8.5)).toBeNull();
    expect(mseTealePsi(20, 3, 120, 80, 0)).toBeNull();
  });
  it('drops the rotary term below min ROP', () => {
    expect(mseTealePsi(20, 3, 120, 0.05, 8.5)).toBeCloseTo((4 * 20000) / (Math.PI * 72.25), 3);
  });
});

describe('optimal MSE and efficiency', () => {
  it('hardness from drillability', () => {
    // drillability = 50/(0.01·25·120) = 1.667 → hardness 3
    expect(hardnessIndex(50, 25, 120)).toBeCloseTo(3, 6);
    expect(hardnessIndex(0, 25, 120)).toBe(5);
    expect(hardnessIndex(null, 25, 120)).toBeNull();
  });
});

describe('d-exponent', () => {
  it('matches the DOMAIN check value 1.49', () => {
    expect(dExponent(50, 120, 25, 8.5)).toBeCloseTo(1.486, 2);
  });
  it('dxc corrects for mud weight; without MW it is d', () => {
    const d = dExponent(50, 120, 25, 8.5) as number;
    expect(correctedDExponent(d, 8.6, 12)).toBeCloseTo((d * 8.6) / 12, 9);
    expect(correctedDExponent(d, 8.6, null)).toBe(d);
  });
  it('is null for non-positive or missing inputs', () => {
    expect(dExponent(0, 120, 25, 8.5)).toBeNull();
    expect(dExponent(50, null, 25, 8.5)).toBeNull();
  });
});

describe('ECD and margin', () => {
  it('uses the rig ECD when sent', () => {
    expect(ecdPpg(12.3, 12, 500, 10000)).toBe(12.3);
  });
  it('computes MW + APL/(0.052·TVD) otherwise', () => {
    // APL = 0.1·500·10000/1000 = 500 psi → +0.9615 ppg
    expect(ecdPpg(null, 12, 500, 10000)).toBeCloseTo(12 + 500 / 520, 6);
    expect(ecdPpg(null, null, 500, 10000)).toBeNull();
    expect(ecdPpg(null, 12, null, 10000)).toBeNull();
  });
  it('margin = FG − ECD, null when unknown', () => {
    expect(ecdMarginPpg(14, 12.3)).toBeCloseTo(1.7, 9);
    expect(ecdMarginPpg(null, 12.3)).toBeNull();
  });
});

describe('flow balance and pit trend', () => {
  it('flow balance needs both sensors', () => {
    expect(flowBalanceGpm(500, 540)).toBe(40);
    expect(flowBalanceGpm(500, null)).toBeNull();
    expect(flowBalanceGpm(null, 500)).toBeNull();
  });
  it('pit rate is the least-squares slope in bbl/hr; gain vs window start', () => {
    const p = new PitTrend(90, 20, 5);
    for (let s = 0; s <= 60; s++) p.push(s * 1000, 500 + (s * 36) / 3600); // 36 bbl/hr
    const r = p.compute();
    expect(r).not.toBeNull();
    expect(r!.rateBblHr).toBeCloseTo(36, 6);
    expect(r!.gainBbl).toBeCloseTo(0.6, 6);
  });
  it('drops samples older than the window and says null with too little data', () => {
    const p = new PitTrend(90, 20, 5);
    for (let s = 0; s < 10; s++) p.push(s * 1000, 500);
    expect(p.compute()).toBeNull(); // 9 s span < 20 s
    for (let s = 10; s <= 300; s++) p.push(s * 1000, 500);
    expect(p.samples).toBe(91);
    expect(p.compute()!.rateBblHr).toBe(0);
  });
});

describe('EMA baseline', () => {
  it('seeds with the first value, α 0.5 early then slower', () => {
    const b = new EmaBaseline();
    b.update(10);
    expect(b.current).toBe(10);
    b.update(20);
    expect(b.current).toBe(15);
    expect(b.ready).toBe(false);
  });
  it('holds near the pre-fault level while deviating', () => {
    const held = new EmaBaseline();
    const free = new EmaBaseline();
    for (let i = 0; i < 100; i++) {
      held.update(100);
      free.update(100);
    }
    for (let i = 0; i < 60; i++) {
      held.update(130, true);
      free.update(130, false);
    }
    expect(held.current!).toBeLessThan(106);
    expect(free.current!).toBeGreaterThan(held.current! + 5);
  });
  it('short window averages the last k values', () => {
    const w = new ShortWindow(3);
    for (const x of [1, 2, 3, 4]) w.push(x);
    expect(w.mean).toBe(3);
    expect(w.n).toBe(3);
  });
});

describe('thresholdsFor', () => {
  it('applies the P&A campaign overrides', () => {
    const cfg = defaultConfig();
    const prod = thresholdsFor(cfg, 'production');
    const pa = thresholdsFor(cfg, 'plug_abandonment');
    expect(prod.flowImbalanceWarningGpm).toBe(10);
    expect(pa.flowImbalanceWarningGpm).toBe(5);
    expect(pa.flowImbalanceCriticalGpm).toBe(15);
    expect(pa.mseEfficiencyWarningPercent).toBe(50);
    expect(pa.mseEfficiencyPoorPercent).toBe(30);
    expect(pa.sppDeviationWarningPsi).toBe(prod.sppDeviationWarningPsi);
    // plain object: a baseline override spreads over it
    expect({ ...prod, sppDeviationWarningPsi: 42 }.sppDeviationWarningPsi).toBe(42);
  });
});
