// Every /api/v1 endpoint over real HTTP on 127.0.0.1 (OS-assigned port), against a real
// SQLite store: status codes, body shapes, and the 4xx paths (bad JSON, too large, schema).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePacket } from '../../../src-shared/wits.js';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';

let eut: EngineUnderTest;
let server: ApiServer;
const T0 = Date.UTC(2025, 0, 1, 6);

const get = (p: string) => fetch(`${server.url}${p}`);
const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const json = async (r: Response) => (await r.json()) as Record<string, unknown> & { message?: string };

beforeAll(async () => {
  eut = await makeEngine();
  server = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0, bodyLimitBytes: 4096 });
  for (let i = 0; i < 120; i++) {
    eut.engine.ingest({ ...makePacket(T0 + i * 1000, { sppPsi: 3000 + i, flowInGpm: 500, holeDepthFt: 10_000 + i / 10 }), rigState: 'Drilling' });
  }
  await eut.engine.storage.flushMetrics();
});

afterAll(async () => {
  await server?.close();
  await eut?.dispose();
});

describe('live endpoints', () => {
  it('GET /health returns each component and the storage flag', async () => {
    const r = await get('/api/v1/health');
    expect(r.status).toBe(200);
    const body = await json(r);
    expect(body).toMatchObject({ overall: 'healthy', storage: { diskFull: false, status: 'healthy' } });
    expect(Array.isArray(body.components)).toBe(true);
  });

  it('GET /status returns the live status with counts, campaign and source', async () => {
    const r = await get('/api/v1/status');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = await json(r);
    expect(body).toMatchObject({ campaign: 'production', rigState: 'Drilling', counts: { packets: 120 }, source: { state: 'connected' } });
    expect((body.packet as { sppPsi: number }).sppPsi).toBe(3119);
  });

  it('GET /drilling returns live drilling metrics', async () => {
    const body = await json(await get('/api/v1/drilling'));
    expect(body).toMatchObject({ timeMs: T0 + 119_000, rigState: 'Drilling', campaign: 'production', votes: [] });
    expect(body).toHaveProperty('metrics');
  });

  it('GET /diagnosis and /verification are 204 with nothing to show, then 200', async () => {
    expect((await get('/api/v1/diagnosis')).status).toBe(204);
    expect((await get('/api/v1/verification')).status).toBe(204);
    const a = makeAdvisory({ timeMs: T0 + 60_000, category: 'WellControl', riskLevel: 'Critical' });
    await eut.engine.publishAdvisory(a);
    const d = await get('/api/v1/diagnosis');
    expect(d.status).toBe(200);
    expect((await json(d)).id).toBe(a.id);
    const v = await get('/api/v1/verification');
    expect(v.status).toBe(200);
    expect(await json(v)).toMatchObject({ status: 'Confirmed', fault: 'kick' });
  });

  it('GET /baseline returns learning progress', async () => {
    expect(await json(await get('/api/v1/baseline'))).toMatchObject({ mode: 'learning', required: 100 });
  });
});

describe('advisories, acknowledgement and audit', () => {
  beforeAll(async () => {
    await eut.engine.publishAdvisory(makeAdvisory({ timeMs: T0 + 70_000, category: 'Mechanical', riskLevel: 'High', fault: 'pack-off' }));
  });

  it('GET /history lists newest first with category and time filters', async () => {
    const all = (await (await get('/api/v1/history')).json()) as { timeMs: number; category: string }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0].timeMs).toBeGreaterThanOrEqual(all[1].timeMs);
    const mech = (await (await get('/api/v1/history?category=Mechanical')).json()) as { category: string }[];
    expect(mech.map((a) => a.category)).toEqual(['Mechanical']);
    const iso = new Date(T0 + 65_000).toISOString();
    const since = (await (await get(`/api/v1/history?since=${encodeURIComponent(iso)}`)).json()) as unknown[];
    expect(since).toHaveLength(1);
    const limited = (await (await get('/api/v1/history?limit=1')).json()) as unknown[];
    expect(limited).toHaveLength(1);
  });

  it('GET /history with a bad parameter is a 400 naming it', async () => {
    const r = await get('/api/v1/history?limit=abc');
    expect(r.status).toBe(400);
    expect((await json(r)).message).toMatch(/query\.limit/);
    const unknown = await get('/api/v1/history?colour=red');
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).message).toMatch(/colour/);
  });

  it('POST /advisory/acknowledge records it (201), audited; unknown advisory is 404', async () => {
    const [latest] = (await (await get('/api/v1/history?limit=1')).json()) as { id: string }[];
    const r = await post('/api/v1/advisory/acknowledge', { advisoryId: latest.id, actor: 'J. Driller', action: 'flow check', notes: 'no flow' });
    expect(r.status).toBe(201);
    const ack = await json(r);
    expect(ack).toMatchObject({ advisoryId: latest.id, actor: 'J. Driller', action: 'flow check', notes: 'no flow' });
    expect(String(ack.id)).toMatch(/^ACK-/);
    const acks = (await (await get(`/api/v1/advisory/acknowledgements?advisoryId=${latest.id}`)).json()) as { id: string }[];
    expect(acks.map((k) => k.id)).toEqual([ack.id]);
    const audit = (await (await get('/api/v1/audit?kind=acknowledgement')).json()) as { actor: string; kind: string }[];
    expect(audit[0]).toMatchObject({ actor: 'J. Driller', kind: 'acknowledgement' });

    const missing = await post('/api/v1/advisory/acknowledge', { advisoryId: 'ADV-deadbeef', actor: 'JD', action: 'x' });
    expect(missing.status).toBe(404);
    expect((await json(missing)).message).toMatch(/ADV-deadbeef/);
  });

  it('POST /advisory/acknowledge without an actor is a 400 naming body.actor', async () => {
    const r = await post('/api/v1/advisory/acknowledge', { advisoryId: 'ADV-1', actor: '  ', action: 'x' });
    expect(r.status).toBe(400);
    expect(await json(r)).toMatchObject({ error: 'invalid-request' });
    expect((await json(await post('/api/v1/advisory/acknowledge', { advisoryId: 'ADV-1', action: 'x' }))).message).toMatch(/body\.actor/);
  });

  it('GET /reports/critical returns only Critical advisories', async () => {
    const list = (await (await get('/api/v1/reports/critical')).json()) as { riskLevel: string }[];
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.every((a) => a.riskLevel === 'Critical')).toBe(true);
  });

  it('GET /audit filters by time and rejects a bad time', async () => {
    expect((await get('/api/v1/audit?since=0&until=1')).status).toBe(200);
    expect(await (await get('/api/v1/audit?since=0&until=1')).json()).toEqual([]);
    const bad = await get('/api/v1/audit?since=yesterday');
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/query\.since: "yesterday" is not a time/);
  });
});

describe('campaign and config', () => {
  it('GET /campaign shows the campaign; POST switches it (audited); unknown is 400 with the engine message', async () => {
    expect(await json(await get('/api/v1/campaign'))).toMatchObject({ campaign: 'production', label: 'Production' });
    const r = await post('/api/v1/campaign', { campaign: 'p&a', actor: 'Company Man' });
    expect(r.status).toBe(200);
    expect(await json(r)).toEqual({ campaign: 'plug_abandonment' });
    expect(await json(await get('/api/v1/campaign'))).toMatchObject({ campaign: 'plug_abandonment', thresholds: { cement_pressure_hold: 500 } });
    const audit = (await (await get('/api/v1/audit?kind=campaign-switch')).json()) as { actor: string; after: unknown }[];
    expect(audit[0]).toMatchObject({ actor: 'Company Man', after: 'plug_abandonment' });
    const bad = await post('/api/v1/campaign', { campaign: 'fishing', actor: 'CM' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/unknown campaign "fishing"/);
  });

  it('GET /config returns the config; POST /config/validate reports errors by key', async () => {
    expect(await json(await get('/api/v1/config'))).toMatchObject({ server: { host: '127.0.0.1' } });
    const v = await post('/api/v1/config/validate', { config: { server: { port: 'eighty' } } });
    expect(v.status).toBe(200);
    const body = (await json(v)) as { ok: boolean; errors: { key: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.map((e) => e.key)).toContain('server.port');
  });

  it('POST /config with an invalid config is a 400 naming the key; a valid one applies (audited)', async () => {
    const bad = await post('/api/v1/config', { config: { thresholds: { well_control: { pit_gain_warning_bbl: 'lots' } } }, actor: 'Eng' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/thresholds\.well_control\.pit_gain_warning_bbl/);
    const ok = await post('/api/v1/config', { config: { well: { name: 'A-12' } }, actor: 'Eng' });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ ok: true, applied: true });
    expect(await json(await get('/api/v1/config'))).toMatchObject({ well: { name: 'A-12' } });
    const audit = (await (await get('/api/v1/audit?kind=config-change')).json()) as { actor: string }[];
    expect(audit[0].actor).toBe('Eng');
  });
});

describe('records', () => {
  it('GET /shift/summary by hours and by from/to; both at once is 400', async () => {
    const s = await json(await get('/api/v1/shift/summary?hours=12'));
    expect(s).toMatchObject({ toMs: T0 + 119_000, fromMs: T0 + 119_000 - 12 * 3_600_000, packets: 120 });
    const from = new Date(T0).toISOString();
    const to = new Date(T0 + 3_600_000).toISOString();
    const ranged = await json(await get(`/api/v1/shift/summary?from=${from}&to=${to}`));
    expect(ranged).toMatchObject({ fromMs: T0, toMs: T0 + 3_600_000, packets: 120, depthStartFt: 10_000 });
    expect(ranged.advisoriesByRisk).toMatchObject({ Critical: 1, High: 1 });
    const both = await get(`/api/v1/shift/summary?hours=1&from=${from}`);
    expect(both.status).toBe(400);
    expect((await json(both)).message).toMatch(/either hours or from\/to/);
  });

  it('GET /metrics returns series for the channels asked; missing channels is 400', async () => {
    const r = await get(`/api/v1/metrics?channels=sppPsi,flowInGpm&from=${T0}&to=${T0 + 119_000}&maxPoints=200`);
    expect(r.status).toBe(200);
    const series = (await r.json()) as { channel: string; points: [number, number][]; resolution: string }[];
    expect(series.map((s) => s.channel)).toEqual(['sppPsi', 'flowInGpm']);
    expect(series[0]).toMatchObject({ resolution: 'raw' });
    expect(series[0].points).toHaveLength(120);
    expect(series[0].points[0]).toEqual([T0, 3000]);
    const none = await get('/api/v1/metrics');
    expect(none.status).toBe(400);
    expect((await json(none)).message).toMatch(/query\.channels/);
  });

  it('GET /ml/latest and /ml/optimal are 204 until the ML engine lands; a bad depth is 400', async () => {
    expect((await get('/api/v1/ml/latest')).status).toBe(204);
    expect((await get('/api/v1/ml/optimal?depth=10500')).status).toBe(204);
    const bad = await get('/api/v1/ml/optimal?depth=deep');
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/query\.depth/);
  });
});

describe('bad input never yields a 500 or a stack', () => {
  it('malformed JSON is 400 with a message', async () => {
    const r = await post('/api/v1/campaign', '{"campaign": "p&a", ');
    expect(r.status).toBe(400);
    const body = await json(r);
    expect(body.error).toBe('malformed-json');
    expect(body.message).toMatch(/not valid JSON/);
  });

  it('a body over the limit is 413 with a message', async () => {
    const r = await post('/api/v1/advisory/acknowledge', { advisoryId: 'ADV-1', actor: 'JD', action: 'x', notes: 'n'.repeat(8000) });
    expect(r.status).toBe(413);
    expect((await json(r)).message).toMatch(/over the 4096-byte limit/);
  });

  it('an empty body, a wrong content type and a non-object body are 4xx', async () => {
    const empty = await fetch(`${server.url}/api/v1/campaign`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    const text = await fetch(`${server.url}/api/v1/campaign`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'p&a' });
    expect(text.status).toBe(415);
    const arr = await post('/api/v1/campaign', [1, 2]);
    expect(arr.status).toBe(400);
  });

  it('an unknown endpoint is a JSON 404', async () => {
    const r = await get('/api/v1/nope');
    expect(r.status).toBe(404);
    expect(await json(r)).toEqual({ error: 'not-found', message: 'no such endpoint: GET /api/v1/nope' });
  });

  it('a request naming another host (DNS rebinding) is refused on loopback', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`${server.url}/api/v1/status`, { headers: { host: 'evil.example:8080' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(421);
    expect((await get('/api/v1/status')).status).toBe(200);
  });

  it('an engine that throws gives a 500 with a generic message and no stack', async () => {
    const broken = new Proxy(eut.engine, {
      get(target, prop, receiver) {
        if (prop === 'call') return async () => { throw new Error('boom at secret/path.ts:12'); };
        return Reflect.get(target, prop, receiver);
      },
    });
    const s2 = await startApiServer(broken, { host: '127.0.0.1', port: 0 });
    try {
      const r = await fetch(`${s2.url}/api/v1/baseline`);
      expect(r.status).toBe(500);
      const text = await r.text();
      expect(JSON.parse(text)).toEqual({ error: 'internal', message: 'internal error; the server log has the details' });
      expect(text).not.toMatch(/boom|secret|\.ts:/);
    } finally {
      await s2.close();
    }
  });
});
