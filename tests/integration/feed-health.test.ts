// Feed health follows the TCP link at once (issue 11 item 14): when the rig's WITS server drops
// the connection, health says "reconnecting" on the spot instead of "healthy: receiving" until
// the 30 s packet timeout runs out. Real sockets on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import type { HealthReport } from '../../src-shared/health.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';
import { FakeRigServer, waitFor } from './acquisition/helpers.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

const feedOf = (h: HealthReport) => h.components.find((c) => c.name === 'feed');

describe('feed health over TCP (loopback)', () => {
  it('says reconnecting as soon as the rig drops the link, and receiving again once it is back', async () => {
    const rig = new FakeRigServer(20);
    const port = await rig.start();
    cleanup.push(() => rig.kill());
    // The default 30 s packet timeout: the drop must show long before it runs out.
    const engine = createEngine(defaultConfig(), {
      storage: new MemoryStore(),
      source: { kind: 'tcp', host: '127.0.0.1', port },
      healthIntervalMs: 0,
      selfHealIntervalMs: 0,
    });
    cleanup.push(() => engine.dispose());
    const reports: HealthReport[] = [];
    engine.on('health', (h) => reports.push(h));
    await engine.start();
    await waitFor(() => engine.status().counts.packets >= 5, 5000, 'packets from the rig');
    expect(engine.status().source.state).toBe('connected');

    const seen = reports.length;
    const droppedAt = Date.now();
    await rig.kill();
    const after = () => reports.slice(seen);
    await waitFor(() => after().length > 0, 2000, 'a health report after the drop');
    expect(Date.now() - droppedAt).toBeLessThan(2000);
    // The very first report after the drop already says so.
    const h = after()[0];
    expect(h.flags.feedReconnecting).toBe(true);
    expect(feedOf(h)?.status).toBe('degraded');
    expect(feedOf(h)?.detail).toMatch(/connection lost, reconnecting/);
    expect(h.flags.feedOffline).toBe(false);
    expect(engine.status().health.flags.feedReconnecting).toBe(true);

    const rig2 = new FakeRigServer(20);
    await rig2.start(port);
    cleanup.push(() => rig2.kill());
    await waitFor(() => engine.status().source.state === 'connected', 8000, 'connected again');
    const before = engine.status().counts.packets;
    await waitFor(() => engine.status().counts.packets >= before + 5, 5000, 'packets again');
    const now = engine.call('getHealth', {});
    const back = await now;
    expect(back.ok).toBe(true);
    const report = (back as { ok: true; value: HealthReport }).value;
    expect(feedOf(report)?.status).toBe('healthy');
    expect(report.flags.feedReconnecting).toBe(false);
  }, 20_000);
});
