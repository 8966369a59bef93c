import { describe, expect, it } from 'vitest';
import { fitLine, ringSlopePerS } from '../../../src-shared/least-squares.js';

describe('ringSlopePerS (the pit trend on every packet)', () => {
  it('matches the general fit over a wrapped ring at epoch-millisecond times and a 500-bbl level', () => {
    const cap = 8;
    const times = new Float64Array(cap);
    const values = new Float64Array(cap);
    const t0 = Date.UTC(2026, 0, 1);
    // Oldest at index 5: the ring wraps after three samples.
    const head = 5;
    const pts = Array.from({ length: 7 }, (_, k) => ({ t: t0 + k * 1000, v: 500 + 0.004 * k + (k % 2 ? 0.001 : -0.001) }));
    pts.forEach((p, k) => {
      times[(head + k) % cap] = p.t;
      values[(head + k) % cap] = p.v;
    });
    const general = fitLine(pts.length, (k) => (pts[k].t - t0) / 1000, (k) => pts[k].v).slope;
    expect(ringSlopePerS(times, values, head, pts.length)).toBeCloseTo(general, 12);
    expect(general).toBeGreaterThan(0.003);
  });
  it('is 0 with one point or no time spread', () => {
    expect(ringSlopePerS(new Float64Array([1000]), new Float64Array([5]), 0, 1)).toBe(0);
    expect(ringSlopePerS(new Float64Array([1000, 1000]), new Float64Array([5, 9]), 0, 2)).toBe(0);
  });
});
