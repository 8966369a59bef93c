import { describe, expect, it } from 'vitest';
import { feedOutages, packetIntervalS, rigStateTimes } from '../../../src-main/reports/model/feed-time.js';

const T0 = Date.UTC(2025, 0, 1, 6);
const MIN = 60_000;
const minutes = (counts: number[]): [number, number][] => counts.map((n, i) => [T0 + i * MIN, n] as [number, number]).filter(([, n]) => n > 0);

describe('time per rig state and feed outages', () => {
  it('reads the usual packet interval from the data: 1 Hz and a 5 s feed', () => {
    expect(packetIntervalS(minutes([60, 60, 30, 60]))).toBe(1);
    expect(packetIntervalS(minutes([12, 12, 12]))).toBe(5);
    expect(packetIntervalS([])).toBeNull();
  });

  it('turns packets per state into time and share of the period', () => {
    const t = rigStateTimes({ Drilling: 1800, Connection: 600 }, 1, 3600_000);
    expect(t.find((s) => s.state === 'Drilling')).toEqual({ state: 'Drilling', seconds: 1800, percent: 50 });
    expect(t.find((s) => s.state === 'Connection')?.seconds).toBe(600);
    expect(t.find((s) => s.state === 'Idle')?.seconds).toBe(0);
    expect(t).toHaveLength(7);
  });

  it('finds a gap of missing minutes and a partial one, ignores short dips', () => {
    // 10 min: full, full, none, none, 10 packets, full, 50 (a short dip), full, full, full
    const counts = minutes([60, 60, 0, 0, 10, 60, 50, 60, 60, 60]);
    const o = feedOutages(counts, { fromMs: T0, toMs: T0 + 10 * MIN, intervalS: 1, minOutageS: 30 });
    expect(o).toEqual([{ fromMs: T0 + 2 * MIN, toMs: T0 + 5 * MIN, missingPackets: 170, approxSeconds: 170 }]);
  });

  it('reports a period with no data as one outage, and none for a clean feed', () => {
    expect(feedOutages([], { fromMs: T0, toMs: T0 + 30 * MIN, intervalS: null, minOutageS: 30 })).toEqual([
      { fromMs: T0, toMs: T0 + 30 * MIN, missingPackets: 0, approxSeconds: 1800 },
    ]);
    expect(feedOutages(minutes([60, 60, 60]), { fromMs: T0, toMs: T0 + 3 * MIN, intervalS: 1, minOutageS: 30 })).toEqual([]);
  });

  it('expects fewer packets in a minute cut by the period edge', () => {
    const o = feedOutages(minutes([60, 60]), { fromMs: T0 + 30_000, toMs: T0 + 90_000, intervalS: 1, minOutageS: 30 });
    expect(o).toEqual([]);
  });
});
