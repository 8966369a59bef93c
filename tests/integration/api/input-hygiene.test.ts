// Issue 9 item 6: text from people is refused when it carries NUL or bidirectional controls
// (one rule in the shared schemas, so HTTP, WebSocket and IPC agree); prototype keys are
// refused on the WebSocket as on HTTP; Fastify's and Node's own refusals come out in the API's
// error format.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BridgeRequests } from '../../../src-shared/bridge.js';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';

let eut: EngineUnderTest;
let server: ApiServer;
let ws: WebSocket;
let nextId = 1;
const results = new Map<number, (r: { ok: boolean; error?: { code: string; message: string } }) => void>();

beforeAll(async () => {
  eut = await makeEngine();
  server = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0 });
  ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/bridge`);
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString()) as { type: string; id: number; result: { ok: boolean } };
    if (f.type === 'result') results.get(f.id)?.(f.result);
  });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
});
afterAll(async () => {
  ws?.terminate();
  await server?.close();
  await eut?.dispose();
});

/** Sends raw frame text; resolves with the result for `id`. */
function frame(text: string, id: number) {
  return new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) => {
    results.set(id, resolve);
    ws.send(text);
  });
}
const call = (command: string, request: unknown) => {
  const id = nextId++;
  return frame(JSON.stringify({ type: 'call', id, command, request }), id);
};
const post = (p: string, body: unknown) =>
  fetch(`${server.url}/api/v1${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const RLO = '\u202E';

describe('people text: NUL and bidirectional controls are refused on every transport', () => {
  const bad = [
    { actor: `dri${RLO}llxx`, action: 'flow check', code: 'U+202E', field: 'actor' },
    { actor: 'J. Driller', action: 'flow\u0000check', code: 'U+0000', field: 'action' },
    { actor: 'J. Driller', action: 'ok', notes: `closed ${'\u2066'}annular${'\u2069'}`, code: 'U+2066', field: 'notes' },
    { actor: `\u200FJ`, action: 'ok', code: 'U+200F', field: 'actor' },
  ];
  for (const b of bad) {
    it(`${b.field} with ${b.code}: refused by the schema, HTTP 400, WebSocket and engine invalid-request`, async () => {
      const request = { advisoryId: 'ADV-1', actor: b.actor, action: b.action, notes: b.notes };
      const parsed = BridgeRequests.acknowledge.safeParse(request); // what the Electron IPC handler runs
      expect(parsed.success).toBe(false);
      const http = await post('/advisory/acknowledge', request);
      expect(http.status).toBe(400);
      const body = (await http.json()) as { error: string; message: string };
      expect(body.message).toContain(b.field);
      expect(body.message).toContain(b.code);
      const viaWs = await call('acknowledge', request);
      expect(viaWs).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(viaWs.error?.message).toContain(b.code);
      expect(await eut.engine.call('acknowledge', request)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    });
  }

  it('a well name with an override is refused with its key; tabs and new lines in notes are fine', async () => {
    const r = await eut.engine.call('applyConfig', { config: { well: { name: `15/9-F-11${RLO}A` } }, actor: 'CM' });
    expect(r.ok && r.value.applied).toBe(false);
    expect(r.ok && r.value.errors.map((e) => e.key)).toEqual(['well.name']);
    expect(BridgeRequests.acknowledge.safeParse({ advisoryId: 'A', actor: 'J', action: 'x', notes: 'line 1\n\tline 2' }).success).toBe(true);
    // Outcomes are people's text too.
    const outcome = BridgeRequests.setOutcome.safeParse({ advisoryId: 'A', actor: 'J', outcome: { kind: 'Resolved', action: `shut in${RLO}` } });
    expect(outcome.success).toBe(false);
    expect((await post('/campaign', { campaign: 'pa', actor: `CM${RLO}` })).status).toBe(400);
    expect(eut.engine.status().campaign).toBe('production');
  });
});

describe('prototype keys on the WebSocket, as on HTTP', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`a frame with "${key}" is refused and changes nothing`, async () => {
      const id = nextId++;
      const text = `{"type":"call","id":${id},"command":"applyConfig","request":{"actor":"x","config":{"${key}":{"thresholds":{"well_control":{"pit_gain_warning_bbl":7}}}}}}`;
      const r = await frame(text, id);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(r.error?.message).toContain(key);
      expect(eut.engine.config().thresholds.well_control.pit_gain_warning_bbl).toBe(5);
      // The shared schema refuses it too (IPC): structured clone keeps "__proto__" as an own key.
      const viaSchema = BridgeRequests.applyConfig.safeParse(JSON.parse(text).request);
      expect(viaSchema.success).toBe(false);
    });
  }
  it('HTTP refuses __proto__ in a body (Fastify) with the API error format', async () => {
    const r = await fetch(`${server.url}/api/v1/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"actor":"x","config":{"__proto__":{"x":1}}}',
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });
});

/** Sends raw bytes; resolves with everything the server answered before closing. */
function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const c = net.connect(server.port, '127.0.0.1');
    let d = '';
    c.on('data', (x) => (d += x.toString()));
    c.on('close', () => resolve(d));
    c.on('error', () => undefined);
    c.write(text);
    setTimeout(() => c.end(), 500);
  });
}
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;

describe("Fastify's and Node's own errors in the API format", () => {
  it.each(['/%', '/api/v1/%zz', '/api/v1/status%'])('bad URL %s: 400 {error: bad-url, message}', async (p) => {
    const answer = await raw(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(bodyOf(answer)).toEqual({ error: 'bad-url', message: expect.stringContaining('not valid URL encoding') });
  });

  it('a malformed request line and a bad Content-Length: 400 {error: malformed-request, message}', async () => {
    for (const text of ['GARBAGE\r\n\r\n', 'POST /api/v1/campaign HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n']) {
      const answer = await raw(text);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(bodyOf(answer)).toEqual({ error: 'malformed-request', message: expect.stringContaining('not a valid HTTP request') });
    }
  });

  it('an unknown endpoint and a bad query parameter keep the format too', async () => {
    expect(await (await fetch(`${server.url}/api/v1/nope`)).json()).toEqual({ error: 'not-found', message: 'no such endpoint: GET /api/v1/nope' });
    const r = await fetch(`${server.url}/api/v1/metrics?channels=sppPsi&resolution=1&from=0&to=86400000`);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'invalid-request' });
  });
});
