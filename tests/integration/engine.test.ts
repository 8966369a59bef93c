// The engine's own commands end to end, beyond what the HTTP tests see: switching the live
// feed, a channel-map change reopening it, the audit trail of each change, and the learned
// baseline surviving a restart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { RuntimeSettingsFile } from '../../src-main/config/runtime-settings.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import type { Engine } from '../../src-main/app/engine.js';
import { createSimulation, startSimulatorServer, type SimulatorServer } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function until(what: string, f: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function engineWith(dataDir: string | null = null): Engine {
  const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), dataDir, healthIntervalMs: 0 });
  cleanup.push(() => engine.dispose());
  return engine;
}

describe('engine commands', () => {
  it('switches to a TCP feed, reopens it when the channel map changes, and audits both', async () => {
    // The simulator speaks the reference layout; the engine starts on the public Record 01 map.
    const sim: SimulatorServer = await startSimulatorServer({ port: 0, scenario: 'normal', seed: 5, speed: 20, channelMap: 'reference' });
    cleanup.push(() => sim.close());
    const engine = engineWith();
    await engine.start();

    const set = await engine.call('setSource', { source: { kind: 'tcp', host: '127.0.0.1', port: sim.port }, actor: 'Night driller' });
    expect(set.ok).toBe(true);
    await until('packets over TCP', () => engine.status().source.packets > 5);
    // Wrong map: the reference layout's flow in (item 0121, ~550 gpm) reads as Record 01's SPP.
    expect(engine.status().packet?.sppPsi as number).toBeLessThan(1000);

    const applied = await engine.call('applyConfig', { config: { acquisition: { channel_map: 'reference' } }, actor: 'Night driller' });
    expect(applied.ok && applied.value.applied).toBe(true);
    await until('packets decoded with the reference map', () => (engine.status().packet?.sppPsi ?? 0) > 2000);
    expect(engine.status().packet?.flowInGpm as number).toBeGreaterThan(300);

    const audit = await engine.call('getAudit', {});
    expect(audit.ok).toBe(true);
    const entries = audit.ok ? audit.value : [];
    const sourceChange = entries.find((e) => e.kind === 'source-change');
    expect(sourceChange?.actor).toBe('Night driller');
    expect(sourceChange?.summary).toContain(`127.0.0.1:${sim.port}`);
    const configChange = entries.find((e) => e.kind === 'config-change');
    expect(configChange?.before).toEqual({ 'acquisition.channel_map': 'wits-record01' });
    expect(configChange?.after).toEqual({ 'acquisition.channel_map': 'reference' });
  }, 30_000);

  it('refuses bad requests with a message instead of throwing', async () => {
    const engine = engineWith();
    await engine.start();
    const bad = await engine.call('acknowledge', { advisoryId: 'ADV-00000000', actor: '', action: 'Monitoring' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('invalid-request');
    expect(!bad.ok && bad.error.message).toContain('actor name is required');
    const missing = await engine.call('acknowledge', { advisoryId: 'ADV-00000000', actor: 'Tool pusher', action: 'Monitoring' });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const campaign = await engine.call('setCampaign', { campaign: 'exploration', actor: 'Company man' });
    expect(!campaign.ok && campaign.error.message).toContain('unknown campaign');
    const series = await engine.call('getMetricSeries', { channels: ['ropFtHr'], fromMs: 10, toMs: 5 });
    expect(!series.ok && series.error.message).toContain('toMs must be after fromMs');
  });

  it('keeps the learned baseline across a restart (no shadow mode the second time)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sairen-engine-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = engineWith(dir);
    await first.start();
    expect(first.status().baseline.mode).toBe('learning');
    for (const s of createSimulation({ scenario: 'normal', seed: 2, durationS: 1200 })) first.ingest(makePacket(s.timeMs, s.values));
    expect(first.status().baseline.mode).toBe('locked');
    await first.dispose();
    const saved = JSON.parse(readFileSync(join(dir, 'baseline_state.json'), 'utf8')) as { schema_version: number };
    expect(saved.schema_version).toBe(2);

    const second = engineWith(dir);
    await second.start();
    expect(second.status().baseline.mode).toBe('locked');
    expect(second.status().health.flags.baselineLearning).toBe(false);
  });
});

describe('run-time changes survive a restart', () => {
  it('keeps the chosen feed, its units, config changes and the campaign; a command-line source still wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sairen-settings-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const sim = await startSimulatorServer({ port: 0, scenario: 'normal', seed: 9, speed: 5 });
    cleanup.push(() => sim.close());
    const simulator = { kind: 'simulator' as const, scenario: 'normal', seed: 1, speed: 1 };
    const boot = (source?: { kind: 'stdin' }) => {
      const e = createEngine(defaultConfig(), { storage: new MemoryStore(), settingsFile: new RuntimeSettingsFile(dir), source, defaultSource: simulator, healthIntervalMs: 0 });
      cleanup.push(() => e.dispose());
      return e;
    };

    const first = boot();
    await first.start();
    expect(first.status().source.kind).toBe('simulator'); // nothing saved yet
    expect(first.status().health.flags.simulatedFeed).toBe(true);
    expect((await first.call('setSource', { source: { kind: 'tcp', host: '127.0.0.1', port: sim.port }, units: 'imperial', actor: 'Driller A' })).ok).toBe(true);
    expect((await first.call('applyConfig', { config: { thresholds: { well_control: { flow_imbalance_warning_gpm: 8 } } }, actor: 'Company man' })).ok).toBe(true);
    expect((await first.call('setCampaign', { campaign: 'pa', actor: 'Company man' })).ok).toBe(true);
    await first.dispose();

    const second = boot();
    await second.start();
    expect(second.status().source.description).toContain(`127.0.0.1:${sim.port}`);
    expect(second.status().health.flags.simulatedFeed).toBe(false);
    expect(second.config().thresholds.well_control.flow_imbalance_warning_gpm).toBe(8);
    expect(second.status().campaign).toBe('plug_abandonment');
    await second.dispose();

    const third = boot({ kind: 'stdin' });
    expect(third.status().source.kind).toBe('stdin');
  });

  it('ignores a corrupt settings file with a warning instead of failing to start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sairen-settings-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'runtime_settings.json'), '{"schema_version": 1, "config": {}, "source": {"kind": "tcp"}');
    const lines: string[] = [];
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), settingsFile: new RuntimeSettingsFile(dir), healthIntervalMs: 0, log: (l) => lines.push(l) });
    cleanup.push(() => engine.dispose());
    await engine.start();
    expect(lines.join('\n')).toMatch(/runtime_settings\.json is not valid JSON: kept as .*runtime_settings\.json\.corrupt-\d{8}T\d{6}Z; saved settings not applied/);
    expect(engine.config().thresholds.well_control.flow_imbalance_warning_gpm).toBe(10);
  });
});
