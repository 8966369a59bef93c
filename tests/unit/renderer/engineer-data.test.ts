// The pieces behind the Engineer view's data: depth join, window search and the
// bridge URL (token passed on for write commands against a token-protected headless server).
import { describe, expect, it } from 'vitest';
import { bridgeUrl } from '../../../src-renderer/bridge/ws-bridge.js';
import { joinByTime, lowerBound } from '../../../src-renderer/lib/series.js';

describe('joinByTime (d-exponent / MSE vs depth)', () => {
  it('pairs each metric sample with the depth at or just before it, sorted by depth', () => {
    const depth: [number, number][] = [[1000, 10_000], [2000, 10_001], [3000, 10_002]];
    const dexp: [number, number][] = [[1500, 1.4], [2000, 1.5], [3500, 1.6]];
    expect(joinByTime(depth, dexp, 100)).toEqual([[10_000, 1.4], [10_001, 1.5], [10_002, 1.6]]);
  });

  it('drops metric samples older than the first depth sample, and non-finite values', () => {
    const depth: [number, number][] = [[2000, 10_000]];
    expect(joinByTime(depth, [[1000, 1.2], [2500, Number.NaN], [3000, 1.3]], 100)).toEqual([[10_000, 1.3]]);
    expect(joinByTime([], [[1000, 1.2]], 100)).toEqual([]);
  });

  it('downsamples to maxPoints', () => {
    const depth: [number, number][] = Array.from({ length: 5000 }, (_, i) => [i * 1000, 10_000 + i / 10]);
    const mse: [number, number][] = Array.from({ length: 5000 }, (_, i) => [i * 1000, 40_000 + (i % 50)]);
    const out = joinByTime(depth, mse, 300);
    expect(out).toHaveLength(300);
    expect(out[0][0]).toBe(10_000);
    expect(out[299][0]).toBeCloseTo(10_499.9);
  });
});

describe('lowerBound', () => {
  it('finds the first sample at or after a time', () => {
    const s: [number, number][] = [[10, 0], [20, 0], [30, 0]];
    expect(lowerBound(s, 5)).toBe(0);
    expect(lowerBound(s, 20)).toBe(1);
    expect(lowerBound(s, 25)).toBe(2);
    expect(lowerBound(s, 99)).toBe(3);
  });
});

describe('bridgeUrl', () => {
  it('uses the page host and ws/wss by protocol', () => {
    expect(bridgeUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/v1/bridge');
    expect(bridgeUrl({ protocol: 'https:', host: 'rig7:443', search: '' })).toBe('wss://rig7:443/api/v1/bridge');
  });

  it("passes the page URL's token on, encoded", () => {
    expect(bridgeUrl({ protocol: 'http:', host: 'edge:8080', search: '?token=s3cr%2Bt&x=1' })).toBe('ws://edge:8080/api/v1/bridge?token=s3cr%2Bt');
    expect(bridgeUrl({ protocol: 'http:', host: 'edge:8080', search: '?other=1' })).toBe('ws://edge:8080/api/v1/bridge');
  });
});
