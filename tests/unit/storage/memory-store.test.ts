import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { persistenceContract } from './persistence-contract.js';
import { reportQueriesContract } from './report-queries-contract.js';

persistenceContract('MemoryStore', async (opts) => new MemoryStore(opts));
reportQueriesContract('MemoryStore', async (opts) => new MemoryStore(opts));

// Issue 9 item 13: the in-memory store is bounded like the SQLite tiers (a replay kept every raw
// sample in its queue: 1.3 GB for a 72 h recording). npm run bench:replay-memory measures it.

const T0 = Date.UTC(2025, 0, 1);
const sample = (i: number) => ({ timeMs: T0 + i * 1000, values: { sppPsi: 3000 + (i % 7), flowBalanceGpm: i % 3 } });

describe('MemoryStore bounds', () => {
  it('folds its queue in as samples arrive: never more than 600 waiting', () => {
    const s = new MemoryStore();
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      s.recordMetrics(sample(i));
      most = Math.max(most, s.queuedSamples);
    }
    expect(most).toBeLessThanOrEqual(600);
  });

  it('keeps raw samples for rawRetentionMs only; the rollups keep the whole range', async () => {
    const s = new MemoryStore({ rawRetentionMs: 3_600_000 });
    for (let i = 0; i < 3 * 3600; i++) s.recordMetrics(sample(i));
    const [raw] = await s.queryMetrics(['sppPsi'], T0, T0 + 3 * 3_600_000, 5000);
    expect(raw.resolution).toBe('1min'); // 3 h at 5000 points asks for the 1-min tier
    const [lastHour] = await s.queryMetrics(['sppPsi'], T0, T0 + 3 * 3_600_000 - 1000, 20_000);
    expect(lastHour.resolution).toBe('raw');
    expect(lastHour.points.length).toBeLessThanOrEqual(3601);
    expect(lastHour.points[0][0]).toBeGreaterThanOrEqual(T0 + 2 * 3_600_000 - 1000);
    expect(raw.points.length).toBe(180); // every minute of the 3 h, from the rollup
  });

  it('keepMetrics false (replay) keeps no metric samples or packet counts at all', async () => {
    const s = new MemoryStore({ keepMetrics: false });
    for (let i = 0; i < 5000; i++) {
      s.recordMetrics(sample(i));
      s.recordPacketCounts(sample(i).timeMs, 1);
    }
    expect(s.queuedSamples).toBe(0);
    const [series] = await s.queryMetrics(['sppPsi'], T0, T0 + 5_000_000, 1000);
    expect(series.points).toEqual([]);
    expect((await s.shiftSummary(T0, T0 + 5_000_000)).packets).toBe(0);
  });
});
