// The rig side of the fleet against a real hub on loopback (PostgreSQL, HTTP, zstd all real),
// with a real TCP proxy to take the link down or cut it mid-reply, the real disk upload queue
// and real RAM recall in temp data directories. Only the clock is virtual, for the outage day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetUploader } from '../../../src-main/fleet/fleet-uploader.js';
import { HubClient, emptyTraffic } from '../../../src-main/fleet/hub-client.js';
import { LibrarySync } from '../../../src-main/fleet/library-sync.js';
import { MemorySyncState } from '../../../src-main/fleet/sync-state.js';
import type { RunningHub } from '../../../src-hub/server.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';
import { DiskUploadQueue } from '../../../src-main/fleet/upload-queue.js';
import { RamRecall } from '../../../src-main/knowledge/ram-recall.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { CountingSink, VirtualClock, waitFor } from '../../support/fleet-ports.js';
import { registerRig, startTestHub, uploadEvent } from '../../support/hub.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';

const HOUR = 3_600_000;
let db: TestDatabase;
let hub: RunningHub;
let proxy: TcpProxy;
let sql: pg.Client;
const keys: Record<string, string> = {};
const vc = new VirtualClock(Date.now());

beforeAll(async () => {
  db = await freshDatabase('fleet_link');
  // The hub shares the virtual clock so a simulated day is a day for it too.
  hub = await startTestHub(db.url, { SAIREN_HUB_LIBRARY_PAGE: '250', SAIREN_HUB_RATE_LIMIT_PER_MIN: '100000' }, { clock: vc.clock });
  proxy = await startTcpProxy(hub.port);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  for (const rig of ['RIG-A', 'RIG-B']) keys[rig] = await registerRig(hub.url, rig);
});

const cleanup: (() => Promise<unknown> | unknown)[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sairen-fleet-link-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function diskQueue(): Promise<DiskUploadQueue> {
  const q = await DiskUploadQueue.open({ dataDir: tempDir() });
  cleanup.push(() => q.close());
  return q;
}

async function recall(): Promise<RamRecall> {
  const dir = tempDir();
  const storage = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
  cleanup.push(() => storage.dispose());
  const r = await RamRecall.open({ store: storage, dataDir: dir, saveDelayMs: 0, capacity: 5000 });
  cleanup.push(() => r.dispose());
  return r;
}

afterAll(async () => {
  while (cleanup.length) await cleanup.pop()?.();
  await sql?.end();
  await proxy?.close();
  await hub?.close();
  await db?.drop();
});

/** Events in the queue not yet uploaded (the queue also keeps uploaded ones until its cap). */
const waiting = (q: DiskUploadQueue) => {
  const st = q.stats();
  return st.queued - st.uploaded;
};

const hubEvents = async (rig: string) =>
  (await sql.query<{ id: string }>('SELECT id FROM events WHERE rig_id = $1 ORDER BY id', [rig])).rows.map((r) => r.id);

describe('fleet uploader', () => {
  it('queues through a simulated day with the hub down, then delivers every event exactly once', async () => {
    const queue = await diskQueue();
    const client = new HubClient({ hubUrl: proxy.url, rigId: 'RIG-A', key: keys['RIG-A'] }, { clock: vc.clock, timeoutMs: 5000 });
    const uploader = new FleetUploader({ queue, client: () => client, sleeper: vc, clock: vc.clock });
    await proxy.setMode({ kind: 'down' });
    const start = vc.nowMs;
    const events = Array.from({ length: 24 }, (_, h) => makeFleetEvent({ rigId: 'RIG-A', timeMs: start + h * HOUR, depthFt: 8_000 + h * 200, riskLevel: h % 3 ? 'High' : 'Critical' }));
    let next = 0;
    const enqueueDue = async () => {
      while (next < events.length && events[next].timeMs <= vc.nowMs) {
        await queue.enqueue(events[next++]);
        uploader.wake();
      }
    };
    await enqueueDue();
    uploader.start();
    // Let the virtual day pass: events arrive hourly, every upload attempt is refused.
    await waitFor(async () => {
      await enqueueDue();
      return vc.nowMs - start >= 24 * HOUR;
    }, 60_000, 'a simulated day');
    expect(await hubEvents('RIG-A')).toEqual([]);
    expect(queue.stats()).toMatchObject({ queued: 24, uploaded: 0 });
    expect(waiting(queue)).toBe(24);
    expect(uploader.status.reachable).toBe(false);
    // Backoff: 2, 4, 8, 16 s, then 15 min, then again.
    const failures = vc.waits.filter((w) => w !== 60_000);
    expect(failures.slice(0, 10)).toEqual([2_000, 4_000, 8_000, 16_000, 900_000, 2_000, 4_000, 8_000, 16_000, 900_000]);
    expect(failures.length).toBeGreaterThan(400); // ~93 cycles of 5 tries in 24 h

    // The hub comes back; the first retry after it delivers the lot, each event once.
    await proxy.setMode({ kind: 'pass' });
    await waitFor(() => waiting(queue) === 0, 60_000, 'the queue to drain');
    await uploader.dispose();
    expect(await hubEvents('RIG-A')).toEqual(events.map((e) => e.id).sort());
    expect(uploader.status).toMatchObject({ uploaded: 24, duplicates: 0, rejected: 0, reachable: true, lastError: null });
  });

  it('marks an event uploaded once the hub has it, even when the reply was lost on the way back', async () => {
    const queue = await diskQueue();
    const client = new HubClient({ hubUrl: proxy.url, rigId: 'RIG-A', key: keys['RIG-A'] }, { clock: vc.clock, timeoutMs: 5000 });
    const uploader = new FleetUploader({ queue, client: () => client, sleeper: vc, clock: vc.clock });
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: vc.nowMs - HOUR, depthFt: 3_333 });
    await queue.enqueue(ev);
    // The hub stores it, but the reply never reaches the rig.
    await proxy.setMode({ kind: 'cut-reply', afterBytes: 0, times: 1, when: (l) => l.startsWith('POST /api/fleet/events') });
    const first = await uploader.round();
    expect(first).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(waiting(queue)).toBe(1);
    expect(await hubEvents('RIG-A')).toContain(ev.id);
    await proxy.setMode({ kind: 'pass' });
    expect(await uploader.round()).toBe('drained');
    expect(uploader.status).toMatchObject({ uploaded: 0, duplicates: 1 });
    expect(waiting(queue)).toBe(0);
    expect((await hubEvents('RIG-A')).filter((id) => id === ev.id)).toHaveLength(1);
  });

  it('forwards outcome updates, and stops the round (keeping the event) when the key is refused', async () => {
    const queue = await diskQueue();
    const client = new HubClient({ hubUrl: proxy.url, rigId: 'RIG-A', key: keys['RIG-A'] });
    const uploader = new FleetUploader({ queue, client: () => client });
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: vc.nowMs - 2 * HOUR, depthFt: 4_444 });
    await queue.enqueue(ev);
    expect(await uploader.round()).toBe('drained');
    await queue.updateOutcome(ev.id, { kind: 'Resolved', action: 'worked pipe, pumped sweep' }, 'took 30 min');
    expect(await uploader.round()).toBe('drained');
    expect(uploader.status.outcomesForwarded).toBe(1);
    const row = (await sql.query('SELECT outcome, notes FROM events WHERE id = $1', [ev.id])).rows[0];
    expect(row).toEqual({ outcome: { kind: 'Resolved', action: 'worked pipe, pumped sweep' }, notes: 'took 30 min' });

    const badKey = new HubClient({ hubUrl: proxy.url, rigId: 'RIG-A', key: 'sk_wrong' });
    const refused = new FleetUploader({ queue, client: () => badKey });
    const ev2 = makeFleetEvent({ rigId: 'RIG-A', timeMs: vc.nowMs - 3 * HOUR, depthFt: 5_555 });
    await queue.enqueue(ev2);
    expect(await refused.round()).toMatchObject({ ok: false, kind: 'unauthorised', status: 401 });
    expect(waiting(queue)).toBe(1);
    expect(await hubEvents('RIG-A')).not.toContain(ev2.id);
  });

  it('records the bytes one uploaded event costs on the link', async () => {
    const traffic = emptyTraffic();
    const client = new HubClient({ hubUrl: hub.url, rigId: 'RIG-B', key: keys['RIG-B'] }, { traffic });
    const sizes: Record<string, { payload: number; wire: number }> = {};
    for (const seconds of [60, 300]) {
      const before = { ...traffic };
      const r = await client.uploadEvent(makeFleetEvent({ rigId: 'RIG-B', timeMs: vc.nowMs - seconds * 1000, depthFt: 20_000 + seconds, historySeconds: seconds }));
      expect(r).toEqual({ ok: true, value: 'stored' });
      sizes[`${seconds}s history`] = { payload: traffic.payloadBytesSent - before.payloadBytesSent, wire: traffic.wireBytesSent + traffic.wireBytesReceived - before.wireBytesSent - before.wireBytesReceived };
    }
    console.log(`[bandwidth] upload per event: ${JSON.stringify(sizes)}`);
    expect(sizes['60s history'].payload).toBeGreaterThan(500);
    expect(sizes['60s history'].payload).toBeLessThan(20_000);
    expect(sizes['60s history'].wire).toBeGreaterThan(sizes['60s history'].payload);
  });
});

describe('library sync', () => {
  it('downloads 1,000 episodes, resumes after a drop mid-download without fetching a page twice, and is idempotent', async () => {
    // 1,000 events from rig A, uploaded through the API and curated.
    const now = vc.nowMs;
    // Varied numbers and texts, so the compressed size is not flattered by identical episodes.
    const evs = Array.from({ length: 1000 }, (_, i) =>
      makeFleetEvent({
        rigId: 'RIG-A', seq: i, timeMs: now - 10 * HOUR - i * 20 * 60_000, depthFt: 1_000 + (i % 50) * 300 + (i % 7),
        category: i % 2 ? 'Mechanical' : 'Hydraulics', fault: i % 2 ? 'pack-off' : 'washout',
        outcome: { kind: 'Resolved', action: `${['circulated and reamed', 'pumped hi-vis sweep', 'worked pipe', 'reduced flow rate'][i % 4]} at ${1_000 + i * 3} ft, ${i % 60} min` },
        snapshot: {
          sppDeltaPsi: (i * 37) % 400, torqueDeltaFraction: ((i * 13) % 30) / 100, ropFtHr: 5 + ((i * 7) % 90) + (i % 10) / 10,
          mseEfficiencyPercent: 40 + ((i * 11) % 55), ecdMarginPpg: ((i * 17) % 20) / 10, dExponent: 1 + (i % 9) / 10, flowBalanceGpm: ((i * 3) % 21) - 10,
        },
      }),
    );
    for (let i = 0; i < evs.length; i += 20) {
      const rs = await Promise.all(evs.slice(i, i + 20).map((e) => uploadEvent(hub.url, 'RIG-A', keys['RIG-A'], e)));
      for (const r of rs) expect(r.status).toBe(201);
    }
    await hub.curator.request();
    const libraryTotal = (await sql.query("SELECT COUNT(*)::int AS n FROM episodes WHERE source_rig <> 'RIG-B'")).rows[0].n;
    expect(libraryTotal).toBeGreaterThanOrEqual(1000);

    const rec = await recall();
    const sink = new CountingSink(rec);
    const state = new MemorySyncState();
    const traffic = emptyTraffic();
    const client = new HubClient({ hubUrl: proxy.url, rigId: 'RIG-B', key: keys['RIG-B'] }, { traffic, timeoutMs: 5000 });
    const sync = new LibrarySync({ client: () => ({ client, hubUrl: proxy.url }), sink, state, intervalMs: () => 6 * HOUR, random: () => 0.5 });
    proxy.requests.length = 0;
    // The third page is cut off half-way.
    await proxy.setMode({ kind: 'cut-reply', afterBytes: 4000, times: 1, when: (l) => l.startsWith('GET /api/fleet/library') && l.includes('cursor=') && proxy.requests.filter((r) => r.includes('/library')).length === 3 });
    const first = await sync.syncOnce();
    expect(first).toMatchObject({ ok: false, pages: 2, episodes: 500 });
    expect(rec.stats().episodes).toBe(500);
    expect(state.load(proxy.url).resume).not.toBeNull();
    await proxy.setMode({ kind: 'pass' });
    const bytesBefore = traffic.wireBytesReceived;
    const second = await sync.syncOnce();
    expect(second).toMatchObject({ ok: true, episodes: libraryTotal - 500 });
    expect(rec.stats().episodes).toBe(libraryTotal);
    expect(sink.upserted).toBe(libraryTotal); // no page was applied twice
    const libraryRequests = proxy.requests.filter((r) => r.includes('/library'));
    expect(libraryRequests).toHaveLength(Math.ceil(libraryTotal / 250) + 1); // every page once, plus the one cut off
    expect(state.load(proxy.url)).toMatchObject({ resume: null, watermark: second.ok ? second.version : -1 });
    console.log(
      `[bandwidth] library sync of ${libraryTotal} episodes: payload ${traffic.payloadBytesReceived} B, wire ${traffic.wireBytesReceived} B received ` +
        `(${(traffic.wireBytesReceived / libraryTotal).toFixed(0)} B/episode; ${traffic.wireBytesReceived - bytesBefore} B after the resume), ${traffic.requests} requests`,
    );

    // Up to date: one small 304.
    const before304 = traffic.wireBytesReceived;
    expect(await sync.syncOnce()).toMatchObject({ ok: true, notModified: true, episodes: 0 });
    expect(traffic.wireBytesReceived - before304).toBeLessThan(600);
    // Running the whole download again from nothing changes nothing in recall (idempotent).
    const fresh = new LibrarySync({ client: () => ({ client, hubUrl: proxy.url }), sink, state: new MemorySyncState(), intervalMs: () => HOUR });
    expect(await fresh.syncOnce()).toMatchObject({ ok: true, episodes: libraryTotal });
    expect(rec.stats().episodes).toBe(libraryTotal);
  }, 120_000);
});
