import { describe, expect, it } from 'vitest';
import { HistoryBuffer, historyFor } from '../../../src-main/physics/history.js';
import { fitLine, fitSeries } from '../../../src-shared/least-squares.js';

const id = (x: number | null): number | null => x;

describe('HistoryBuffer', () => {
  it('wraps around keeping the newest `capacity` entries in order', () => {
    const h = new HistoryBuffer<number>(3);
    for (let i = 1; i <= 5; i++) h.push(i);
    expect(h.size).toBe(3);
    expect([h.at(0), h.at(1), h.at(2)]).toEqual([3, 4, 5]);
    expect(h.latest()).toBe(5);
    expect(() => h.at(3)).toThrow(RangeError);
  });
  it('never grows its backing store', () => {
    const h = new HistoryBuffer<number>(4);
    for (let i = 0; i < 1000; i++) h.push(i);
    const items = (h as unknown as { items: unknown[] }).items;
    expect(items.length).toBe(4);
    expect(h.size).toBe(4);
  });
  it('slope, intercept, R² match hand-computed values', () => {
    const h = new HistoryBuffer<number>(10);
    for (const y of [1, 3, 5, 7, 9]) h.push(y);
    expect(h.slope(id)).toBeCloseTo(2, 12);
    expect(h.intercept(id)).toBeCloseTo(1, 12);
    expect(h.r2(id)).toBeCloseTo(1, 12);
    const g = new HistoryBuffer<number>(10);
    for (const y of [2, 4, 3, 5]) g.push(y);
    // x̄ 1.5, ȳ 3.5, Sxy = 4, Sxx = 5 → slope 0.8, intercept 2.3; SSres = 1.8, SStot = 5 → R² 0.64
    expect(g.slope(id)).toBeCloseTo(0.8, 12);
    expect(g.intercept(id)).toBeCloseTo(2.3, 12);
    expect(g.r2(id)).toBeCloseTo(0.64, 12);
  });
  it('skips null/non-finite values, mean/std are population', () => {
    const h = new HistoryBuffer<number | null>(10);
    for (const y of [2, null, 4, Number.NaN, 6]) h.push(y);
    expect(h.mean(id)).toBe(4);
    expect(h.std(id)).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(h.countFinite(id)).toBe(3);
    // x positions kept: (0,2), (2,4), (4,6) → slope 1
    expect(h.slope(id)).toBeCloseTo(1, 12);
  });
  it('too little data: slope 0 with n < 2, R² 0 with n < 3, mean null when empty', () => {
    const h = new HistoryBuffer<number>(5);
    expect(h.mean(id)).toBeNull();
    h.push(3);
    expect(h.slope(id)).toBe(0);
    h.push(5);
    expect(h.r2(id)).toBe(0);
  });
  it('lastN restricts the window', () => {
    const h = new HistoryBuffer<number>(10);
    for (const y of [100, 0, 1, 2]) h.push(y);
    expect(h.slope(id, 3)).toBeCloseTo(1, 12);
    expect(h.mean(id, 2)).toBe(1.5);
  });
  it('historyFor falls back to 60', () => {
    expect(historyFor(undefined).capacity).toBe(60);
    expect(historyFor(120).capacity).toBe(120);
  });
});

describe('fitLine (the one least-squares helper)', () => {
  it('fits a line with gaps that keep their x, and reports r² and the span used', () => {
    const f = fitSeries([null, 1, 3, null, 7, 9]);
    expect(f.n).toBe(4);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(f.r2).toBeCloseTo(1, 12);
    expect([f.firstK, f.lastK]).toEqual([1, 5]);
    // Epoch-seconds x and a 3000 psi level: the two-pass sums keep the precision.
    const t0 = 1_700_000_000;
    const g = fitLine(100, (k) => t0 + k, (k) => 3000 + 0.5 * k + (k % 2 ? 0.01 : -0.01));
    expect(g.slope).toBeCloseTo(0.5, 4);
    expect(fitSeries([4, 4, 4]).r2).toBe(0);
    expect(fitSeries([]).n).toBe(0);
  });
});
