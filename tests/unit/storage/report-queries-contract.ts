// The reads reports need, the same on every PersistenceLayer: rig-state packets, packets per
// minute, the recorded span, first time at a depth. Called next to persistenceContract() by the
// memory and SQLite test files.
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistenceLayer } from '../../../src-main/storage/persistence.js';
import type { StoreFactory } from './persistence-contract.js';

const T0 = Date.UTC(2025, 0, 1);
const MIN = 60_000;

export function reportQueriesContract(name: string, factory: StoreFactory): void {
  describe(`report queries: ${name}`, () => {
    const open: PersistenceLayer[] = [];
    const make = async () => {
      const s = await factory();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.dispose();
    });

    it('counts packets per rig state over the minutes of a range', async () => {
      const s = await make();
      for (let i = 0; i < 180; i++) s.recordRigState(T0 + i * 1000, i < 100 ? 'Drilling' : 'Connection');
      s.recordRigState(T0 + 10 * MIN, 'Idle'); // outside the range below
      await s.flushMetrics();
      expect(await s.rigStatePackets(T0, T0 + 3 * MIN - 1)).toEqual({ Drilling: 100, Connection: 80 });
      expect(await s.rigStatePackets(T0 + MIN, T0 + 2 * MIN - 1)).toEqual({ Drilling: 40, Connection: 20 });
      expect(await s.rigStatePackets(T0 + 20 * MIN, T0 + 30 * MIN)).toEqual({});
    });

    it('lists packets per minute oldest first, and the recorded span', async () => {
      const s = await make();
      expect(await s.recordedSpan()).toBeNull();
      s.recordPacketCounts(T0 + 5 * MIN + 3000, 60);
      s.recordPacketCounts(T0 + 2 * MIN, 30);
      s.recordPacketCounts(T0 + 2 * MIN + 10_000, 5);
      await s.flushMetrics();
      expect(await s.packetsPerMinute(T0, T0 + 10 * MIN)).toEqual([[T0 + 2 * MIN, 35], [T0 + 5 * MIN, 60]]);
      expect(await s.packetsPerMinute(T0 + 3 * MIN, T0 + 10 * MIN)).toEqual([[T0 + 5 * MIN, 60]]);
      expect(await s.recordedSpan()).toEqual({ fromMs: T0 + 2 * MIN, toMs: T0 + 6 * MIN });
      // with samples, to the second
      s.recordMetrics({ timeMs: T0 + 2 * MIN + 7000, values: { sppPsi: 3000 } });
      s.recordMetrics({ timeMs: T0 + 5 * MIN + 42_000, values: { ropFtHr: 50 } });
      s.recordMetrics({ timeMs: T0 + 5 * MIN + 3000, values: { sppPsi: 3100 } });
      await s.flushMetrics();
      expect(await s.recordedSpan()).toEqual({ fromMs: T0 + 2 * MIN + 7000, toMs: T0 + 5 * MIN + 42_001 });
    });

    it('finds the first sample at or above a value, to the second, after a given time', async () => {
      const s = await make();
      // hole depth 10 000 ft rising 0.5 ft per second for an hour
      for (let i = 0; i < 3600; i++) s.recordMetrics({ timeMs: T0 + i * 1000, values: { holeDepthFt: 10_000 + i * 0.5 } });
      await s.flushMetrics();
      expect(await s.firstTimeAtOrAbove('holeDepthFt', 10_100)).toBe(T0 + 200_000);
      expect(await s.firstTimeAtOrAbove('holeDepthFt', 10_000.2)).toBe(T0 + 1000);
      expect(await s.firstTimeAtOrAbove('holeDepthFt', 10_100, T0 + 250_000)).toBe(T0 + 250_000);
      expect(await s.firstTimeAtOrAbove('holeDepthFt', 99_999)).toBeNull();
      expect(await s.firstTimeAtOrAbove('noSuchChannel', 1)).toBeNull();
    });
  });
}
