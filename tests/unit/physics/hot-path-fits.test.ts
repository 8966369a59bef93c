// The hot path's closure-free forms must give exactly what the general helpers give: the
// detections and golden votes depend on the same bits, not just close values.
import { describe, expect, it } from 'vitest';
import { fitIndexed, fitLine } from '../../../src-shared/least-squares.js';
import { HistoryBuffer } from '../../../src-main/physics/history.js';
import { SortedWindow } from '../../../src-main/physics/trackers/sorted-window.js';

/** A deterministic wobbly series (no Math.random: the same numbers on every run). */
const wobbly = (n: number, level: number): number[] => Array.from({ length: n }, (_, k) => level + 0.37 * k + 5 * Math.sin(k * 1.7) + ((k * 7919) % 13) / 10);

describe('fitIndexed', () => {
  it('equals fitLine over x = index bit for bit, gaps (null, undefined, NaN, Infinity) included', () => {
    const ys: (number | null | undefined)[] = wobbly(60, 3000);
    ys[0] = null;
    ys[7] = undefined;
    ys[20] = NaN;
    ys[33] = Infinity;
    const general = fitLine(ys.length, (k) => k, (k) => ys[k]);
    const fast = fitIndexed(ys.length, ys);
    expect(fast).toEqual(general);
    expect(fast.n).toBe(56);
    expect(fitIndexed(ys.length, Float64Array.from(ys, (v) => v ?? NaN))).toEqual(general);
  });
});

describe('HistoryBuffer.fit', () => {
  it('fits the filtered window of a wrapped ring exactly as fitLine over the same entries', () => {
    const h = new HistoryBuffer<{ v: number | null; drilling: boolean }>(40);
    const vs = wobbly(95, 20);
    vs.forEach((v, k) => h.push({ v: k % 11 === 0 ? null : v, drilling: k % 5 !== 0 }));
    const entries = Array.from({ length: 25 }, (_, k) => h.at(h.size - 25 + k));
    const general = fitLine(25, (k) => k, (k) => (entries[k].drilling ? entries[k].v : null));
    const got = h.fit((e) => e.v, 25, (e) => e.drilling);
    expect(got).toEqual(general);
    expect(got.n).toBeGreaterThan(15);
  });
});

describe('SortedWindow (the MSE reference window)', () => {
  it('gives the percentile a sort of the last N values gives, while filling and sliding, duplicates included', () => {
    const w = new SortedWindow(300);
    const all = wobbly(1000, 100).map((v) => Math.round(v));
    all.forEach((v, k) => {
      w.push(v);
      if (k % 37 !== 0 && k !== 999) return;
      const xs = Float64Array.from(all.slice(Math.max(0, k + 1 - 300), k + 1)).sort();
      for (const p of [0, 0.25, 0.5, 1]) {
        const pos = p * (xs.length - 1);
        const lo = Math.floor(pos);
        const hi = Math.min(lo + 1, xs.length - 1);
        expect(w.percentile(p)).toBe(xs[lo] + (xs[hi] - xs[lo]) * (pos - lo));
      }
    });
    expect(w.size).toBe(300);
  });
});
