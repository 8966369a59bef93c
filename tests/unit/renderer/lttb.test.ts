import { describe, expect, it } from 'vitest';
import { lttb } from '../../../src-renderer/lib/lttb.js';

const series = (n: number, f: (i: number) => number): [number, number][] => Array.from({ length: n }, (_, i) => [i * 1000, f(i)]);

describe('lttb', () => {
  it('returns the input unchanged when it is already short enough', () => {
    const data = series(50, (i) => i);
    expect(lttb(data, 100)).toEqual(data);
  });

  it('reduces 6 h of 1 Hz data to exactly the threshold, keeping first and last points', () => {
    const data = series(21_600, (i) => Math.sin(i / 300));
    const out = lttb(data, 1000);
    expect(out).toHaveLength(1000);
    expect(out[0]).toBe(data[0]);
    expect(out[999]).toBe(data[21_599]);
  });

  it('keeps x strictly increasing and every point from the input', () => {
    const data = series(5000, (i) => (i * 7919) % 101);
    const out = lttb(data, 300);
    const inInput = new Set(data);
    for (let i = 1; i < out.length; i++) expect(out[i][0]).toBeGreaterThan(out[i - 1][0]);
    for (const p of out) expect(inInput.has(p)).toBe(true);
  });

  it('keeps a single-sample spike that plain decimation would drop', () => {
    const data = series(10_000, () => 0);
    data[4321] = [4321 * 1000, 50]; // e.g. a pit gain jump lasting one packet
    const out = lttb(data, 100);
    expect(out.some((p) => p[1] === 50)).toBe(true);
    const decimated = data.filter((_, i) => i % 100 === 0);
    expect(decimated.some((p) => p[1] === 50)).toBe(false);
  });

  it('picks the point farthest from the line between its neighbours (hand-checked case)', () => {
    // 5 points, threshold 3: one bucket holding indices 1..3; index 2 is the peak
    const data: [number, number][] = [[0, 0], [1, 1], [2, 9], [3, 1], [4, 0]];
    expect(lttb(data, 3)).toEqual([[0, 0], [2, 9], [4, 0]]);
  });

  it('returns the end points for a threshold of 2 or less', () => {
    const data = series(10, (i) => i);
    expect(lttb(data, 2)).toEqual([data[0], data[9]]);
  });
});
