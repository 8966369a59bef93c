// Issue 15 fault test, feed loss, on loopback with the real simulator TCP server: the simulator is
// killed a few seconds into a kick; the engine shows reconnecting at once and OFFLINE after the
// feed timeout; the simulator comes back on the same port where the scenario would be 45 s of
// simulated time later (--from); the feed reconnects by itself, packets flow, the feed is healthy
// again and the kick is detected from the packets after the reconnection. The simulator runs at
// 100x, so the outage lasts the feed timeout plus a little of wall time. Its frames carry their
// own WITS Date/Time items (0105/0106) and the engine reads them (acquisition.packet_time =
// "frame"), so the sped-up feed keeps its real drilling rates: a receive stamp would squeeze 100 s
// of pit gain into one second. Detection thresholds are the defaults.
import { afterEach, describe, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { startSimulatorServer, type SimulatorServer } from '../../../src-main/simulator/server.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { waitFor } from '../acquisition/helpers.js';

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const T0 = Date.UTC(2026, 0, 1);
const SPEED = 100;
const sim = (port: number, fromS: number): Promise<SimulatorServer> =>
  startSimulatorServer({ port, scenario: 'kick', seed: 1, speed: SPEED, startMs: T0, fromS, channelMap: 'wits-record01', dateTime: true });
/** Where the first server starts: enough drilling before the kick for the baseline to lock (out of shadow mode). */
const LEAD_IN_S = 400;

describe('feed loss in the middle of a kick', () => {
  it('reconnecting at once, OFFLINE after the timeout, reconnected by itself, healthy again, and the kick detected after it', async () => {
    const probe = await sim(0, 0);
    const onsetS = (Date.parse(probe.groundTruth().faults[0]!.onset) - T0) / 1000;
    await probe.close();
    const fromS = onsetS - LEAD_IN_S;
    let server = await sim(0, fromS);
    const port = server.port;
    cleanup.push(() => server.close());
    const config = defaultConfig();
    config.acquisition.feed_timeout_s = 2;
    config.acquisition.packet_time = 'frame';
    const engine = createEngine(config, {
      storage: new MemoryStore(), healthIntervalMs: 200, selfHealIntervalMs: 1000,
      source: { kind: 'tcp', host: '127.0.0.1', port },
    });
    cleanup.push(() => engine.dispose());
    const kickAdvisories: Advisory[] = [];
    engine.on('advisory', (a) => a.fault === 'kick' && kickAdvisories.push(a));
    await engine.start();
    const feed = async () => {
      const h = await engine.call('getHealth', {});
      return h.ok ? h.value.components.find((c) => c.name === 'feed') : undefined;
    };

    // The simulator ran before we connected: kill it a few seconds after the kick began.
    await waitFor(() => server.framesSent() >= LEAD_IN_S + 5, 30_000, 'the kick beginning');
    await server.close();
    const sentBefore = fromS + server.framesSent();
    const lastTimeBeforeMs = engine.status().packet?.timeMs ?? 0;
    // Killed before the kick was detected: what is detected later comes from the packets after the gap.
    expect(kickAdvisories).toEqual([]);
    expect(lastTimeBeforeMs).toBeGreaterThan(T0 + onsetS * 1000);
    await waitFor(() => engine.status().source.state === 'reconnecting', 1500, 'reconnecting at once');
    const lostAt = Date.now();
    expect((await feed())?.status).not.toBe('healthy');
    let offline = await feed();
    while (offline?.status !== 'unhealthy' && Date.now() - lostAt < 5000) {
      await new Promise((r) => setTimeout(r, 100));
      offline = await feed();
    }
    expect(offline?.detail).toMatch(/OFFLINE/);
    expect(Date.now() - lostAt).toBeGreaterThanOrEqual(1500); // not before the 2 s feed timeout
    const packetsAtLoss = engine.status().counts.packets;

    // Back on the same port, where the scenario would be 45 s of simulated time later.
    server = await sim(port, sentBefore + 45);
    await waitFor(() => engine.status().source.state === 'connected' && engine.status().counts.packets > packetsAtLoss + 20, 20_000, 'the feed back by itself');
    expect((await feed())?.status).toBe('healthy');
    expect(engine.status().health.overall).not.toBe('unhealthy');

    await waitFor(() => kickAdvisories.length > 0, 20_000, 'the kick detected after the reconnection');
    const kick = kickAdvisories[0]!;
    expect(kick.category).toBe('WellControl');
    // Stamped by the frames' own clock: at least the 45 s outage after the last packet before it.
    expect(kick.timeMs - lastTimeBeforeMs).toBeGreaterThanOrEqual(45_000);
    expect(engine.status().events.find((e) => e.fault === 'kick')).toBeDefined();
  }, 60_000);
});
