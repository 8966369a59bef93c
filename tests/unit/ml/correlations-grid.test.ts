import { describe, expect, it } from 'vitest';
import { SCORE_WEIGHTS } from '../../../src-main/ml/constants.js';
import { correlate } from '../../../src-main/ml/correlations.js';
import { binEdges, binOf, evaluateGrid } from '../../../src-main/ml/grid.js';
import { EFFICIENCY_CREDIT_PERCENT, binScore, sampleStability } from '../../../src-main/ml/scoring.js';
import { run, wiggle } from './fixtures.js';

describe('correlations (DOMAIN §10.4)', () => {
  it('finds ROP following WOB as significant and sorts by strength', () => {
    const s = run(400, (i) => {
      const wob = 20 + 10 * ((i % 40) / 40);
      return { wobKlbf: wob, ropFtHr: 2 * wob + 3 * wiggle(i), rpm: 120 + 5 * wiggle(i + 99), flowInGpm: 550 + 10 * wiggle(i + 5) };
    });
    const c = correlate(s);
    expect(c[0].pair).toBe('WOB-ROP');
    expect(c[0].r).toBeGreaterThan(0.9);
    expect(c[0].significant).toBe(true);
    for (let k = 1; k < c.length; k++) expect(Math.abs(c[k - 1].r)).toBeGreaterThanOrEqual(Math.abs(c[k].r));
    // RPM was noise: if it is listed at all, it is not significant.
    const rpmRop = c.find((x) => x.pair === 'RPM-ROP');
    if (rpmRop) expect(rpmRop.pValue).toBeGreaterThan(0.001);
  });

  it('needs 30 pairs and some spread', () => {
    expect(correlate(run(20, (i) => ({ wobKlbf: 20 + i, ropFtHr: 30 + i })))).toEqual([]);
    expect(correlate(run(100, () => ({ wobKlbf: 25, rpm: 120, flowInGpm: 550 })))).toEqual([]);
  });
});

describe('stability and bin score (DOMAIN §10.5)', () => {
  it('full stability far from every threshold, penalties near them, never negative', () => {
    expect(sampleStability({ torqueCv: 0.02, torqueDeltaFraction: 0, efficiencyPercent: 95, sppDeltaPsi: 0 })).toBe(1);
    expect(sampleStability({ torqueCv: 0.09, torqueDeltaFraction: null, efficiencyPercent: null, sppDeltaPsi: null })).toBeCloseTo(0.85, 12);
    expect(sampleStability({ torqueCv: 0.5, torqueDeltaFraction: 0.5, efficiencyPercent: 10, sppDeltaPsi: 500 })).toBeCloseTo(0.1, 12);
    expect(sampleStability({ torqueCv: 0.06, torqueDeltaFraction: 0.075, efficiencyPercent: 60, sppDeltaPsi: 56.25 })).toBeCloseTo(1 - 0.125 - 0.1 - 0.075, 12);
  });

  it('weights ROP, efficiency and stability by campaign; efficiency earns full credit from the knee up', () => {
    const prod = SCORE_WEIGHTS.production;
    expect(binScore({ ropRatio: 1, efficiencyPercent: 100, stability: 1 }, prod)).toBeCloseTo(1, 12);
    expect(binScore({ ropRatio: 1, efficiencyPercent: EFFICIENCY_CREDIT_PERCENT, stability: 1 }, prod)).toBeCloseTo(1, 12);
    expect(binScore({ ropRatio: 0.5, efficiencyPercent: 35, stability: 0.5 }, prod)).toBeCloseTo(0.25 + 0.15 + 0.1, 12);
    const pa = SCORE_WEIGHTS.plug_abandonment;
    // P&A values efficiency over speed: a slow efficient bin beats a fast wasteful one.
    const slowEfficient = { ropRatio: 0.6, efficiencyPercent: 70, stability: 1 };
    const fastWasteful = { ropRatio: 1, efficiencyPercent: 35, stability: 1 };
    expect(binScore(slowEfficient, pa)).toBeGreaterThan(binScore(fastWasteful, pa));
    expect(binScore(slowEfficient, prod)).toBeLessThan(binScore(fastWasteful, prod) + 0.05);
  });
});

describe('grid binning', () => {
  it('equal-width edges over the robust range; outliers go to the end bins', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 20 + (10 * i) / 999);
    values.push(400);
    const edges = binEdges(values, 8);
    expect(edges).toHaveLength(9);
    expect(edges[0]).toBeCloseTo(20.1, 0);
    expect(edges[8]).toBeLessThan(31);
    expect(binOf(400, edges)).toBe(7);
    expect(binOf(-5, edges)).toBe(0);
    expect(binOf(25, [25, 25])).toBe(0);
  });

  it('scores only bins with 10 samples and recommends the fastest stable, efficient one', () => {
    // Four set points held 100 s each; the 28 klbf / 140 rpm one drills fastest.
    const points = [
      { wobKlbf: 20, rpm: 110, ropFtHr: 40 },
      { wobKlbf: 28, rpm: 140, ropFtHr: 60 },
      { wobKlbf: 24, rpm: 125, ropFtHr: 50 },
      { wobKlbf: 32, rpm: 110, ropFtHr: 45 },
    ];
    const s = run(400, (i) => points[Math.floor(i / 100)]);
    // A 5-sample burst at 32 klbf / 140 rpm with very high ROP: too few to be scored.
    s.push(...run(5, () => ({ wobKlbf: 32, rpm: 140, ropFtHr: 200 }), s[399].timeMs + 1000));
    const eff = s.map(() => 90);
    const stab = s.map(() => 1);
    const g = evaluateGrid({ samples: s, efficiencyPercent: eff, stability: stab }, SCORE_WEIGHTS.production);
    expect(g.grid.cells.filter((c) => c.score !== null)).toHaveLength(4);
    expect(g.grid.cells.some((c) => c.samples === 5 && c.score === null)).toBe(true);
    expect(g.bestMembers).toHaveLength(100);
    for (const i of g.bestMembers ?? []) expect(s[i]).toMatchObject({ wobKlbf: 28, rpm: 140 });
    expect(g.grid.best).toEqual({ wobBin: binOf(28, g.grid.wobEdgesKlbf), rpmBin: binOf(140, g.grid.rpmEdges) });
  });

  it('a set point crossed in passing (under 2 % of the segment) is not scored, however fast', () => {
    const s = run(1000, (i) => (i < 500 ? { wobKlbf: 20, rpm: 110, ropFtHr: 40 } : { wobKlbf: 24, rpm: 125, ropFtHr: 50 }));
    s.push(...run(15, () => ({ wobKlbf: 32, rpm: 140, ropFtHr: 90 }), s[999].timeMs + 1000));
    const g = evaluateGrid({ samples: s, efficiencyPercent: s.map(() => 90), stability: s.map(() => 1) }, SCORE_WEIGHTS.production);
    expect(g.grid.cells.find((c) => c.samples === 15)?.score).toBeNull();
    expect(s[(g.bestMembers ?? [0])[0]].wobKlbf).toBe(24);
  });

  it('an unstable fast bin loses to a stable one', () => {
    const s = run(200, (i) => (i < 100 ? { wobKlbf: 20, rpm: 110, ropFtHr: 50 } : { wobKlbf: 30, rpm: 150, ropFtHr: 55 }));
    const stab = s.map((_, i) => (i < 100 ? 1 : 0.2));
    const g = evaluateGrid({ samples: s, efficiencyPercent: s.map(() => 90), stability: stab }, SCORE_WEIGHTS.production);
    expect(s[(g.bestMembers ?? [0])[0]].wobKlbf).toBe(20);
  });
});
