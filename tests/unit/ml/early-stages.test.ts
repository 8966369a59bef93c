// Collection, quality filter and dysfunction filter.
import { describe, expect, it } from 'vitest';
import { collectWindow, drillingCount, drillingCountOf, MlSampleRing } from '../../../src-main/ml/collect.js';
import { unpackSamples } from '../../../src-main/ml/columns.js';
import { dysfunctionFilter, dysfunctionWindows, windowDysfunction } from '../../../src-main/ml/dysfunction-filter.js';
import { passesQuality, qualityFilter } from '../../../src-main/ml/quality-filter.js';
import { T0, run, sample } from './fixtures.js';

describe('data collection', () => {
  const all = run(10_000);
  it('keeps the window (end - 2 h, end], newest 7200 at most, in time order', () => {
    const end = T0 + 9_999_000;
    const w = collectWindow(all, end, 7200);
    expect(w).toHaveLength(7200);
    expect(w[0].timeMs).toBe(end - 7_199_000);
    expect(w[w.length - 1].timeMs).toBe(end);
    expect(collectWindow(all, T0 + 99_000, 7200)).toHaveLength(100);
    expect(collectWindow(all, T0 + 9_999_000, 60)).toHaveLength(60);
    expect(collectWindow(all, T0 + 9_999_000, 7200, 500)).toHaveLength(500);
    expect(collectWindow([], T0, 7200)).toEqual([]);
  });

  it('ignores samples after the trigger time', () => {
    const w = collectWindow(all, T0 + 5_000_000, 7200);
    expect(w[w.length - 1].timeMs).toBe(T0 + 5_000_000);
  });

  it('the ring keeps the newest packets as columns and cuts the same window, across its wrap', () => {
    const ring = new MlSampleRing(1000);
    expect(ring.lastTimeMs).toBeNull();
    const xs = run(2500, (i) => ({ rigState: i % 10 === 0 ? 'Connection' : 'Drilling', sppDeltaPsi: i % 7 ? 3 : null }));
    for (const x of xs) ring.push(x);
    expect(ring.size).toBe(1000);
    expect(ring.lastTimeMs).toBe(T0 + 2_499_000);
    const w = ring.window(T0 + 2_499_000, 7200);
    expect(unpackSamples(w)).toEqual(xs.slice(1500));
    expect(unpackSamples(ring.window(T0 + 2_000_000, 120))).toEqual(collectWindow(xs, T0 + 2_000_000, 120));
    expect(drillingCountOf(w)).toBe(900);
    expect(ring.window(T0, 7200).n).toBe(0);
  });

  it('counts drilling and reaming packets only', () => {
    expect(drillingCount([sample(), sample({ rigState: 'Reaming' }), sample({ rigState: 'Connection' })])).toBe(2);
  });
});

describe('quality filter (DOMAIN §10.1)', () => {
  it.each([
    ['not drilling', { rigState: 'Circulating' as const }],
    ['WOB under 5 klbf', { wobKlbf: 4.9 }],
    ['RPM under 40', { rpm: 39 }],
    ['MSE under 1 kpsi', { msePsi: 900 }],
    ['MSE over 500 kpsi', { msePsi: 500_001 }],
    ['ROP under 1 ft/hr', { ropFtHr: 0.5 }],
    ['ROP over 500 ft/hr', { ropFtHr: 501 }],
    ['a missing WOB', { wobKlbf: null }],
    ['a missing MSE', { msePsi: null }],
  ])('rejects %s', (_name, over) => {
    expect(passesQuality(sample(over))).toBe(false);
  });

  it('keeps steady drilling and reaming at the limits', () => {
    expect(passesQuality(sample())).toBe(true);
    expect(passesQuality(sample({ rigState: 'Reaming', wobKlbf: 5, rpm: 40, msePsi: 1000, ropFtHr: 1 }))).toBe(true);
    expect(qualityFilter([sample(), sample({ rpm: 10 })])).toHaveLength(1);
  });
});

describe('dysfunction filter (DOMAIN §10.2)', () => {
  it('cuts windows of 10 consecutive samples and restarts after a gap', () => {
    const s = [...run(25), ...run(5, () => ({}), T0 + 600_000)];
    expect(dysfunctionWindows(s)).toEqual([[0, 10], [10, 20], [20, 25], [25, 30]]);
  });

  it('names stick-slip, pack-off and founder windows and passes steady drilling', () => {
    expect(windowDysfunction(run(10))).toBeNull();
    expect(windowDysfunction(run(10, (i) => ({ torqueKftLbf: i % 2 ? 13 : 7 })))).toBe('stickSlip');
    expect(windowDysfunction(run(10, () => ({ torqueDeltaFraction: 0.12, sppDeltaPsi: 80 })))).toBe('packOff');
    // SPP alone 100 psi over its baseline: 0.4 x 0.5 = 0.2 > 0.15.
    expect(windowDysfunction(run(10, () => ({ sppDeltaPsi: 100 })))).toBe('packOff');
    // WOB +4 %/sample with ROP flat.
    expect(windowDysfunction(run(10, (i) => ({ wobKlbf: 20 * (1 + 0.04 * i), ropFtHr: 50 })))).toBe('founder');
    // WOB rising with ROP following: not founder.
    expect(windowDysfunction(run(10, (i) => ({ wobKlbf: 20 * (1 + 0.04 * i), ropFtHr: 40 * (1 + 0.05 * i) })))).toBeNull();
    // Fewer than 10 samples always pass.
    expect(windowDysfunction(run(9, (i) => ({ torqueKftLbf: i % 2 ? 13 : 7 })))).toBeNull();
  });

  it('removes whole windows, flagged samples and poor-efficiency samples, and counts each reason', () => {
    const s = run(100, (i) => ({
      torqueKftLbf: i >= 10 && i < 20 ? (i % 2 ? 13 : 7) : 10,
      anomalous: i === 50 || i === 51,
      msePsi: i === 70 ? 90_000 : 30_000,
    }));
    const r = dysfunctionFilter(s);
    expect(r.breakdown).toEqual({ stickSlip: 10, packOff: 0, founder: 0, poorEfficiency: 1, anomalyFlag: 2 });
    expect(r.kept).toHaveLength(87);
    expect(r.stability).toBeCloseTo(0.87, 12);
    expect(r.kept.some((k) => k.anomalous || k.msePsi === 90_000)).toBe(false);
  });
});
