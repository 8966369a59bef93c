// Two hub instances on one PostgreSQL database take the same uploads at the same time: every
// event is stored once, curated once, and both instances serve the same library.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningHub } from '../../../src-hub/server.js';
import { zstdDecompressBounded } from '../../../src-hub/zstd.js';
import { LibraryDeltaSchema } from '../../../src-shared/fleet.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';
import { registerRig, request, rigHeaders, startTestHub, uploadEvent } from '../../support/hub.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let hubs: RunningHub[] = [];

beforeAll(async () => {
  db = await freshDatabase('hub_two');
  // Both start (and migrate) at once: the migration lock makes one of them do it.
  hubs = await Promise.all([startTestHub(db.url), startTestHub(db.url)]);
});

afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  await db?.drop();
});

it('stores each of 120 events once when both instances receive every upload concurrently', async () => {
  const rigs = ['RIG-1', 'RIG-2', 'RIG-3'];
  const keys = Object.fromEntries(await Promise.all(rigs.map(async (r, i) => [r, await registerRig(hubs[i % 2].url, r)] as const)));
  const now = Date.now();
  const events = rigs.flatMap((rig, r) =>
    Array.from({ length: 40 }, (_, i) => makeFleetEvent({ rigId: rig, timeMs: now - (i + 1) * 30 * 60_000 - r * 1000, depthFt: 1_000 + i * 250 })),
  );
  const results = await Promise.all(
    events.flatMap((ev) => hubs.map((h) => uploadEvent(h.url, ev.rigId, keys[ev.rigId], ev).then((res) => ({ id: ev.id, status: res.status })))),
  );
  const byId = new Map<string, number[]>();
  for (const r of results) byId.set(r.id, [...(byId.get(r.id) ?? []), r.status]);
  for (const [id, statuses] of byId) expect(statuses.sort(), id).toEqual([200, 201]);

  await Promise.all(hubs.map((h) => h.curator.request()));
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    expect((await c.query('SELECT COUNT(*)::int AS n FROM events')).rows[0].n).toBe(120);
    expect((await c.query('SELECT COUNT(*)::int AS n FROM events WHERE NOT curated')).rows[0].n).toBe(0);
    const eps = (await c.query<{ event_id: string }>('SELECT event_id FROM episodes')).rows.map((r) => r.event_id);
    expect(eps).toHaveLength(120);
    expect(new Set(eps).size).toBe(120);
    expect((await c.query('SELECT version::int AS version FROM library_meta')).rows[0].version).toBeGreaterThan(0);
  } finally {
    await c.end();
  }

  // Either instance serves the same library to a fourth rig.
  const key4 = await registerRig(hubs[0].url, 'RIG-4');
  const libs = await Promise.all(
    hubs.map(async (h) => {
      const r = await request(`${h.url}/api/fleet/library?since=0`, { headers: rigHeaders('RIG-4', key4) });
      expect(r.status).toBe(200);
      return LibraryDeltaSchema.parse(JSON.parse(zstdDecompressBounded(r.body, 50e6).toString()));
    }),
  );
  expect(libs[0].episodes.map((e) => e.id).sort()).toEqual(libs[1].episodes.map((e) => e.id).sort());
  expect(libs[0].episodes).toHaveLength(120);
  expect(libs[0].version).toBe(libs[1].version);
});
