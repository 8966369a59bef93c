// What the rig's hub client puts on the wire, checked against a real HTTP server on loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../../src-main/fleet/hub-client.js';
import { zstdDecompressBounded } from '../../../src-main/fleet/wire-zstd.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';

const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
let reply: { status: number; body: string } = { status: 200, body: '{}' };
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('hub client', () => {
  it('sends zstd JSON with the rig id and key, under the hub URL\'s path prefix', async () => {
    const c = new HubClient({ hubUrl: `${base}/sairen`, rigId: 'RIG-9', key: 'sk_secret-value' });
    reply = { status: 201, body: '{"status":"stored"}' };
    const ev = makeFleetEvent({ rigId: 'RIG-9', timeMs: 1_700_000_000_000 });
    expect(await c.uploadEvent(ev)).toEqual({ ok: true, value: 'stored' });
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', url: '/sairen/api/fleet/events' });
    expect(req.headers).toMatchObject({ authorization: 'Bearer sk_secret-value', 'x-rig-id': 'RIG-9', 'content-encoding': 'zstd', 'content-type': 'application/json' });
    expect(JSON.parse(zstdDecompressBounded(req.body, 1e7).toString()).id).toBe(ev.id);
    expect(c.traffic.payloadBytesSent).toBe(req.body.length);
  });

  it('sorts answers into stored, duplicate, rejected for good, unauthorised and try-again, never echoing the key', async () => {
    const c = new HubClient({ hubUrl: base, rigId: 'RIG-9', key: 'sk_secret-value' });
    const ev = makeFleetEvent({ rigId: 'RIG-9', timeMs: 1_700_000_000_000 });
    const cases: [number, string, unknown][] = [
      [200, '{"status":"duplicate"}', { ok: true, value: 'duplicate' }],
      [400, '{"error":"invalid-request","message":"historyWindow: too small"}', { ok: false, kind: 'rejected', status: 400, message: 'hub answered 400: historyWindow: too small' }],
      [401, '{"error":"unauthorized","message":"rig id or key not accepted"}', { ok: false, kind: 'unauthorised', status: 401 }],
      [429, '{"error":"rate-limited","message":"slow down"}', { ok: false, kind: 'unavailable', status: 429 }],
      [503, 'not json', { ok: false, kind: 'unavailable', status: 503, message: 'hub answered 503' }],
    ];
    for (const [status, body, expected] of cases) {
      reply = { status, body };
      const r = await c.uploadEvent(ev);
      expect(r, String(status)).toMatchObject(expected as object);
      expect(JSON.stringify(r)).not.toContain('sk_secret-value');
    }
    expect(c.lastContact?.reachable).toBe(true);
    const down = new HubClient({ hubUrl: 'http://127.0.0.1:1', rigId: 'RIG-9', key: 'sk_secret-value' });
    const r = await down.ping();
    expect(r).toMatchObject({ ok: false, kind: 'unavailable', status: null });
    expect(down.lastContact?.reachable).toBe(false);
  });
});
