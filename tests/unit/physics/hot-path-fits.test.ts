// The hot path's closure-free forms must give exactly what the general helpers give: the
// detections and golden votes depend on the same bits, not just close values.
import { describe, expect, it } from 'vitest';
import { fitIndexed, fitLine } from '../../../src-shared/least-squares.js';
import { HistoryBuffer } from '../../../src-main/physics/history.js';
import { kthSmallest } from '../../../src-main/physics/trackers/mse-reference.js';

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

describe('kthSmallest', () => {
  it('gives every order statistic a sort gives, duplicates included', () => {
    const xs = Float64Array.from(wobbly(301, 100).map((v) => Math.round(v)));
    const sorted = xs.slice().sort();
    for (const k of [0, 1, 75, 150, 299, 300]) {
      const copy = xs.slice();
      expect(kthSmallest(copy, copy.length, k)).toBe(sorted[k]);
      // Everything right of k is at least the k-th (the percentile reads its neighbour there).
      expect(Math.min(...copy.subarray(k))).toBe(sorted[k]);
    }
  });
});
