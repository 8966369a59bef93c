// Outcomes and precedents end to end on real parts: a simulated kick through the engine with a
// SQLite store, RAM recall (usearch) and the disk upload queue in a temp data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Advisory } from '../../src-shared/advisory.js';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import type { OutcomeRecord } from '../../src-shared/outcome.js';
import { makePacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import type { Engine } from '../../src-main/app/engine.js';
import { DiskUploadQueue } from '../../src-main/fleet/upload-queue.js';
import { RamRecall } from '../../src-main/knowledge/ram-recall.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { SqliteStore } from '../../src-main/storage/sqlite-store.js';

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function until<T>(what: string, f: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const config = (): WellConfig => {
  const c = defaultConfig();
  return { ...c, well: { ...c.well, rig: 'F-7', name: 'NO 15/9-F-7', field: 'Volve' } };
};

async function stores() {
  const dir = mkdtempSync(join(tmpdir(), 'sairen-outcomes-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const storage = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
  cleanup.push(() => storage.dispose());
  const recall = await RamRecall.open({ store: storage, dataDir: dir, saveDelayMs: 0 });
  cleanup.push(() => recall.dispose());
  const queue = await DiskUploadQueue.open({ dataDir: dir });
  cleanup.push(() => queue.close());
  return { dir, storage, recall, queue };
}

function engineOn(s: Awaited<ReturnType<typeof stores>>): Engine {
  const engine = createEngine(config(), { storage: s.storage, recall: s.recall, uploadQueue: s.queue, dataDir: s.dir, healthIntervalMs: 0 });
  cleanup.push(() => engine.dispose());
  return engine;
}

/** Feeds a kick scenario to 2.5 min after onset; returns the advisories published. */
function feedKick(engine: Engine, seed: number): Advisory[] {
  const out: Advisory[] = [];
  engine.on('advisory', (a) => out.push(a));
  const sim = createSimulation({ scenario: 'kick', seed });
  const onset = Date.parse(sim.groundTruth().faults[0].onset);
  for (const p of sim) {
    if (p.timeMs > onset + 150_000) break;
    engine.ingest(makePacket(p.timeMs, p.values));
  }
  return out;
}

describe('outcomes, the fleet queue and recall precedents through the engine', () => {
  it('queues the AMBER/RED event, records the outcome at acknowledgement, changes it later, and audits both', async () => {
    const s = await stores();
    const engine = engineOn(s);
    await engine.start();
    const outcomes: OutcomeRecord[] = [];
    engine.on('outcome', (o) => outcomes.push(o));
    const advisories = feedKick(engine, 1);
    const first = await until('an AMBER/RED advisory', () => advisories.find((a) => a.riskLevel !== 'Low'));
    expect(first.signature?.keyMetrics.flowBalanceGpm).toBe(first.metrics.flowBalanceGpm);

    const eventId = `F-7-${first.id}`;
    const amberRed = new Set(advisories.filter((a) => a.riskLevel !== 'Low').map((a) => a.id)).size;
    await until('every AMBER/RED event on disk', () => s.queue.stats().queued === amberRed);
    const [event] = (await s.queue.pending(100)).filter((e) => e.id === eventId);
    expect(event).toMatchObject({ rigId: 'F-7', wellId: 'NO 15/9-F-7', field: 'Volve', fault: first.fault, outcome: { kind: 'Pending' } });
    expect(event.historyWindow.length).toBe(defaultConfig().physics.history_size);
    expect(event.historyWindow.at(-1)!.timeMs).toBe(first.timeMs);

    const ack = await engine.call('acknowledge', {
      advisoryId: first.id, actor: 'Night driller', action: 'Shut in well', notes: 'SIDPP 300 psi',
      outcome: { kind: 'Resolved', action: 'Shut in, circulated the kick out' },
    });
    expect(ack.ok).toBe(true);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ advisoryId: first.id, actor: 'Night driller', outcome: { kind: 'Resolved', action: 'Shut in, circulated the kick out' } });
    await until('the recall episode', () => s.recall.stats().episodes === 1);
    let queuedOutcome: unknown = null;
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) {
      queuedOutcome = (await s.queue.pending(100)).find((e) => e.id === eventId)?.outcome;
      if ((queuedOutcome as { kind?: string } | undefined)?.kind === 'Resolved') break;
    }
    expect(queuedOutcome).toEqual({ kind: 'Resolved', action: 'Shut in, circulated the kick out' });

    const changed = await engine.call('setOutcome', { advisoryId: first.id, outcome: { kind: 'FalsePositive' }, actor: 'Company man', notes: 'trip tank transfer' });
    expect(changed.ok && changed.value.outcome).toEqual({ kind: 'FalsePositive' });
    const listed = await engine.call('getOutcomes', { advisoryId: first.id });
    expect(listed.ok && listed.value.map((o) => o.outcome.kind)).toEqual(['FalsePositive', 'Resolved']);
    const audit = await engine.call('getAudit', { kind: 'outcome' });
    expect(audit.ok && audit.value.map((e) => e.summary)).toEqual([
      `${first.severity} kick advisory ${first.id} outcome changed to: false alarm`,
      `${first.severity} kick advisory ${first.id} outcome: resolved: Shut in, circulated the kick out`,
    ]);
    expect(audit.ok && audit.value[0].before).toEqual({ kind: 'Resolved', action: 'Shut in, circulated the kick out' });

    const stats = await engine.call('getOutcomeStats', {});
    const kick = stats.ok ? stats.value.find((r) => r.fault === 'kick') : undefined;
    expect(kick).toMatchObject({ falseAlarm: 1, confirmedReal: 0 });
    expect(kick!.advisories).toBe(advisories.filter((a, i, all) => a.fault === 'kick' && all.findIndex((b) => b.id === a.id) === i).length);

    const health = await engine.call('getHealth', {});
    const byName = new Map((health.ok ? health.value.components : []).map((c) => [c.name, c]));
    expect(byName.get('knowledge')?.detail).toMatch(/^recall: 1 of 10,000 episodes, ~0\.0 MB of 48 MB budget$/);
    expect(byName.get('fleet-queue')?.detail).toMatch(/^\d+ events \(\d+ unsent, \d+ unsent RED\), \d+ kB$/);
  }, 60_000);

  it('refuses a bad outcome with a message, and an unknown advisory', async () => {
    const s = await stores();
    const engine = engineOn(s);
    await engine.start();
    const bad = await engine.call('setOutcome', { advisoryId: 'ADV-00000000', outcome: { kind: 'Resolved', action: '  ' }, actor: 'JD' });
    expect(!bad.ok && bad.error).toEqual({ code: 'invalid-request', message: 'outcome.action: the action that resolved it is required' });
    const pending = await engine.call('setOutcome', { advisoryId: 'ADV-00000000', outcome: { kind: 'Pending' }, actor: 'JD' } as never);
    expect(!pending.ok && pending.error.code).toBe('invalid-request');
    const missing = await engine.call('setOutcome', { advisoryId: 'ADV-00000000', outcome: { kind: 'FalsePositive' }, actor: 'JD' });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const range = await engine.call('getOutcomeStats', { sinceMs: 10, untilMs: 5 });
    expect(!range.ok && range.error.message).toBe('untilMs must not be before sinceMs');
  });

  it('shows the outcome of a past kick as a precedent on the next one', async () => {
    const s = await stores();
    const first = engineOn(s);
    await first.start();
    const published = feedKick(first, 1);
    const before = await until('an AMBER/RED advisory', () => published.find((a) => a.riskLevel !== 'Low'));
    await first.call('setOutcome', { advisoryId: before.id, outcome: { kind: 'Resolved', action: 'Shut in, circulated the kick out' }, actor: 'JD' });
    await until('the recall episode', () => s.recall.stats().episodes === 1);
    await first.dispose();

    const second = engineOn(s);
    await second.start();
    const again = feedKick(second, 2);
    const next = await until('the next kick advisory', () => again.find((a) => a.riskLevel !== 'Low'));
    const recalled = next.precedents.filter((p) => p.source === 'recall');
    expect(recalled.map((p) => p.id)).toEqual([`F-7-${before.id}-episode`]);
    expect(recalled[0].summary).toMatch(/^F-7, [\d,]+ ft, .+: kick, shut in, circulated the kick out, resolved$/);
    expect(recalled[0]).toMatchObject({ rig: 'F-7', outcome: { kind: 'Resolved' }, timeMs: before.timeMs });
    expect(recalled[0].similarity!).toBeGreaterThan(0.5);
    // Recall found one; the rest come from the static knowledge base when one is configured (none here).
    expect(next.precedents).toHaveLength(1);
    expect(next.template.reasoning).toContain('kick, shut in, circulated the kick out, resolved [recall]');
  }, 60_000);
});
