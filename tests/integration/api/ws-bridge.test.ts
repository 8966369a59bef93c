// The Bridge over WebSocket: call -> result, engine events pushed, bad frames answered with
// ok:false on a socket that stays open, cross-origin pages refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerFrame } from '../../../src-shared/bridge.js';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';

let eut: EngineUnderTest;
let server: ApiServer;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  eut = await makeEngine();
  server = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await server?.close();
  await eut?.dispose();
});

/** A client that collects frames and can wait for one matching a predicate. */
async function connect(query = '', headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/bridge${query}`, { headers });
  sockets.push(ws);
  const frames: WsServerFrame[] = [];
  const waiters: { pred: (f: WsServerFrame) => boolean; resolve: (f: WsServerFrame) => void }[] = [];
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString()) as WsServerFrame;
    frames.push(f);
    for (const w of waiters.splice(0)) {
      if (w.pred(f)) w.resolve(f);
      else waiters.push(w);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const next = (pred: (f: WsServerFrame) => boolean, timeoutMs = 3000) =>
    new Promise<WsServerFrame>((resolve, reject) => {
      const found = frames.find(pred);
      if (found) return resolve(found);
      const t = setTimeout(() => reject(new Error('no matching frame')), timeoutMs);
      waiters.push({ pred, resolve: (f) => (clearTimeout(t), resolve(f)) });
    });
  const result = (id: number) => next((f) => f.type === 'result' && f.id === id) as Promise<Extract<WsServerFrame, { type: 'result' }>>;
  return { ws, next, result };
}

describe('WebSocket Bridge /api/v1/bridge', () => {
  it('answers a call with a result frame carrying the engine response', async () => {
    const c = await connect();
    c.ws.send(JSON.stringify({ type: 'call', id: 7, command: 'getStatus', request: {} }));
    const r = await c.result(7);
    expect(r.result.ok).toBe(true);
    expect(r.result.ok && (r.result.value as { campaign: string }).campaign).toBe('production');
  });

  it('answers bad frames with ok:false invalid-request and keeps the socket open', async () => {
    const c = await connect();
    c.ws.send('this is not json');
    const notJson = await c.result(-1);
    expect(notJson.result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    c.ws.send(JSON.stringify({ type: 'call', id: 3, command: 'dropTheBit', request: {} }));
    expect((await c.result(3)).result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/command/) } });
    c.ws.send(JSON.stringify({ type: 'call', id: 4, command: 'acknowledge', request: { advisoryId: 'ADV-1' } }));
    expect((await c.result(4)).result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/actor/) } });
    c.ws.send(JSON.stringify({ type: 'call', id: 5, command: 'getBaseline', request: {} }));
    expect((await c.result(5)).result.ok).toBe(true);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('pushes engine events (advisory, acknowledgement, audit) to every client', async () => {
    const a = await connect();
    const b = await connect();
    await eut.feed('kick'); // the live pipeline raises the advisories
    const adv = eut.engine.currentAdvisory();
    expect(adv).not.toBeNull();
    if (!adv) return;
    for (const c of [a, b]) {
      const f = await c.next((x) => x.type === 'event' && x.event === 'advisory' && (x.payload as { id: string }).id === adv.id);
      expect(f.type === 'event' && (f.payload as { category: string }).category).toBe('WellControl');
      await c.next((x) => x.type === 'event' && x.event === 'status');
    }
    a.ws.send(JSON.stringify({ type: 'call', id: 1, command: 'acknowledge', request: { advisoryId: adv.id, actor: 'JD', action: 'flow check' } }));
    expect((await a.result(1)).result.ok).toBe(true);
    const ackEvent = await b.next((x) => x.type === 'event' && x.event === 'acknowledgement');
    expect(ackEvent.type === 'event' && (ackEvent.payload as { advisoryId: string }).advisoryId).toBe(adv.id);
    await b.next((x) => x.type === 'event' && x.event === 'audit');
  });

  it('refuses a handshake from another origin', async () => {
    await expect(connect('', { origin: 'http://evil.example' })).rejects.toThrow(/HTTP 403/);
    const same = await connect('', { origin: server.url });
    expect(same.ws.readyState).toBe(WebSocket.OPEN);
  });
});
