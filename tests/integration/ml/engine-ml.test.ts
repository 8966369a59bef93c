// The ML engine inside the real engine (createEngine, SQLite in a temp dir, the worker thread):
// hourly reports on data time, stored then published, the optimum quoted by advisories, kept
// across a restart, and the same reports as the inline (replay) path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { defaultConfig } from '../../../src-shared/config.js';
import type { MlReport } from '../../../src-shared/ml.js';
import { makePacket } from '../../../src-shared/wits.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import type { Engine } from '../../../src-main/app/engine.js';
import { InlineMlRunner } from '../../../src-main/ml/runner.js';
import { createSimulation } from '../../../src-main/simulator/index.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);

/** Feeds 4 h of the mixed scenario (kick, pack-off, stick-slip, washout, founder at ~02:51); with `reportsSoFar`, waits at each hour for that hour's report as
 *  a live feed would (the next packet is a second away), so later advisories can quote it. */
async function feed(engine: Engine, reportsSoFar?: () => number): Promise<void> {
  let hours = 0;
  for (const s of createSimulation({ scenario: 'mixed', seed: 1, durationS: 4 * 3600 })) {
    engine.ingest(makePacket(s.timeMs, s.values));
    if (reportsSoFar && s.timeMs >= T0 + (hours + 1) * HOUR) {
      hours++;
      await until(() => reportsSoFar() >= hours);
    }
  }
}

async function until(what: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ML engine in the running engine (worker thread, SQLite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-ml-'));
  let storage: SqliteStore;
  let engine: Engine;
  const reports: MlReport[] = [];
  const advisories: Advisory[] = [];

  beforeAll(async () => {
    storage = SqliteStore.open({ dataDir, metricsFlushMs: 0 });
    engine = createEngine(defaultConfig(), { storage, dataDir, healthIntervalMs: 0, statusIntervalMs: 60_000 });
    engine.on('mlReport', (r) => reports.push(r));
    engine.on('advisory', (a) => advisories.push(a));
    await engine.start();
    await feed(engine, () => reports.length);
    await until(() => reports.length === 3);
  });

  afterAll(async () => {
    await engine?.dispose();
    await storage?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports every hour of data time over the last 2 h, in order', () => {
    expect(reports.map((r) => (r.timeMs - T0) / HOUR)).toEqual([1, 2, 3]);
    expect(reports.every((r) => r.trigger === 'schedule' && r.windowEndMs <= r.timeMs && r.windowStartMs > r.timeMs - 2 * HOUR)).toBe(true);
    expect(reports.filter((r) => r.result.status === 'success').length).toBeGreaterThanOrEqual(2);
  });

  it('stores before publishing: latest and nearest-depth answer from the database', async () => {
    const latest = await engine.call('getMlLatest', {});
    expect(latest.ok && latest.value?.id).toBe(reports[2].id);
    const ok = reports.filter((r) => r.result.status === 'success');
    const first = ok[0];
    const near = await engine.call('getMlOptimal', { depthFt: (first.depthRange?.fromFt ?? 0) - 50 });
    expect(near.ok && near.value?.result.status).toBe('success');
    const bad = await engine.call('getMlOptimal', { depthFt: -5 });
    expect(bad.ok).toBe(false);
  });

  it('the founder advisory quotes the formation optimum learned an hour earlier', () => {
    const founder = advisories.find((a) => a.fault === 'founder' && a.timeMs > T0 + HOUR);
    expect(founder).toBeDefined();
    expect(founder?.template.recommendation).toMatch(/is (above|inside|below) this formation's best range \d+\.\d klbf to \d+\.\d klbf/);
    expect(founder?.template.reasoning).toContain('ML optimum for this formation');
  });

  it('run now is refused while ml.enabled is false and audited when it runs', async () => {
    const off = await engine.call('applyConfig', { config: { ml: { enabled: false } }, actor: 'test' });
    expect(off.ok).toBe(true);
    const refused = await engine.call('runMlNow', { actor: 'engineer' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    await engine.call('applyConfig', { config: { ml: { enabled: true } }, actor: 'test' });
    const run = await engine.call('runMlNow', { actor: 'engineer' });
    expect(run.ok && run.value.kind).toBe('report');
    const audit = await engine.call('getAudit', { kind: 'ml-run' });
    expect(audit.ok && audit.value[0].actor).toBe('engineer');
  });

  it('a restarted engine answers from the stored reports', async () => {
    await engine.dispose();
    await storage.dispose();
    storage = SqliteStore.open({ dataDir, metricsFlushMs: 0 });
    engine = createEngine(defaultConfig(), { storage, dataDir, healthIntervalMs: 0 });
    await engine.start();
    const latest = await engine.call('getMlLatest', {});
    expect(latest.ok && latest.value?.trigger).toBe('manual');
  });

  it('the worker path gives the same reports as the inline (replay) path', async () => {
    const inline = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0, statusIntervalMs: 60_000, mlRunner: new InlineMlRunner() });
    const inlineReports: MlReport[] = [];
    inline.on('mlReport', (r) => inlineReports.push(r));
    await inline.start();
    await feed(inline);
    await inline.dispose();
    const scheduled = reports.filter((r) => r.trigger === 'schedule');
    expect(inlineReports).toHaveLength(3);
    // Compared as text, so a difference fails without printing two 100 kB reports.
    expect(inlineReports.map((r) => JSON.stringify(r) === JSON.stringify(scheduled[inlineReports.indexOf(r)]))).toEqual([true, true, true]);
  });
});
