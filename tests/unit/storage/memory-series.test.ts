import { describe, expect, it } from 'vitest';
import { RawSeries, RollupSeries } from '../../../src-main/storage/memory-series.js';

const rows = (s: RawSeries): [number, number][] => {
  const out: [number, number][] = [];
  s.forEach((t, v) => out.push([t, v]));
  return out;
};

describe('RawSeries (MemoryStore raw samples as time-ordered columns)', () => {
  it('keeps samples sorted whatever the arrival order, and the first value for a time wins', () => {
    const s = new RawSeries();
    expect(s.add(3000, 3)).toBe(true);
    expect(s.add(1000, 1)).toBe(true);
    expect(s.add(2000, 2)).toBe(true);
    expect(s.add(2000, 99)).toBe(false);
    expect(s.add(3000, 99)).toBe(false);
    expect(s.add(4000, 4)).toBe(true);
    expect(rows(s)).toEqual([[1000, 1], [2000, 2], [3000, 3], [4000, 4]]);
  });
  it('drops what is past retention, compacts a long run, and a dropped time can come back', () => {
    const s = new RawSeries();
    for (let t = 0; t < 5000; t++) s.add(t * 1000, t);
    s.dropBefore(4000 * 1000);
    expect(s.size).toBe(1000);
    expect(rows(s)[0]).toEqual([4_000_000, 4000]);
    s.dropBefore(4500 * 1000);
    expect(s.size).toBe(500);
    expect(s.add(10, 7)).toBe(true);
    expect(rows(s)[0]).toEqual([10, 7]);
  });
});

describe('RollupSeries', () => {
  it('counts and sums per bucket in time order, an earlier bucket arriving late included', () => {
    const r = new RollupSeries();
    r.add(60_000, 2);
    r.add(60_000, 4);
    r.add(180_000, 1);
    r.add(0, 5);
    r.add(120_000, 3);
    r.add(60_000, 6);
    const out: [number, number, number][] = [];
    r.forEach((t, n, sum) => out.push([t, n, sum]));
    expect(out).toEqual([[0, 1, 5], [60_000, 3, 12], [120_000, 1, 3], [180_000, 1, 1]]);
  });
});
