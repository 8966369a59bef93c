// What the Settings source panel relies on: the source in use (with its settings) in every
// status, a status pushed the moment the feed's state changes (no packet needed), and
// testSource trying a connection without applying it.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import type { LiveStatus } from '../../src-shared/status.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { startSimulatorServer } from '../../src-main/simulator/index.js';
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

describe('source status for the screens', () => {
  it('status names the source in use with its settings; a dropped feed is pushed as reconnecting at once', async () => {
    const sim = await startSimulatorServer({ port: 0, scenario: 'normal', seed: 5, speed: 5 });
    let simOpen = true;
    cleanup.push(() => simOpen && sim.close());
    const tcp = { kind: 'tcp' as const, host: '127.0.0.1', port: sim.port };
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), source: tcp, healthIntervalMs: 0, statusIntervalMs: 60_000 });
    cleanup.push(() => engine.dispose());
    const pushed: LiveStatus[] = [];
    engine.on('status', (s) => pushed.push(s));
    await engine.start();
    await until('connected', () => engine.status().source.state === 'connected');
    expect(engine.status().source.config).toEqual(tcp);
    // the state change itself was pushed (the 60 s status interval would hold back packet pushes)
    expect(pushed.some((s) => s.source.state === 'connected')).toBe(true);

    const before = pushed.length;
    await sim.close();
    simOpen = false;
    await until('reconnecting pushed', () => pushed.slice(before).some((s) => s.source.state === 'reconnecting'), 5000);
  });

  it('testSource tries a connection and applies nothing', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), source: null, healthIntervalMs: 0 });
    cleanup.push(() => engine.dispose());
    await engine.start();
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as net.AddressInfo).port;

    const ok = await engine.call('testSource', { source: { kind: 'tcp', host: '127.0.0.1', port } });
    expect(ok.ok && ok.value.ok).toBe(true);
    expect(ok.ok && ok.value.message).toContain(`127.0.0.1:${port}`);
    expect(engine.status().source.config).toBeNull(); // nothing applied

    const bad = await engine.call('testSource', { source: { kind: 'serial', path: '/dev/ttyNOPE', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'xonxoff' } });
    expect(bad.ok && bad.value.ok).toBe(false);
    const invalid = await engine.call('testSource', { source: { kind: 'tcp', host: '', port: 0 } });
    expect(invalid.ok).toBe(false);
  });
});
