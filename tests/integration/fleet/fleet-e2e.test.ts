// Two rigs learn from each other through the hub, all real and on loopback: a hub on PostgreSQL,
// and two engines, each with a SQLite store, RAM recall (usearch) and the disk upload queue.
// Rig A detects a pack-off and the driller acknowledges it resolved with an action; rig B syncs
// the library and its own pack-off advisory shows rig A's episode, with that action, as precedent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import { makePacket } from '../../../src-shared/wits.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import type { Engine } from '../../../src-main/app/engine.js';
import { DiskUploadQueue } from '../../../src-main/fleet/upload-queue.js';
import { RamRecall } from '../../../src-main/knowledge/ram-recall.js';
import { createSimulation } from '../../../src-main/simulator/index.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import type { RunningHub } from '../../../src-hub/server.js';
import { waitFor } from '../../support/fleet-ports.js';
import { registerRig, startTestHub } from '../../support/hub.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let hub: RunningHub;
let sql: pg.Client;
const cleanup: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  db = await freshDatabase('fleet_e2e');
  hub = await startTestHub(db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});

afterAll(async () => {
  while (cleanup.length) await cleanup.pop()?.();
  await sql?.end();
  await hub?.close();
  await db?.drop();
});

async function rig(rigId: string, key: string): Promise<{ engine: Engine; recall: RamRecall; queue: DiskUploadQueue }> {
  const dir = mkdtempSync(join(tmpdir(), `sairen-fleet-${rigId}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const storage = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
  cleanup.push(() => storage.dispose());
  const recall = await RamRecall.open({ store: storage, dataDir: dir, saveDelayMs: 0 });
  cleanup.push(() => recall.dispose());
  const queue = await DiskUploadQueue.open({ dataDir: dir });
  cleanup.push(() => queue.close());
  const base = defaultConfig();
  const config: WellConfig = {
    ...base,
    well: { ...base.well, rig: rigId, name: `${rigId} well`, field: 'TEST' },
    fleet: { ...base.fleet, hub_url: hub.url, rig_id: rigId, key },
  };
  const engine = createEngine(config, {
    storage, recall, uploadQueue: queue, dataDir: dir, healthIntervalMs: 0,
    // Upload rounds every 100 ms and the first library sync at start, so the test runs in seconds.
    fleetTiming: { uploadIdleMs: 100, firstSyncMs: 0, syncJitterMs: 0 },
  });
  cleanup.push(() => engine.dispose());
  await engine.start();
  return { engine, recall, queue };
}

/** Feeds a pack-off (data time ending now) until the first AMBER/RED pack-off advisory. */
async function packOff(engine: Engine, seed: number): Promise<Advisory> {
  const out: Advisory[] = [];
  engine.on('advisory', (a) => out.push(a));
  const sim = createSimulation({ scenario: 'pack-off', seed, startMs: Date.now() - 3_600_000 });
  for (const p of sim) {
    engine.ingest(makePacket(p.timeMs, p.values));
    if (out.some((a) => a.fault === 'pack-off' && a.riskLevel !== 'Low')) break;
  }
  await waitFor(() => out.some((a) => a.fault === 'pack-off' && a.riskLevel !== 'Low'), 10_000, 'a pack-off advisory');
  return out.find((a) => a.fault === 'pack-off' && a.riskLevel !== 'Low')!;
}

it("rig B's pack-off advisory shows rig A's resolved pack-off, and the action, as precedent", async () => {
  const a = await rig('RIG-A', await registerRig(hub.url, 'RIG-A'));
  const first = await packOff(a.engine, 1);
  const ack = await a.engine.call('acknowledge', {
    advisoryId: first.id, actor: 'Day driller', action: 'Picked up off bottom', notes: 'torque and SPP up together',
    outcome: { kind: 'Resolved', action: 'Circulated and reamed' },
  });
  expect(ack.ok).toBe(true);

  // Rig A's uploader takes the event and its outcome to the hub; the curator makes the episode.
  const episodeId = `RIG-A-${first.id}-episode`;
  await waitFor(async () => {
    const r = await sql.query<{ outcome_kind: string }>('SELECT outcome_kind FROM episodes WHERE id = $1', [episodeId]);
    return r.rows[0]?.outcome_kind === 'Resolved';
  }, 30_000, "rig A's resolved episode in the hub library");
  expect((await sql.query('SELECT COUNT(*)::int AS n FROM events WHERE id = $1', [`RIG-A-${first.id}`])).rows[0].n).toBe(1);
  const healthA = await a.engine.call('getHealth', {});
  expect(healthA.ok && healthA.value.fleet).toMatchObject({ configured: true, hubReachable: true, rigId: 'RIG-A' });
  expect(healthA.ok && healthA.value.fleet!.bytesSent).toBeGreaterThan(1000);

  // Rig B syncs the library when it starts, then sees its own pack-off.
  const b = await rig('RIG-B', await registerRig(hub.url, 'RIG-B'));
  await waitFor(() => b.recall.stats().episodes > 0, 30_000, "rig B's library sync");
  const healthB = await b.engine.call('getHealth', {});
  expect(healthB.ok && healthB.value.fleet?.lastSyncMs).not.toBeNull();
  expect(healthB.ok && healthB.value.fleet?.libraryVersion).toBeGreaterThan(0);

  const second = await packOff(b.engine, 2);
  const fromA = second.precedents.find((p) => p.id === episodeId);
  expect(fromA, JSON.stringify(second.precedents)).toBeDefined();
  expect(fromA).toMatchObject({ source: 'recall', rig: 'RIG-A', outcome: { kind: 'Resolved', action: 'Circulated and reamed' } });
  expect(fromA!.summary).toContain('pack-off, circulated and reamed, resolved');
  expect(second.template.reasoning).toContain('circulated and reamed, resolved');
}, 120_000);
