// Every /api/v1 endpoint over real HTTP on 127.0.0.1 (OS-assigned port), against the real
// engine (createEngine) on a real SQLite store, fed by the simulator's kick scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';

let eut: EngineUnderTest;
let server: ApiServer;
let fed: { packets: number; firstMs: number; lastMs: number };

const get = (p: string) => fetch(`${server.url}${p}`);
const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const json = async (r: Response) => (await r.json()) as Record<string, unknown> & { message?: string };
const list = async <T = Advisory>(p: string) => (await (await get(p)).json()) as T[];

beforeAll(async () => {
  eut = await makeEngine();
  server = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0, bodyLimitBytes: 4096 });
});

afterAll(async () => {
  await server?.close();
  await eut?.dispose();
});

describe('before the first packet', () => {
  it('GET /diagnosis, /verification and /ml/latest are 204; /history is empty', async () => {
    expect((await get('/api/v1/diagnosis')).status).toBe(204);
    expect((await get('/api/v1/verification')).status).toBe(204);
    expect((await get('/api/v1/ml/latest')).status).toBe(204);
    expect(await list('/api/v1/history')).toEqual([]);
    expect(await json(await get('/api/v1/status'))).toMatchObject({ counts: { packets: 0 }, packet: null });
  });
});

describe('live endpoints with the pipeline fed a kick', () => {
  beforeAll(async () => {
    fed = await eut.feed('kick');
  });

  it('GET /status returns live status: counts, campaign, source, latest packet', async () => {
    const r = await get('/api/v1/status');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = await json(r);
    expect(body).toMatchObject({ campaign: 'production', counts: { packets: fed.packets } });
    expect((body.packet as { timeMs: number }).timeMs).toBe(fed.lastMs);
    expect((body.counts as { advisories: number }).advisories).toBeGreaterThan(0);
    expect(body).toHaveProperty('source.state');
  });

  it('GET /health returns each component and the storage flag', async () => {
    const r = await get('/api/v1/health');
    expect(r.status).toBe(200);
    const body = await json(r);
    expect(['healthy', 'degraded', 'unhealthy']).toContain(body.overall);
    expect((body.components as unknown[]).length).toBeGreaterThan(0);
    expect(body).toMatchObject({ storage: { diskFull: false } });
  });

  it('GET /drilling returns live drilling metrics', async () => {
    const body = await json(await get('/api/v1/drilling'));
    expect(body).toMatchObject({ timeMs: fed.lastMs, campaign: 'production' });
    expect((body.metrics as { timeMs: number }).timeMs).toBe(fed.lastMs);
    expect(Array.isArray(body.votes)).toBe(true);
  });

  it('GET /diagnosis returns the current advisory (the kick) and /verification the latest verdict', async () => {
    const d = await get('/api/v1/diagnosis');
    expect(d.status).toBe(200);
    const adv = await json(d);
    expect(adv).toMatchObject({ category: 'WellControl' });
    expect(adv.id).toBe(eut.engine.currentAdvisory()?.id);
    const v = await get('/api/v1/verification');
    expect(v.status).toBe(200);
    const verdict = await json(v);
    expect(['Confirmed', 'Uncertain', 'Rejected']).toContain(verdict.status);
    expect(typeof verdict.reason).toBe('string');
  });

  it('GET /baseline returns learning progress', async () => {
    const b = await json(await get('/api/v1/baseline'));
    expect(['learning', 'locked', 'disabled']).toContain(b.mode);
    expect(b.samples as number).toBeGreaterThan(0);
  });
});

describe('advisories, acknowledgement and audit', () => {
  it('GET /history lists newest first (50 by default) with category, limit and time filters', async () => {
    const all = await list('/api/v1/history');
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.length).toBeLessThanOrEqual(50);
    expect(all.every((a, i) => i === 0 || all[i - 1].timeMs >= a.timeMs)).toBe(true);
    const wc = await list('/api/v1/history?category=WellControl&limit=1000');
    expect(wc.length).toBeGreaterThan(0);
    expect(wc.every((a) => a.category === 'WellControl')).toBe(true);
    expect(await list('/api/v1/history?category=NoSuchCategory')).toEqual([]);
    expect(await list('/api/v1/history?limit=1')).toHaveLength(1);
    const pivot = all[Math.floor(all.length / 2)].timeMs;
    const since = await list(`/api/v1/history?since=${encodeURIComponent(new Date(pivot).toISOString())}&limit=1000`);
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((a) => a.timeMs >= pivot)).toBe(true);
    const until = await list(`/api/v1/history?until=${pivot - 1}&limit=1000`);
    expect(until.every((a) => a.timeMs < pivot)).toBe(true);
  });

  it('GET /history with a bad or unknown parameter is a 400 naming it', async () => {
    const r = await get('/api/v1/history?limit=abc');
    expect(r.status).toBe(400);
    expect((await json(r)).message).toMatch(/query\.limit/);
    const unknown = await get('/api/v1/history?colour=red');
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).message).toMatch(/colour/);
  });

  it('POST /advisory/acknowledge records it (201), audited; unknown advisory is 404', async () => {
    const [latest] = await list('/api/v1/history?limit=1');
    const r = await post('/api/v1/advisory/acknowledge', { advisoryId: latest.id, actor: 'J. Driller', action: 'flow check', notes: 'no flow' });
    expect(r.status).toBe(201);
    const ack = await json(r);
    expect(ack).toMatchObject({ advisoryId: latest.id, actor: 'J. Driller', action: 'flow check', notes: 'no flow' });
    expect(String(ack.id)).toMatch(/^ACK-/);
    const acks = await list<{ id: string }>(`/api/v1/advisory/acknowledgements?advisoryId=${latest.id}`);
    expect(acks.map((k) => k.id)).toEqual([ack.id]);
    const audit = await list<{ actor: string; kind: string }>('/api/v1/audit?kind=acknowledgement');
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

  it('POST /advisory/outcome records how it ended (201, audited); outcomes and per-fault counts read back', async () => {
    const [latest] = await list<{ id: string; fault: string }>('/api/v1/history?limit=1');
    const r = await post('/api/v1/advisory/outcome', { advisoryId: latest.id, actor: 'Company Man', outcome: { kind: 'FalsePositive' }, notes: 'pit transfer' });
    expect(r.status).toBe(201);
    expect(await json(r)).toMatchObject({ advisoryId: latest.id, actor: 'Company Man', outcome: { kind: 'FalsePositive' }, notes: 'pit transfer' });
    const outcomes = await list<{ advisoryId: string }>(`/api/v1/advisory/outcomes?advisoryId=${latest.id}`);
    expect(outcomes.map((o) => o.advisoryId)).toEqual([latest.id]);
    const stats = await list<{ fault: string; falseAlarm: number }>('/api/v1/outcomes/stats');
    expect(stats.find((s) => s.fault === latest.fault)?.falseAlarm).toBeGreaterThanOrEqual(1);
    expect((await list<{ kind: string }>('/api/v1/audit?kind=outcome'))[0]).toMatchObject({ actor: 'Company Man', kind: 'outcome' });
    const bad = await post('/api/v1/advisory/outcome', { advisoryId: latest.id, actor: 'JD', outcome: { kind: 'Escalated', reason: '' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toMatch(/the reason for escalating is required/);
    expect((await post('/api/v1/advisory/outcome', { advisoryId: 'ADV-deadbeef', actor: 'JD', outcome: { kind: 'FalsePositive' } })).status).toBe(404);
  });

  it('GET /reports/critical returns only Critical advisories (the kick is one)', async () => {
    const critical = await list('/api/v1/reports/critical?limit=1000');
    expect(critical.length).toBeGreaterThanOrEqual(1);
    expect(critical.every((a) => a.riskLevel === 'Critical')).toBe(true);
    expect(critical.length).toBe((await list('/api/v1/history?limit=1000')).filter((a) => a.riskLevel === 'Critical').length);
  });

  it('GET /audit filters by time and rejects a bad time', async () => {
    expect((await get('/api/v1/audit?since=0&until=1')).status).toBe(200);
    expect(await list('/api/v1/audit?since=0&until=1')).toEqual([]);
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
  it('GET /shift/summary by hours (ending at the latest packet) and by from/to; both at once is 400', async () => {
    const s = await json(await get('/api/v1/shift/summary?hours=12'));
    expect(s).toMatchObject({ toMs: fed.lastMs, fromMs: fed.lastMs - 12 * 3_600_000, packets: fed.packets });
    const from = new Date(fed.firstMs).toISOString();
    const to = new Date(fed.lastMs).toISOString();
    const ranged = await json(await get(`/api/v1/shift/summary?from=${from}&to=${to}`));
    expect(ranged).toMatchObject({ fromMs: fed.firstMs, toMs: fed.lastMs, packets: fed.packets, peakRisk: 'Critical' });
    expect(ranged.confirmed as number).toBeGreaterThan(0);
    expect((ranged.advisoriesByCategory as Record<string, number>).WellControl).toBeGreaterThan(0);
    expect(typeof ranged.depthStartFt).toBe('number');
    const both = await get(`/api/v1/shift/summary?hours=1&from=${from}`);
    expect(both.status).toBe(400);
    expect((await json(both)).message).toMatch(/either hours or from\/to/);
  });

  it('GET /metrics returns series for the channels asked; missing channels is 400', async () => {
    const r = await get(`/api/v1/metrics?channels=flowBalanceGpm,sppPsi&from=${fed.firstMs}&to=${fed.lastMs}&maxPoints=200`);
    expect(r.status).toBe(200);
    const series = (await r.json()) as { channel: string; points: [number, number][]; resolution: string }[];
    expect(series.map((s) => s.channel)).toEqual(['flowBalanceGpm', 'sppPsi']);
    expect(series[1].resolution).toBe('1min');
    expect(series[1].points.length).toBeGreaterThan(50);
    expect(series[1].points.length).toBeLessThanOrEqual(200);
    const raw = await get(`/api/v1/metrics?channels=sppPsi&from=${fed.firstMs}&to=${fed.firstMs + 59_000}`);
    const [rawSeries] = (await raw.json()) as { points: unknown[]; resolution: string }[];
    expect(rawSeries).toMatchObject({ resolution: 'raw' });
    expect(rawSeries.points).toHaveLength(60);
    const perMinute = await get(`/api/v1/metrics?channels=sppPsi&from=${fed.firstMs}&to=${fed.firstMs + 3_600_000}&resolution=60`);
    const [minuteSeries] = (await perMinute.json()) as { points: [number, number][]; resolution: string }[];
    expect(minuteSeries.resolution).toBe('1min');
    for (let i = 1; i < minuteSeries.points.length; i++) expect(minuteSeries.points[i][0] - minuteSeries.points[i - 1][0]).toBeGreaterThanOrEqual(60_000);
    const tooFine = await get(`/api/v1/metrics?channels=sppPsi&from=0&to=${30 * 86_400_000}&resolution=1`);
    expect(tooFine.status).toBe(400);
    expect((await json(tooFine)).message).toMatch(/choose a coarser resolution/);
    const none = await get('/api/v1/metrics');
    expect(none.status).toBe(400);
    expect((await json(none)).message).toMatch(/query\.channels/);
  });

  it('POST /ml/run analyses now (audited); GET /ml/latest and /ml/optimal?depth answer from the stored report; a bad depth is 400', async () => {
    expect((await get('/api/v1/ml/optimal?depth=10500')).status).toBe(204);
    expect((await post('/api/v1/ml/run', {})).status).toBe(400);
    const run = await post('/api/v1/ml/run', { actor: 'engineer' });
    expect(run.status).toBe(200);
    const outcome = (await run.json()) as { kind: string; report: { id: string; timeMs: number; result: { status: string }; depthRange: { fromFt: number; toFt: number } } };
    expect(outcome.kind).toBe('report');
    expect(outcome.report.timeMs).toBe(fed.lastMs);
    expect(outcome.report.result.status).toBe('success');
    const latest = await get('/api/v1/ml/latest');
    expect(latest.status).toBe(200);
    expect(((await latest.json()) as { id: string }).id).toBe(outcome.report.id);
    const optimal = await get(`/api/v1/ml/optimal?depth=${Math.round(outcome.report.depthRange.toFt + 300)}`);
    expect(optimal.status).toBe(200);
    expect(((await optimal.json()) as { id: string }).id).toBe(outcome.report.id);
    const audit = (await (await get('/api/v1/audit?kind=ml-run')).json()) as { actor: string; summary: string }[];
    expect(audit[0]).toMatchObject({ actor: 'engineer' });
    expect(audit[0].summary).toContain(outcome.report.id);
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
