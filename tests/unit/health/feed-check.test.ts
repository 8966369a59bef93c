// The feed component of health: a dropped link, a quiet one, a slow sender and a byte trickle are
// each named for what they are (issue 11 item 14, issue 15), and the self-healer reconnects a feed
// that stays silent, with a doubling wait between its reconnects. Clock and source are injected.
import { describe, expect, it } from 'vitest';
import type { SourceState, SourceStatus } from '../../../src-shared/source.js';
import { FeedActivity, FeedCheck } from '../../../src-main/health/checks/feed-check.js';

function rig(state: SourceState = 'connected', detail = '', kind: SourceStatus['kind'] = 'tcp') {
  let now = 1_000_000;
  const source: SourceStatus = { kind, description: 'WITS TCP rig:5000', state, units: 'imperial', lastPacketMs: null, packets: 0, rejected: 0, badLines: 0, detail };
  const activity = new FeedActivity(() => now);
  const reconnects: string[] = [];
  let canReconnect = true;
  const check = new FeedCheck({
    clock: () => now,
    activity,
    source: () => source,
    feedTimeoutMs: () => 30_000,
    reconnect: (why) => {
      reconnects.push(why);
      return canReconnect;
    },
    reconnectMaxMs: () => 120_000,
  });
  return {
    check,
    source,
    reconnects,
    cannotReconnect: () => (canReconnect = false),
    advance: (ms: number) => (now += ms),
    packets(n: number, everyMs: number) {
      for (let i = 0; i < n; i++) {
        now += everyMs;
        activity.packetReceived();
      }
    },
  };
}

describe('feed check', () => {
  it('receiving at 1 Hz is healthy', () => {
    const r = rig();
    r.packets(10, 1000);
    expect(r.check.check()).toMatchObject({ status: 'healthy', reason: 'WITS TCP rig:5000: receiving' });
  });

  it('a dropped link reads reconnecting at once, OFFLINE once the packet timeout has run out', () => {
    const r = rig();
    r.packets(10, 1000);
    r.source.state = 'reconnecting';
    r.source.detail = 'connection closed by the rig; retry 1 in 2 s';
    r.advance(200);
    const c = r.check.check();
    expect(c.status).toBe('degraded');
    expect(c.reason).toContain('connection lost, reconnecting (connection closed by the rig; retry 1 in 2 s)');
    expect(c.flags).toMatchObject({ feedReconnecting: true, feedOffline: false });
    r.advance(31_000);
    expect(r.check.check()).toMatchObject({ status: 'unhealthy', flags: { feedReconnecting: true, feedOffline: true } });
  });

  it('a link that is up but sends nothing is named silent before it is called offline', () => {
    const r = rig();
    r.packets(10, 1000);
    r.advance(4000);
    expect(r.check.check().status).toBe('healthy');
    r.advance(3000);
    expect(r.check.check()).toMatchObject({ status: 'degraded', reason: 'WITS TCP rig:5000: connected but silent: no packet for 7 s' });
    r.advance(25_000);
    const c = r.check.check();
    expect(c.status).toBe('unhealthy');
    expect(c.flags).toMatchObject({ feedOffline: true, feedReconnecting: false });
  });

  it('a sender far below 1 Hz is named slow; its own pace sets when silence starts', () => {
    const r = rig();
    r.packets(10, 12_000);
    expect(r.check.check().reason).toContain('receiving slowly: one packet every 12 s');
    r.advance(20_000);
    expect(r.check.check().reason).toContain('receiving slowly');
  });

  it('bytes trickling in without a complete frame are named: sender too slow, not a dead link', () => {
    const r = rig();
    r.packets(5, 1000);
    r.advance(40_000);
    r.source.lastByteMs = 1_000_000 + 5000 + 39_000; // a byte a second ago
    expect(r.check.check()).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('OFFLINE, sender too slow: bytes arriving but no complete packet for 40 s (connected)') });
  });

  it('the source saying offline wins; an ended simulation is not reconnected', async () => {
    const r = rig('offline', 'simulation finished', 'simulator');
    r.packets(3, 1000);
    const c = r.check.check();
    expect(c).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('OFFLINE, simulation finished'), flags: { feedOffline: true, simulatedFeed: true } });
    expect(await r.check.heal(c)).toMatchObject({ action: 'NoActionNeeded', detail: expect.stringContaining('has ended') });
    expect(r.reconnects).toEqual([]);
  });

  it('heal: reconnects a silent feed through the source, then waits 30 s, 60 s, 120 s (capped) between reconnects', async () => {
    const r = rig();
    r.packets(5, 1000);
    r.advance(31_000);
    const c = r.check.check();
    expect(await r.check.heal(c)).toMatchObject({ action: 'Reconnected', detail: expect.stringMatching(/^reconnect 1 started \(OFFLINE, no packet for 31 s \(connected\)\); the next no sooner than 30 s$/) });
    expect(r.reconnects[0]).toMatch(/^self-healer: OFFLINE, no packet/);
    r.advance(20_000);
    expect(await r.check.heal(r.check.check())).toMatchObject({ action: 'NoActionNeeded', detail: expect.stringContaining('the self-healer reconnects again at') });
    r.advance(10_000);
    expect((await r.check.heal(r.check.check())).detail).toMatch(/^reconnect 2 .* no sooner than 60 s$/);
    r.advance(60_000);
    expect((await r.check.heal(r.check.check())).detail).toMatch(/^reconnect 3 .* no sooner than 120 s$/);
    r.advance(120_000);
    expect((await r.check.heal(r.check.check())).detail).toMatch(/^reconnect 4 .* no sooner than 120 s$/);
    expect(r.reconnects).toHaveLength(4);
    // Packets again: the next outage starts from 30 s.
    r.packets(3, 1000);
    expect(r.check.check().status).toBe('healthy');
    r.advance(31_000);
    expect((await r.check.heal(r.check.check())).detail).toMatch(/^reconnect 1 .* no sooner than 30 s$/);
  });

  it('heal: a source that cannot reconnect needs a person', async () => {
    const r = rig();
    r.cannotReconnect();
    r.packets(2, 1000);
    r.advance(40_000);
    expect(await r.check.heal(r.check.check())).toMatchObject({ action: 'ManualInterventionRequired', detail: expect.stringContaining('cannot be reconnected from here') });
  });
});
