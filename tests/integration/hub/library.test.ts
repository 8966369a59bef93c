// The curator and the library on a real hub and database: events become episodes, near-
// duplicates merge keeping the better outcome, the cap prunes the lowest scores, and a rig
// pages through deltas since its watermark without ever getting its own episodes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../../src-hub/server.js';
import { zstdDecompressBounded } from '../../../src-hub/zstd.js';
import { EMBEDDING_DIMENSIONS } from '../../../src-shared/episode-embedding.js';
import { LibraryDeltaSchema, type LibraryDelta } from '../../../src-shared/fleet.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';
import { ADMIN_KEY, registerRig, request, rigHeaders, startTestHub, uploadEvent } from '../../support/hub.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let hub: RunningHub;
const keys: Record<string, string> = {};
const now = Date.now();
const MIN = 60_000;

async function page(rig: string, since: number, cursor?: string, limit?: number): Promise<{ status: number; delta: LibraryDelta | null; next: string | null; bytes: number }> {
  const q = new URLSearchParams({ since: String(since) });
  if (cursor) q.set('cursor', cursor);
  if (limit) q.set('limit', String(limit));
  const r = await request(`${hub.url}/api/fleet/library?${q}`, { headers: rigHeaders(rig, keys[rig]) });
  if (r.status === 304) return { status: 304, delta: null, next: null, bytes: r.body.length };
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBe('zstd');
  const delta = LibraryDeltaSchema.parse(JSON.parse(zstdDecompressBounded(r.body, 50e6).toString()));
  return { status: 200, delta, next: (r.headers['x-library-next'] as string | undefined) ?? null, bytes: r.body.length };
}

async function upload(rig: string, ev: ReturnType<typeof makeFleetEvent>): Promise<void> {
  const r = await uploadEvent(hub.url, rig, keys[rig], ev);
  expect(r.status, r.body.toString()).toBe(201);
}

const curate = () => hub.curator.request();

beforeAll(async () => {
  db = await freshDatabase('hub_library');
  // The curator runs when the test says, so each run's counts can be checked.
  hub = await startTestHub(db.url, { SAIREN_HUB_LIBRARY_CAP: '12', SAIREN_HUB_MAX_EVENT_AGE_DAYS: '400' }, { curateOnUpload: false });
  for (const rig of ['RIG-A', 'RIG-B', 'RIG-C']) keys[rig] = await registerRig(hub.url, rig);
});

afterAll(async () => {
  await hub?.close();
  await db?.drop();
});

describe('curator and library deltas', () => {
  let watermarkB = 0;

  it('turns an event into an episode other rigs get, and not the rig that sent it', async () => {
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 60 * MIN, depthFt: 9_000, outcome: { kind: 'Resolved', action: 'circulated and reamed' } });
    await upload('RIG-A', ev);
    const run = await curate();
    expect(run).toMatchObject({ added: 1, duplicates: 0 });
    const b = await page('RIG-B', 0);
    expect(b.next).toBeNull();
    expect(b.delta?.episodes).toHaveLength(1);
    const ep = b.delta!.episodes[0];
    expect(ep).toMatchObject({ id: `${ev.id}-episode`, eventId: ev.id, sourceRigId: 'RIG-A', fault: 'pack-off', category: 'Mechanical' });
    expect(ep.resolutionSummary).toBe('pack-off, circulated and reamed, resolved');
    expect(ep.embedding).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...ep.embedding)).toBeCloseTo(1, 3); // unit length, sent to four decimals
    expect(b.delta!.version).toBe(run.version);
    watermarkB = b.delta!.version;
    const a = await page('RIG-A', 0);
    expect(a.delta?.episodes).toEqual([]);
    expect(a.delta?.totalEpisodes).toBe(1);
    expect((await page('RIG-B', watermarkB)).status).toBe(304);
  });

  it('merges near-duplicates (same rig and category, ±100 ft, ±10 min), keeping the better outcome', async () => {
    const t = now - 30 * MIN;
    const pending = makeFleetEvent({ rigId: 'RIG-C', timeMs: t, depthFt: 12_000, notes: 'first', outcome: { kind: 'Pending' } });
    await upload('RIG-C', pending);
    await curate();
    const resolved = makeFleetEvent({ rigId: 'RIG-C', timeMs: t + 5 * MIN, depthFt: 12_060, outcome: { kind: 'Resolved', action: 'pumped hi-vis sweep' } });
    await upload('RIG-C', resolved);
    const worse = makeFleetEvent({ rigId: 'RIG-C', timeMs: t + 8 * MIN, depthFt: 11_950, outcome: { kind: 'FalsePositive' } });
    await upload('RIG-C', worse);
    // Not duplicates: too deep, too late, another category.
    await upload('RIG-C', makeFleetEvent({ rigId: 'RIG-C', timeMs: t + 2 * MIN, depthFt: 12_200 }));
    await upload('RIG-C', makeFleetEvent({ rigId: 'RIG-C', timeMs: t + 11 * MIN, depthFt: 12_000 }));
    await upload('RIG-C', makeFleetEvent({ rigId: 'RIG-C', timeMs: t + 1 * MIN, depthFt: 12_000, category: 'WellControl', fault: 'kick' }));
    const run = await curate();
    expect(run).toMatchObject({ events: 5, added: 3, updated: 1, duplicates: 1 });
    const d = (await page('RIG-B', watermarkB)).delta!;
    const merged = d.episodes.find((e) => e.id === `${pending.id}-episode`);
    expect(merged).toMatchObject({ eventId: resolved.id, outcome: { kind: 'Resolved', action: 'pumped hi-vis sweep' } });
    expect(d.episodes).toHaveLength(4);
    expect(d.episodes.filter((e) => e.eventId === worse.id)).toEqual([]);
    watermarkB = d.version;
  });

  it('re-curates on an outcome update and bumps the version once', async () => {
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 20 * MIN, depthFt: 5_000 });
    await upload('RIG-A', ev);
    await curate();
    const v1 = (await page('RIG-B', watermarkB)).delta!.version;
    const r = await request(`${hub.url}/api/fleet/events/${ev.id}/outcome`, {
      method: 'POST',
      headers: rigHeaders('RIG-A', keys['RIG-A'], { 'content-type': 'application/json' }),
      body: JSON.stringify({ outcome: { kind: 'Escalated', reason: 'stuck pipe, called the office' } }),
    });
    expect(r.status).toBe(200);
    await curate();
    const d = (await page('RIG-B', v1)).delta!;
    expect(d.version).toBe(v1 + 1);
    expect(d.episodes.map((e) => [e.id, e.outcome.kind, e.resolutionSummary])).toEqual([
      [`${ev.id}-episode`, 'Escalated', 'pack-off, escalated: stuck pipe, called the office'],
    ]);
    watermarkB = d.version;
  });

  it('pages through a delta with a cursor, each episode exactly once', async () => {
    for (let i = 0; i < 5; i++) await upload('RIG-A', makeFleetEvent({ rigId: 'RIG-A', timeMs: now - (100 + i * 30) * MIN, depthFt: 2_000 + i * 500 }));
    await curate();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let last: LibraryDelta | null = null;
    do {
      const p = await page('RIG-B', 0, cursor, 3);
      pages++;
      seen.push(...p.delta!.episodes.map((e) => e.id));
      if (p.next) expect(p.delta!.prunedIds).toEqual([]);
      cursor = p.next ?? undefined;
      last = p.delta;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(last!.totalEpisodes - 0 /* B has none of its own */);
    expect(pages).toBe(Math.ceil((seen.length + 1) / 3));
    const bad = await request(`${hub.url}/api/fleet/library?since=0&cursor=..%2Fetc`, { headers: rigHeaders('RIG-B', keys['RIG-B']) });
    expect(bad.status).toBe(400);
  });

  it('prunes to the cap by score (false alarms and stale pending first) and sends the pruned ids', async () => {
    const before = (await page('RIG-B', 0)).delta!;
    const start = before.version;
    // Library cap is 12 here; add enough good episodes to push it over.
    const falseAlarm = makeFleetEvent({ rigId: 'RIG-B', timeMs: now - 50 * 86_400_000, depthFt: 7_777, outcome: { kind: 'FalsePositive' } });
    await upload('RIG-B', falseAlarm);
    await curate();
    for (let i = 0; i < 6; i++) {
      await upload('RIG-B', makeFleetEvent({ rigId: 'RIG-B', timeMs: now - (i + 1) * 40 * MIN, depthFt: 15_000 + i * 300, notes: 'good notes', outcome: { kind: 'Resolved', action: `action ${i}` } }));
    }
    const run = await curate();
    expect(run.pruned).toBeGreaterThan(0);
    const a = await page('RIG-A', start);
    expect(a.delta!.totalEpisodes).toBeLessThanOrEqual(12);
    expect(a.delta!.prunedIds).toContain(`${falseAlarm.id}-episode`);
    const health = (await request(`${hub.url}/api/fleet/health`)).json() as { libraryEpisodes: number; libraryVersion: number };
    expect(health.libraryEpisodes).toBe(a.delta!.totalEpisodes);
    expect(health.libraryVersion).toBe(a.delta!.version);
  });

  it('records each rig\'s library version once it has the whole delta', async () => {
    const r = await request(`${hub.url}/api/fleet/rigs`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const rigs = (r.json() as { rigs: { rigId: string; libraryVersion: number }[]; libraryVersion: number });
    const a = rigs.rigs.find((x) => x.rigId === 'RIG-A')!;
    expect(a.libraryVersion).toBe(rigs.libraryVersion);
  });
});
