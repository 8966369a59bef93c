// A source switch forgets what belonged to the old feed (averages, history, the advisory on
// screen) and keeps the learned baseline only when the person says it is the same rig. Two
// setSource calls at once never leave a hidden second feed running.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import type { Engine } from '../../src-main/app/engine.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

/** An engine that has drilled 20 min of normal hole (baseline locked, averages formed). */
async function drilledEngine(): Promise<Engine> {
  const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0 });
  cleanup.push(() => engine.dispose());
  await engine.start();
  for (const s of createSimulation({ scenario: 'normal', seed: 4, durationS: 1200 })) engine.ingest(makePacket(s.timeMs, s.values));
  expect(engine.status().baseline.mode).toBe('locked');
  expect(engine.status().metrics?.sppDeltaPsi).not.toBeNull();
  return engine;
}

const otherRig = { kind: 'simulator' as const, scenario: 'normal', seed: 9, speed: 1 };

describe('source switch', () => {
  it('another rig: averages, history and baseline start again (audited)', async () => {
    const engine = await drilledEngine();
    const r = await engine.call('setSource', { source: otherRig, actor: 'Rig IT' });
    expect(r.ok).toBe(true);
    const s = engine.status();
    expect(s.packet).toBeNull();
    expect(s.metrics).toBeNull();
    expect(s.baseline.mode).toBe('learning');
    // The first packet of the new feed has no baseline to deviate from.
    const [first] = [...createSimulation({ scenario: 'normal', seed: 11, durationS: 5 })];
    engine.ingest(makePacket(first.timeMs, first.values));
    expect(engine.status().metrics?.sppDeltaPsi ?? null).toBeNull();
    const audit = await engine.call('getAudit', { kind: 'baseline-reset' });
    expect(audit.ok && audit.value[0]?.actor).toBe('Rig IT');
  });

  it('the same rig: the learned baseline is kept, the feed state still starts again', async () => {
    const engine = await drilledEngine();
    const r = await engine.call('setSource', { source: otherRig, sameRig: true, actor: 'Rig IT' });
    expect(r.ok).toBe(true);
    expect(engine.status().packet).toBeNull();
    expect(engine.status().baseline.mode).toBe('locked');
    const audit = await engine.call('getAudit', { kind: 'source-change' });
    expect(audit.ok && audit.value[0]?.summary).toMatch(/same rig: baseline kept/);
  });

  it('concurrent setSource calls run one after the other: one feed runs, the last one asked for', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0 });
    cleanup.push(() => engine.dispose());
    await engine.start();
    const calls = [1, 2, 3, 4].map((seed) => engine.call('setSource', { source: { ...otherRig, seed, speed: 50 }, sameRig: true, actor: 'Rig IT' }));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(engine.status().source.description).toMatch(/seed 4/);
    const before = engine.status().counts.packets;
    await new Promise((r) => setTimeout(r, 600));
    const received = engine.status().counts.packets - before;
    // One simulator at 50x gives ~30 packets in 0.6 s; a hidden second one would double it.
    expect(received).toBeGreaterThan(5);
    expect(received).toBeLessThan(45);
  });
});
