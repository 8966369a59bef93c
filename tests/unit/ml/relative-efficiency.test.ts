import { describe, expect, it } from 'vitest';
import {
  percentile,
  relativeEfficiencies,
  relativeEfficiencyPercent,
  windowedRelativeEfficiencies,
} from '../../../src-main/ml/relative-efficiency.js';

describe('relative MSE efficiency', () => {
  it('interpolates percentiles and ignores non-finite values', () => {
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(percentile([50, 10, 40, 20, 30, NaN], 0.1)).toBeCloseTo(14, 12);
    expect(percentile([], 0.1)).toBeNull();
  });

  it('is reference / MSE x 100, capped at 100, null without a usable value', () => {
    expect(relativeEfficiencyPercent(40_000, 30_000)).toBe(75);
    expect(relativeEfficiencyPercent(20_000, 30_000)).toBe(100);
    expect(relativeEfficiencyPercent(null, 30_000)).toBeNull();
    expect(relativeEfficiencyPercent(0, 30_000)).toBeNull();
    expect(relativeEfficiencyPercent(30_000, null)).toBeNull();
  });

  it('judges real surface-torque MSE (median ~239 kpsi) as efficient drilling, not as 10 %', () => {
    // A Volve-like spread: the absolute model (5-85 kpsi optimum) would call every one of these poor.
    const mses = [200_000, 215_000, 230_000, 239_000, 245_000, 260_000, 280_000, 300_000, 480_000, 250_000];
    const { referenceMsePsi, efficiencyPercent } = relativeEfficiencies(mses);
    expect(referenceMsePsi).toBeCloseTo(213_500, 0);
    expect(efficiencyPercent[3]).toBeGreaterThan(85);
    expect(efficiencyPercent[0]).toBe(100);
    // The one sample drilling at twice the formation's best energy is the poor one.
    expect(efficiencyPercent[8]).toBeLessThan(50);
  });

  it('windowed: each block is judged against its own neighbourhood, not the softest rock of the window', () => {
    const times = Array.from({ length: 240 }, (_, i) => i * 60_000); // 4 h, one per minute
    // Soft rock (30 kpsi) for 2 h, then hard rock (90 kpsi): a global reference would put all hard samples at 33 %.
    const mses = times.map((_, i) => (i < 120 ? 30_000 : 90_000) * (1 + 0.01 * (i % 5)));
    const eff = windowedRelativeEfficiencies(times, mses, 20 * 60_000);
    const global = relativeEfficiencies(mses).efficiencyPercent;
    expect(global[200]).toBeLessThan(40);
    expect(eff[200]).toBeGreaterThan(90);
    expect(eff[10]).toBeGreaterThan(90);
    expect(windowedRelativeEfficiencies([], [], 1000)).toEqual([]);
  });
});
