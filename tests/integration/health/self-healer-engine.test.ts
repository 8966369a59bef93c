// Issue 15 through the engine, on loopback with real parts: health lists every component with
// since-when and the self-healer's last action (Bridge and /api/v1/health); a connected feed that
// goes silent is reconnected through the source by the self-healer; the API listener check asks
// our own server and, once the server is gone, says a person must restart it; the engine's log
// lines reach the engineer view through getLogTail.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { HealthReport } from '../../../src-shared/health.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { ApiListenerCheck } from '../../../src-main/health/checks/api-listener-check.js';
import { startApiServer } from '../../../src-main/headless/server.js';
import { createLogger } from '../../../src-main/logging/logger.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { frame, waitFor } from '../acquisition/helpers.js';

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-healer-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}
const component = (h: HealthReport, name: string) => h.components.find((c) => c.name === name);
async function health(engine: ReturnType<typeof createEngine>): Promise<HealthReport> {
  const r = await engine.call('getHealth', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A rig's WITS server that sends `frames` frames on each new connection, then nothing. */
async function silentAfter(frames: number): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    let i = 0;
    const t = setInterval(() => {
      if (i >= frames || s.destroyed) return clearInterval(t);
      s.write(frame(i++));
    }, 20);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    port: (srv.address() as net.AddressInfo).port,
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}

describe('the self-healer in the engine', () => {
  it('lists every component with since-when; the log reaches getLogTail; the API check answers, then needs a person once the server is gone', async () => {
    const dir = tempDir();
    const logger = createLogger({ dataDir: dir });
    cleanup.push(() => logger.close());
    const storage = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
    cleanup.push(() => storage.dispose());
    const engine = createEngine(defaultConfig(), {
      storage, dataDir: dir, logger, healthIntervalMs: 0, selfHealIntervalMs: 0,
      source: { kind: 'simulator', scenario: 'normal', seed: 1, speed: 50 },
    });
    cleanup.push(() => engine.dispose());
    await engine.start();
    const server = await startApiServer(engine, { host: '127.0.0.1', port: 0 });
    let serverOpen = true;
    cleanup.push(() => serverOpen && server.close());
    engine.registerHealthCheck(new ApiListenerCheck({ host: '127.0.0.1', port: server.port }));
    await waitFor(() => engine.status().counts.packets > 20, 10_000, 'packets');

    let h = await health(engine);
    expect(h.components.map((c) => c.name)).toEqual(['feed', 'storage', 'config', 'llm', 'knowledge', 'baseline', 'disk', 'channels', 'flow-out', 'api']);
    expect(component(h, 'channels')).toMatchObject({ status: 'healthy', detail: 'no channel reads as missing' });
    for (const c of h.components) expect(c.sinceMs).toBeGreaterThan(0);
    expect(component(h, 'config')).toMatchObject({ status: 'healthy', detail: 'configuration from built-in defaults' });
    expect(component(h, 'api')?.detail).toMatch(/first self-check pending/);

    await engine.runSelfHealer();
    h = await health(engine);
    expect(h.healer).toMatchObject({ passes: 1, lastPassMs: expect.any(Number) });
    expect(component(h, 'api')).toMatchObject({ status: 'healthy', detail: expect.stringMatching(/^answering on http:\/\/127\.0\.0\.1:\d+\/api\/v1\/health \(\d+ ms\)$/) });
    expect(component(h, 'storage')?.detail).toMatch(/database \d+ MB, metrics: raw [\d.]+ days, 1-min [\d.]+ days, 10-min [\d.]+ days; data directory \d+ MB of 8192 MB cap; structure ok/);
    expect(component(h, 'baseline')).toMatchObject({ status: 'degraded', detail: expect.stringContaining('learning') });
    expect(h.overall).toBe('healthy'); // learning is a mode, not a fault
    // The same over HTTP, with since-when on every component.
    const viaHttp = (await (await fetch(`${server.url}/api/v1/health`)).json()) as HealthReport;
    expect(viaHttp.components.find((c) => c.name === 'api')).toMatchObject({ status: 'healthy', sinceMs: expect.any(Number) });
    expect(viaHttp.storage.usage).toMatchObject({ databaseBytes: expect.any(Number), rawDays: expect.any(Number) });

    await server.close();
    serverOpen = false;
    await engine.runSelfHealer();
    h = await health(engine);
    expect(component(h, 'api')).toMatchObject({
      status: 'unhealthy',
      detail: expect.stringMatching(/not answering: /),
      lastHeal: { action: 'ManualInterventionRequired', detail: expect.stringContaining('restart SAIREN'), atMs: expect.any(Number) },
    });
    expect(h.overall).toBe('unhealthy');
    const audit = await engine.call('getAudit', { kind: 'self-heal' });
    expect(audit.ok && audit.value[0]).toMatchObject({ actor: 'self-healer', summary: expect.stringMatching(/^api: ManualInterventionRequired: /) });

    const tail = await engine.call('getLogTail', { lines: 50 });
    expect(tail.ok).toBe(true);
    if (!tail.ok) return;
    expect(tail.value.file).toBe(path.join(dir, 'logs', 'sairen.log'));
    expect(tail.value.lines.some((l) => l.level === 'warn' && l.component === 'api' && /health: api unhealthy/.test(l.message))).toBe(true);
    expect(tail.value.lines.some((l) => l.level === 'error' && /self-healer: api: ManualInterventionRequired/.test(l.message))).toBe(true);
    expect(await engine.call('getLogTail', { lines: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('a connected feed that goes silent: OFFLINE after the feed timeout, then the self-healer reconnects it through the source', async () => {
    const rig = await silentAfter(5);
    cleanup.push(() => rig.close());
    const config = defaultConfig();
    config.acquisition.feed_timeout_s = 2;
    const engine = createEngine(config, {
      storage: new MemoryStore(), healthIntervalMs: 0, selfHealIntervalMs: 0,
      source: { kind: 'tcp', host: '127.0.0.1', port: rig.port },
    });
    cleanup.push(() => engine.dispose());
    await engine.start();
    await waitFor(() => engine.status().counts.packets >= 5, 5000, 'the first frames');
    await new Promise((r) => setTimeout(r, 2300));
    let h = await health(engine);
    expect(component(h, 'feed')).toMatchObject({ status: 'unhealthy', detail: expect.stringMatching(/OFFLINE, no packet for 2 s \(connected\)/) });
    expect(h.flags.feedOffline).toBe(true);

    await engine.runSelfHealer();
    h = await health(engine);
    expect(component(h, 'feed')?.lastHeal).toMatchObject({ action: 'Reconnected', detail: expect.stringMatching(/^reconnect 1 started \(OFFLINE, no packet for 2 s/) });
    await waitFor(() => rig.connections() === 2, 5000, 'the self-healer reconnecting');
    await waitFor(() => engine.status().counts.packets >= 10, 8000, 'frames on the new link');
    expect(component(await health(engine), 'feed')?.status).toBe('healthy');
    // A second silence within the backoff is left to the source.
    await new Promise((r) => setTimeout(r, 2300));
    await engine.runSelfHealer();
    expect(component(await health(engine), 'feed')?.lastHeal).toMatchObject({ action: 'Reconnected', detail: expect.stringMatching(/^reconnect 1 started/) });
  }, 30_000);
});
