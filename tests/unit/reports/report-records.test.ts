// The reader pages and chunks its reads (yielding between them); the result must equal one
// plain read of the same period.
import { describe, expect, it } from 'vitest';
import { gatherReportRecords } from '../../../src-main/reports/report-records.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { makeAdvisory } from '../storage/fixtures.js';

const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

describe('reading a period for a report', () => {
  it('reads three weeks in chunks and pages with the same totals as one read, nothing twice', async () => {
    const s = new MemoryStore();
    for (let t = T0; t < T0 + 21 * DAY; t += 30_000) {
      s.recordPacketCounts(t, 30);
      for (let k = 0; k < 30; k++) s.recordRigState(t, (t / 30_000) % 3 ? 'Drilling' : 'Connection');
    }
    for (let i = 0; i < 250; i++) await s.saveAdvisory(makeAdvisory({ timeMs: T0 + i * 7_000_000 }));
    const period = { kind: 'well' as const, fromMs: T0 + 30_500, toMs: T0 + 21 * DAY, fromDepthFt: null, toDepthFt: null };
    const progress: number[] = [];
    const r = await gatherReportRecords(s, period, { pageSize: 40, onProgress: (f) => progress.push(f) });
    expect(r.rigStatePackets).toEqual(await s.rigStatePackets(period.fromMs, period.toMs - 1));
    expect(r.packetsPerMinute).toEqual(await s.packetsPerMinute(period.fromMs, period.toMs - 1));
    expect(new Set(r.packetsPerMinute.map(([m]) => m)).size).toBe(r.packetsPerMinute.length);
    expect(r.advisories.map((a) => a.timeMs)).toEqual((await s.listAdvisories({ sinceMs: period.fromMs, limit: 5000 })).map((a) => a.timeMs).reverse());
    expect(r.advisories.length).toBe(249); // the one at T0 is before the period
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await s.dispose();
  });
});
