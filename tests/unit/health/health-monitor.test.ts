// The feed component of health: a dropped link, a quiet one and a slow sender are each named
// for what they are (issue 11 item 14). Clock and source status are injected.
import { describe, expect, it } from 'vitest';
import type { HealthReport, StorageHealth } from '../../../src-shared/health.js';
import type { SourceState, SourceStatus } from '../../../src-shared/source.js';
import { HealthMonitor } from '../../../src-main/health/health-monitor.js';

function rig(state: SourceState = 'connected', detail = '') {
  let now = 1_000_000;
  const source: SourceStatus = { kind: 'tcp', description: 'WITS TCP rig:5000', state, units: 'imperial', lastPacketMs: null, packets: 0, rejected: 0, badLines: 0, detail };
  const storage: StorageHealth = { status: 'healthy', detail: 'ok', diskFull: false, pendingAdvisories: 0 };
  const monitor = new HealthMonitor({
    clock: () => now,
    dataDir: null,
    feedTimeoutMs: () => 30_000,
    source: () => source,
    storage: () => storage,
    llm: () => ({ mode: 'template-only', model: null, device: null, detail: 'no model' }),
    baselineLearning: () => false,
    knowledgeHealthy: () => true,
    onChange: () => undefined,
  });
  const feed = (h: HealthReport = monitor.evaluate()) => h.components.find((c) => c.name === 'feed')!;
  return {
    monitor,
    source,
    feed,
    advance: (ms: number) => (now += ms),
    /** Packets every `everyMs` for `n` packets. */
    packets(n: number, everyMs: number) {
      for (let i = 0; i < n; i++) {
        now += everyMs;
        monitor.packetReceived();
      }
    },
  };
}

describe('feed health', () => {
  it('receiving at 1 Hz is healthy', () => {
    const r = rig();
    r.packets(10, 1000);
    expect(r.feed()).toMatchObject({ status: 'healthy', detail: 'WITS TCP rig:5000: receiving' });
  });

  it('a dropped link reads reconnecting at once, OFFLINE once the packet timeout has run out', () => {
    const r = rig();
    r.packets(10, 1000);
    r.source.state = 'reconnecting';
    r.source.detail = 'connection closed by the rig; retry 1 in 2 s';
    r.advance(200);
    const h = r.monitor.evaluate();
    expect(r.feed(h).status).toBe('degraded');
    expect(r.feed(h).detail).toContain('connection lost, reconnecting (connection closed by the rig; retry 1 in 2 s)');
    expect(h.flags).toMatchObject({ feedReconnecting: true, feedOffline: false });
    r.advance(31_000);
    const later = r.monitor.evaluate();
    expect(r.feed(later).status).toBe('unhealthy');
    expect(later.flags).toMatchObject({ feedReconnecting: true, feedOffline: true });
  });

  it('a link that is up but sends nothing is named silent before it is called offline', () => {
    const r = rig();
    r.packets(10, 1000);
    r.advance(4000);
    expect(r.feed().status).toBe('healthy');
    r.advance(3000);
    expect(r.feed()).toMatchObject({ status: 'degraded', detail: 'WITS TCP rig:5000: connected but silent: no packet for 7 s' });
    r.advance(25_000);
    const h = r.monitor.evaluate();
    expect(r.feed(h).status).toBe('unhealthy');
    expect(h.flags.feedOffline).toBe(true);
    expect(h.flags.feedReconnecting).toBe(false);
  });

  it('a sender far below 1 Hz is named slow', () => {
    const r = rig();
    r.packets(10, 12_000);
    expect(r.feed()).toMatchObject({ status: 'degraded', detail: expect.stringContaining('receiving slowly: one packet every 12 s') });
    // Its own pace sets when silence starts: 20 s without a packet is not yet silent for it.
    r.advance(20_000);
    expect(r.feed().detail).toContain('receiving slowly');
  });

  it('the source saying offline wins', () => {
    const r = rig('offline', 'replay finished: 100 packets');
    r.packets(3, 1000);
    const h = r.monitor.evaluate();
    expect(r.feed(h)).toMatchObject({ status: 'unhealthy', detail: expect.stringContaining('OFFLINE, replay finished: 100 packets') });
    expect(h.flags.feedOffline).toBe(true);
  });
});
