// The whole run over one window: success with ranges, each DOMAIN failure code, confidence.
import { describe, expect, it } from 'vitest';
import type { MlSample } from '../../../src-shared/ml.js';
import { analyzeWindow, rollingTorqueCv, type MlRunContext } from '../../../src-main/ml/analyze.js';
import { confidenceFor, rangeOf } from '../../../src-main/ml/report.js';
import { T0, run, wiggle } from './fixtures.js';

const ctx: MlRunContext = { timeMs: T0 + 7_200_000, trigger: 'schedule', campaign: 'production', wellId: 'W-1', field: 'Volve' };

/** Set points held 150 s each, ROP peaking at 28 klbf / 140 rpm; MSE follows energy per foot. */
function stepTest(n: number): MlSample[] {
  const wobs = [20, 24, 28, 32];
  const rpms = [100, 120, 140, 160];
  return run(n, (i) => {
    const k = Math.floor(i / 150);
    const wob = wobs[k % 4] + 0.3 * wiggle(i);
    const rpm = rpms[Math.floor(k / 4) % 4] + 1.5 * wiggle(i + 1);
    const rop = 60 * (1 - ((wob - 28) / 28) ** 2 * 3) * (1 - ((rpm - 140) / 140) ** 2 * 2) * (1 + 0.02 * wiggle(i + 2));
    const torque = 4 + 0.2 * wob;
    return { wobKlbf: wob, rpm, ropFtHr: rop, torqueKftLbf: torque, msePsi: (480 * rpm * torque * 1000) / (8.5 * 8.5 * rop) + (4 * wob * 1000) / (Math.PI * 72.25), depthFt: 10_000 + i / 60 };
  });
}

describe('analyzeWindow', () => {
  it('recommends the best set point with its safe range, expected ROP and MSE, counts and depth range', () => {
    const r = analyzeWindow(stepTest(2400), ctx);
    expect(r.result.status).toBe('success');
    if (r.result.status !== 'success') return;
    const o = r.result.optimum;
    expect(o.wobKlbf.best).toBeCloseTo(28, 0);
    expect(o.rpm.best).toBeGreaterThan(135);
    expect(o.rpm.best).toBeLessThan(145);
    expect(o.wobKlbf.min).toBeLessThanOrEqual(o.wobKlbf.best);
    expect(o.wobKlbf.max).toBeGreaterThanOrEqual(o.wobKlbf.best);
    expect(o.flowGpm?.best).toBe(550);
    expect(o.expectedRopFtHr).toBeGreaterThan(58);
    expect(o.expectedMsePsi).toBeGreaterThan(0);
    expect(o.method).toBe('grid');
    expect(o.binsEvaluated).toBeGreaterThanOrEqual(16);
    expect(r.counts).toEqual({ collected: 2400, quality: 2400, stable: 2400, segment: 2400 });
    expect(r.result.confidence).toBe('High');
    expect(r.result.correlations.length).toBeGreaterThan(0);
    expect(r.result.summary).toContain('WOB 28');
    expect(r.segment?.label).toBeDefined();
    expect(r.depthRange?.fromFt).toBeCloseTo(10_000, 0);
    expect(r.depthRange?.toFt).toBeCloseTo(10_040, 0);
    expect(r).toMatchObject({ timeMs: ctx.timeMs, trigger: 'schedule', campaign: 'production', wellId: 'W-1', field: 'Volve' });
  });

  it('is deterministic: the same window gives the same report and id', () => {
    const a = analyzeWindow(stepTest(2400), ctx);
    const b = analyzeWindow(stepTest(2400), ctx);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.id).toMatch(/^ML-[0-9a-f]{8}$/);
    expect(analyzeWindow(stepTest(2400), { ...ctx, trigger: 'manual' }).id).not.toBe(a.id);
  });

  it('AllDataRejected when nothing passes the quality filter', () => {
    const r = analyzeWindow(run(1000, () => ({ rigState: 'Circulating' })), ctx);
    expect(r.result).toMatchObject({ status: 'failure', reason: 'AllDataRejected' });
    expect(r.counts).toMatchObject({ collected: 1000, quality: 0 });
  });

  it('InsufficientData under 360 quality samples', () => {
    const r = analyzeWindow(run(1000, (i) => (i < 300 ? {} : { rpm: 10 })), ctx);
    expect(r.result).toMatchObject({ status: 'failure', reason: 'InsufficientData' });
    if (r.result.status === 'failure') expect(r.result.detail).toContain('300');
  });

  it('AllDataRejected with the breakdown when dysfunction leaves under 360', () => {
    const r = analyzeWindow(run(1000, (i) => ({ torqueKftLbf: i % 2 ? 13 : 7 })), ctx);
    expect(r.result).toMatchObject({ status: 'failure', reason: 'AllDataRejected' });
    expect(r.dysfunction.stickSlip).toBe(1000);
    if (r.result.status === 'failure') expect(r.result.detail).toContain('stick-slip 1000');
  });

  it('UnstableFormation when the rock keeps changing and no segment reaches 360', () => {
    const r = analyzeWindow(run(1500, (i) => ({ dExponent: Math.floor(i / 300) % 2 ? 1.9 : 1.2 })), ctx);
    expect(r.segmentsFound).toBe(5);
    expect(r.result).toMatchObject({ status: 'failure', reason: 'UnstableFormation' });
  });

  it('too little WOB/RPM spread: the segment medians, composite 0.5', () => {
    const r = analyzeWindow(run(1000), ctx);
    expect(r.result.status).toBe('success');
    if (r.result.status === 'success') {
      expect(r.result.optimum).toMatchObject({ method: 'medians', compositeScore: 0.5, stabilityScore: 1, binSamples: 1000 });
      expect(r.result.optimum.wobKlbf.best).toBe(25);
    }
  });

  it('production never recommends a set point slower than the segment median ROP; P&A may, for energy', () => {
    // A: 100 rpm, 40 ft/hr, the formation's best MSE. B: 200 rpm, 44 ft/hr at 1.67x the energy.
    const s = run(1200, (i) =>
      i < 600
        ? { wobKlbf: 18 + 0.1 * wiggle(i), rpm: 100, ropFtHr: 40 * (1 + 0.01 * wiggle(i)), msePsi: 30_000 * (1 + 0.01 * wiggle(i + 5)) }
        : { wobKlbf: 22 + 0.1 * wiggle(i), rpm: 200, ropFtHr: 44 * (1 + 0.01 * wiggle(i)), msePsi: 50_000 * (1 + 0.01 * wiggle(i + 5)) },
    );
    const prod = analyzeWindow(s, ctx);
    const pa = analyzeWindow(s, { ...ctx, campaign: 'plug_abandonment' });
    if (prod.result.status !== 'success' || pa.result.status !== 'success') throw new Error('expected optima');
    expect(prod.result.optimum.rpm.best).toBe(200);
    expect(pa.result.optimum.rpm.best).toBe(100);
    // The slow bin is scored higher under production weights, but is not eligible.
    const slow = prod.result.grid.cells.find((c) => c.medianRopFtHr < 42);
    expect(slow?.eligible).toBe(false);
    expect(slow?.score).toBeGreaterThan(prod.result.optimum.compositeScore);
  });

  it('analyses the largest segment when the rock changed once', () => {
    const s = stepTest(2400).map((x, i) => ({ ...x, dExponent: i < 500 ? 1.1 : 1.7 }));
    const r = analyzeWindow(s, ctx);
    expect(r.segmentsFound).toBe(2);
    expect(r.segment).toMatchObject({ index: 1, samples: 1900, label: 'Hard Sandstone' });
    expect(r.counts.segment).toBe(1900);
  });
});

describe('report pieces', () => {
  it('confidence by sample count; no significant correlation caps High at Medium', () => {
    expect(confidenceFor(1800, true)).toBe('High');
    expect(confidenceFor(1800, false)).toBe('Medium');
    expect(confidenceFor(900, true)).toBe('Medium');
    expect(confidenceFor(360, true)).toBe('Low');
    expect(confidenceFor(359, true)).toBeNull();
  });

  it('range = median with min and max, skipping missing values', () => {
    expect(rangeOf([3, null, 1, 2])).toEqual({ best: 2, min: 1, max: 3 });
    expect(rangeOf([null])).toBeNull();
  });

  it('rolling torque CV needs 5 values and follows a cycling torque', () => {
    const cv = rollingTorqueCv(run(20, (i) => ({ torqueKftLbf: i < 10 ? 10 : i % 2 ? 13 : 7 })));
    expect(cv[3]).toBeNull();
    expect(cv[9]).toBeCloseTo(0, 12);
    expect(cv[19]).toBeCloseTo(0.3, 12);
  });
});
