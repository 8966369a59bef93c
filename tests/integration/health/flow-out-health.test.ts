// The flow-out health line through the whole engine (packets in, getHealth and the 'health'
// event out): a paddle-only rig learning its pump rate (info: a mode, its own blue banner flag,
// overall health untouched), calibrated, and a rig with no flow-out sensor (a warning once it has
// lasted PITS_ONLY_AFTER_MS on the wall clock).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { HealthReport } from '../../../src-shared/health.js';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { PITS_ONLY_AFTER_MS } from '../../../src-main/health/checks/flow-out-check.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';

const percentAt = (returnsGpm: number) => 100 * (returnsGpm / 1500) ** 0.85;
const circulating = { bitDepthFt: 9000, holeDepthFt: 10000, pitVolumeBbl: 800, hookLoadKlbf: 250, sppPsi: 2500, pumpSpm: 120 };

describe('flow-out health', () => {
  it('paddle: learning (info, own flag, overall healthy) -> calibrated; no flow out: a warning after a few seconds', async () => {
    let wallMs = 1_700_000_000_000;
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0, selfHealIntervalMs: 0, clock: () => wallMs });
    const pushed: HealthReport[] = [];
    engine.on('health', (h) => pushed.push(h));
    await engine.start();
    let t = Date.parse('2024-03-01T00:00:00Z');
    const feed = (seconds: number, values: (s: number) => Partial<ChannelValues>) => {
      for (let s = 0; s < seconds; s++, t += 1000, wallMs += 1000) engine.ingest(makePacket(t, { ...circulating, ...values(s) }));
    };
    const health = async () => {
      const h = await engine.call('getHealth', {});
      if (!h.ok) throw new Error('getHealth failed');
      return { report: h.value, flowOut: h.value.components.find((c) => c.name === 'flow-out') };
    };
    const paddle = (s: number) => ({ flowInGpm: 600, flowOutPercent: percentAt(600 + Math.sin(s / 3)) });

    let h = await health();
    expect(h.flowOut).toMatchObject({ status: 'healthy', detail: 'no packet analysed yet' });

    feed(30 + 45, paddle);
    h = await health();
    expect(h.flowOut?.status).toBe('degraded');
    expect(h.flowOut?.detail).toMatch(/^Flow out from paddle %: learning this pump rate \((4[0-5]) of 120 s\): flow-based kick detection starts when learned; pits are watched meanwhile$/);
    expect(h.report.flags).toMatchObject({ flowOutLearning: true, pitsOnly: false });
    expect(h.report.components.filter((c) => c.status !== 'healthy').map((c) => c.name)).toContain('flow-out');
    expect(h.report.overall).toBe('healthy'); // learning a pump rate is normal operation

    feed(120, paddle);
    h = await health();
    expect(h.flowOut).toMatchObject({ status: 'healthy', detail: 'Flow out from paddle %: calibrated (1 pump rate)' });
    expect(h.report.flags.flowOutLearning).toBe(false);
    // Each change went out as a 'health' event too (what the renderer's banners follow).
    expect(pushed.some((r) => r.flags.flowOutLearning)).toBe(true);
    expect(pushed.at(-1)?.flags.flowOutLearning).toBe(false);

    // The flow-out channel stops: a moment is not a lost sensor, a lasting one is a warning.
    feed(2, () => ({ flowInGpm: 600 }));
    h = await health();
    expect(h.flowOut?.status).toBe('healthy');
    feed(PITS_ONLY_AFTER_MS / 1000, () => ({ flowInGpm: 600 }));
    h = await health();
    expect(h.flowOut).toMatchObject({ status: 'degraded', detail: 'No flow-out sensor: kick and loss are judged on pits only' });
    expect(h.report.flags.pitsOnly).toBe(true);
    expect(h.report.overall).toBe('degraded');
    expect(engine.status().health.flags.pitsOnly).toBe(true);
    await engine.dispose();
  });

  it('a flow-out meter: healthy, no banner flag', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0, selfHealIntervalMs: 0 });
    await engine.start();
    for (let s = 0; s < 5; s++) engine.ingest(makePacket(1_700_000_000_000 + s * 1000, { ...circulating, flowInGpm: 600, flowOutGpm: 600 }));
    const h = await engine.call('getHealth', {});
    const flowOut = h.ok ? h.value.components.find((c) => c.name === 'flow-out') : undefined;
    expect(flowOut).toMatchObject({ status: 'healthy', detail: 'Flow out from the flow-out meter (gpm): flow-based kick and loss detection live' });
    expect(h.ok && h.value.flags).toMatchObject({ flowOutLearning: false, pitsOnly: false });
    await engine.dispose();
  });
});
