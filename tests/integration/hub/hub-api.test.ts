// The hub's boundary, for real: a hub on loopback, a fresh PostgreSQL database, raw HTTP.
// Bad keys, other rigs' keys, oversized, malformed and zip-bomb uploads are refused with a
// JSON 4xx and leave nothing in the database.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zstdCompress } from '../../../src-hub/zstd.js';
import type { RunningHub } from '../../../src-hub/server.js';
import { stableStringify } from '../../../src-shared/fleet.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';
import { ADMIN_KEY, registerRig, request, rigHeaders, startTestHub, uploadEvent } from '../../support/hub.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
let hub: RunningHub;
let client: pg.Client;
let keyA: string;
let keyB: string;
const now = Date.now();

const eventCount = async () => (await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM events')).rows[0].n;
const zstdJsonHeaders = (rig: string, key: string) => rigHeaders(rig, key, { 'content-type': 'application/json', 'content-encoding': 'zstd' });

function expectJsonError(r: { status: number; body: Buffer; json(): unknown }, status: number): { error: string; message: string } {
  expect(r.status).toBe(status);
  const body = r.json() as { error: string; message: string };
  expect(typeof body.error).toBe('string');
  expect(body.message).not.toMatch(/\n\s+at /); // never a stack trace
  return body;
}

beforeAll(async () => {
  db = await freshDatabase('hub_api');
  hub = await startTestHub(db.url);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  keyA = await registerRig(hub.url, 'RIG-A');
  keyB = await registerRig(hub.url, 'RIG-B');
});

afterAll(async () => {
  await client?.end();
  await hub?.close();
  await db?.drop();
});

describe('hub uploads', () => {
  it('stores an event once: a repeat is answered "duplicate" and not stored again', async () => {
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 60_000 });
    const first = await uploadEvent(hub.url, 'RIG-A', keyA, ev);
    expect(first.status).toBe(201);
    expect(first.json()).toEqual({ status: 'stored', id: ev.id });
    const again = await uploadEvent(hub.url, 'RIG-A', keyA, ev);
    expect(again.status).toBe(200);
    expect(again.json()).toEqual({ status: 'duplicate', id: ev.id });
    const rows = (await client.query('SELECT id, rig_id, upload_bytes FROM events')).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: ev.id, rig_id: 'RIG-A' });
    expect(rows[0].upload_bytes).toBe(zstdCompress(stableStringify(ev)).length);
  });

  it('keeps the rig key only as a salted scrypt hash', async () => {
    const rows = (await client.query<{ key_hash: string }>('SELECT key_hash FROM rigs')).rows;
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.key_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      expect(r.key_hash).not.toContain(keyA);
      expect(r.key_hash).not.toContain(keyB);
    }
  });

  it('refuses wrong, missing and other rigs\' keys with 401/403 and stores nothing', async () => {
    const before = await eventCount();
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 120_000 });
    expectJsonError(await uploadEvent(hub.url, 'RIG-A', `${keyA}x`, ev), 401);
    expectJsonError(await uploadEvent(hub.url, 'RIG-A', keyB, ev), 401); // B's key presented as A
    expectJsonError(await uploadEvent(hub.url, 'RIG-NOPE', keyA, ev), 401);
    const noKey = await request(`${hub.url}/api/fleet/events`, {
      method: 'POST',
      headers: { 'x-rig-id': 'RIG-A', 'content-type': 'application/json', 'content-encoding': 'zstd' },
      body: zstdCompress(stableStringify(ev)),
    });
    expectJsonError(noKey, 401);
    // B's own key, but A's event: a rig writes only its own events.
    const other = expectJsonError(await uploadEvent(hub.url, 'RIG-B', keyB, ev), 403);
    expect(other.message).toContain('cannot upload an event of rig RIG-A');
    const spoofedId = { ...makeFleetEvent({ rigId: 'RIG-B', timeMs: now - 120_000 }), id: 'RIG-A-123' };
    expectJsonError(await uploadEvent(hub.url, 'RIG-B', keyB, spoofedId), 400);
    // Admin endpoints are not for rig keys.
    const asRig = await request(`${hub.url}/api/fleet/admin/rigs`, {
      method: 'POST',
      headers: rigHeaders('RIG-A', keyA, { 'content-type': 'application/json' }),
      body: JSON.stringify({ rigId: 'RIG-X' }),
    });
    expectJsonError(asRig, 401);
    expect(await eventCount()).toBe(before);
  });

  it('refuses oversized, malformed, schema-invalid, GREEN, mis-timed and zip-bomb uploads with 4xx, storing nothing', async () => {
    const before = await eventCount();
    const post = (body: Buffer | string, headers: Record<string, string> = zstdJsonHeaders('RIG-A', keyA)) =>
      request(`${hub.url}/api/fleet/events`, { method: 'POST', headers, body });
    // Over 1 MB on the wire (random bytes do not compress).
    const big = Buffer.alloc(1024 * 1024 + 10);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    expect(expectJsonError(await post(big), 413).message).toContain('limit');
    // A zip bomb: 200 MB of one byte in about 6 kB of zstd.
    const bomb = zstdCompress(Buffer.alloc(200 * 1024 * 1024, 0x7b), 19);
    expect(bomb.length).toBeLessThan(20_000);
    expect(expectJsonError(await post(bomb), 413).message).toContain('decompressed body is over the 10485760-byte limit');
    expectJsonError(await post(zstdCompress('{"id": "RIG-A-1", oops')), 400);
    expectJsonError(await post(Buffer.from('not zstd at all')), 400);
    expectJsonError(await post(Buffer.alloc(0)), 400);
    const missingHistory = { ...makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 1000 }), historyWindow: [] };
    expect(expectJsonError(await post(zstdCompress(JSON.stringify(missingHistory))), 400).message).toContain('historyWindow');
    const extraField = { ...makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 1000 }), sneaky: 1 };
    expectJsonError(await post(zstdCompress(JSON.stringify(extraField))), 400);
    const green = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 1000, riskLevel: 'Low' });
    expect(expectJsonError(await post(zstdCompress(JSON.stringify(green))), 400).message).toContain('AMBER and RED');
    const future = makeFleetEvent({ rigId: 'RIG-A', timeMs: now + 3_600_000 });
    expectJsonError(await post(zstdCompress(JSON.stringify(future))), 400);
    const ancient = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 400 * 86_400_000 });
    expectJsonError(await post(zstdCompress(JSON.stringify(ancient))), 400);
    const ok = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 1000 });
    expectJsonError(await post(zstdCompress(JSON.stringify(ok)), rigHeaders('RIG-A', keyA, { 'content-type': 'text/plain', 'content-encoding': 'zstd' })), 415);
    expectJsonError(await post(zstdCompress(JSON.stringify(ok)), rigHeaders('RIG-A', keyA, { 'content-type': 'application/json', 'content-encoding': 'br' })), 415);
    expect(await eventCount()).toBe(before);
    // Uncompressed JSON is accepted too (identity encoding).
    const plain = await post(JSON.stringify(ok), rigHeaders('RIG-A', keyA, { 'content-type': 'application/json' }));
    expect(plain.status).toBe(201);
    expect(await eventCount()).toBe(before + 1);
  });

  it('takes outcome updates only from the rig that owns the event', async () => {
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: now - 300_000 });
    expect((await uploadEvent(hub.url, 'RIG-A', keyA, ev)).status).toBe(201);
    const send = (rig: string, key: string, id: string, body: unknown) =>
      request(`${hub.url}/api/fleet/events/${id}/outcome`, {
        method: 'POST',
        headers: rigHeaders(rig, key, { 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
    const resolved = { outcome: { kind: 'Resolved', action: 'circulated and reamed' }, notes: 'back to bottom after 40 min' };
    expectJsonError(await send('RIG-B', keyB, ev.id, resolved), 403);
    expectJsonError(await send('RIG-A', keyA, 'RIG-A-nothing', resolved), 404);
    expectJsonError(await send('RIG-A', keyA, ev.id, { outcome: { kind: 'Solved' } }), 400);
    const ok = await send('RIG-A', keyA, ev.id, resolved);
    expect(ok.status).toBe(200);
    const row = (await client.query('SELECT outcome, notes FROM events WHERE id = $1', [ev.id])).rows[0];
    expect(row).toEqual({ outcome: resolved.outcome, notes: resolved.notes });
  });
});

describe('hub access control', () => {
  it('authorises on the matched route: encoded, doubled-slash and case variants get no further without a key', async () => {
    for (const path of ['/api/fleet/rigs', '/%61pi/fleet/rigs', '/api/fleet/%72igs', '/api/fleet/library?since=0', '/api/fleet/admin/curate']) {
      const r = await request(`${hub.url}${path}`, { method: path.includes('curate') ? 'POST' : 'GET' });
      expect([401, 404], path).toContain(r.status);
      expect(r.body.toString()).not.toContain('rigId');
    }
    for (const path of ['//api/fleet/rigs', '/API/fleet/rigs', '/api/fleet/rigs/', '/api/fleet/./rigs']) {
      const r = await request(`${hub.url}${path}`);
      expect([401, 404], path).toContain(r.status);
      expect(r.body.toString()).not.toContain('RIG-A');
    }
  });

  it('lists rigs to a rig or the admin, with events and library version', async () => {
    const r = await request(`${hub.url}/api/fleet/rigs`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(r.status).toBe(200);
    const body = r.json() as { rigs: { rigId: string; events: number; active: boolean }[] };
    expect(body.rigs.map((x) => x.rigId)).toEqual(['RIG-A', 'RIG-B']);
    expect(body.rigs[0].events).toBe(await eventCount());
    expect((await request(`${hub.url}/api/fleet/rigs`, { headers: rigHeaders('RIG-B', keyB) })).status).toBe(200);
  });

  it('answers health without a key (for load balancers) and nothing else', async () => {
    const r = await request(`${hub.url}/api/fleet/health`);
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ status: 'healthy', database: 'reachable' });
  });

  it('revokes a rig key at once', async () => {
    const keyC = await registerRig(hub.url, 'RIG-C');
    const ev = makeFleetEvent({ rigId: 'RIG-C', timeMs: now - 5000 });
    expect((await uploadEvent(hub.url, 'RIG-C', keyC, { ...ev, id: `${ev.id}-1` })).status).toBe(201);
    const needsAdmin = await request(`${hub.url}/api/fleet/admin/rigs/RIG-C/revoke`, { method: 'POST', headers: rigHeaders('RIG-C', keyC) });
    expectJsonError(needsAdmin, 401);
    const rev = await request(`${hub.url}/api/fleet/admin/rigs/RIG-C/revoke`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(rev.status).toBe(200);
    const after = expectJsonError(await uploadEvent(hub.url, 'RIG-C', keyC, { ...ev, id: `${ev.id}-2` }), 401);
    expect(after.message).toContain('revoked');
    expect((await client.query("SELECT COUNT(*)::int AS n FROM events WHERE rig_id = 'RIG-C'")).rows[0].n).toBe(1);
    const again = await request(`${hub.url}/api/fleet/admin/rigs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rigId: 'RIG-C' }),
    });
    expectJsonError(again, 409);
  });

  it('serves the fleet page to the admin only, with every rig-supplied text escaped', async () => {
    const ev = makeFleetEvent({ rigId: 'RIG-B', timeMs: now - 7000, outcome: { kind: 'Resolved', action: '<script>alert(1)</script> & "reamed"' } });
    expect((await uploadEvent(hub.url, 'RIG-B', keyB, ev)).status).toBe(201);
    const anon = await request(`${hub.url}/fleet`);
    expect(anon.status).toBe(401);
    expect(anon.headers['www-authenticate']).toMatch(/^Basic /);
    const basic = `Basic ${Buffer.from(`ops:${ADMIN_KEY}`).toString('base64')}`;
    const page = await request(`${hub.url}/fleet`, { headers: { authorization: basic } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const html = page.body.toString();
    expect(html).toContain('RIG-A');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;reamed&quot;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/Library: <b>\d+<\/b> episodes/);
  });
});

describe('hub rate limit', () => {
  it('answers 429 JSON once a rig passes its per-minute allowance', async () => {
    const limited = await startTestHub(db.url, { SAIREN_HUB_RATE_LIMIT_PER_MIN: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await request(`${limited.url}/api/fleet/rigs`, { headers: rigHeaders('RIG-A', keyA) })).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const r = await request(`${limited.url}/api/fleet/rigs`, { headers: rigHeaders('RIG-A', keyA) });
      expect(expectJsonError(r, 429).error).toBe('rate-limited');
      // Another rig has its own allowance.
      expect((await request(`${limited.url}/api/fleet/rigs`, { headers: rigHeaders('RIG-B', keyB) })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
