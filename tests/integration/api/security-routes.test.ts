// Issue 9 item 1: the token check is made on the route the router matched, deny by default.
// Every registered route is walked off loopback (127.0.0.2, a real second loopback address on
// Linux), with and without the token, with the path as an attacker would send it: encoded
// letters (%61pi), doubled slashes, dot segments, changed case, trailing slash. Without the
// token each answer is 401 or harmless (an API-format 404/400, or a static file); nothing
// changes state; with the token every route answers.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';
import { rawRequest, type RawResponse } from './raw-http.js';

const OFF_LOOPBACK = '127.0.0.2';
const TOKEN = 'route-walk-token-7f3a';

/** Bodies that would change state if a POST got through. */
const BODIES: Record<string, unknown> = {
  '/api/v1/campaign': { campaign: 'pa', actor: 'intruder' },
  '/api/v1/config': { config: { thresholds: { well_control: { flow_imbalance_critical_gpm: 25 } } }, actor: 'intruder' },
  '/api/v1/config/validate': { config: {} },
  '/api/v1/advisory/acknowledge': { advisoryId: 'ADV-none', actor: 'intruder', action: 'silenced' },
};

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** The path as an attacker would spell it: each variant either reaches the same route or none. */
export function pathVariants(p: string): string[] {
  const segs = p.split('/').filter(Boolean);
  if (segs.length === 0) return ['/', '//', '/./', '/%2e/', '/x/..', '/?', '/index.html/'];
  const [first, ...rest] = segs;
  const last = segs[segs.length - 1];
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const out = new Set<string>([
    p,
    join([hex(first[0]) + first.slice(1), ...rest]), // /%61pi/v1/config
    join([hex(first[0]).toUpperCase() + first.slice(1), ...rest]), // /%61pi with upper-case hex
    join([...segs.slice(0, -1), hex(last[0]) + last.slice(1)]), // /api/v1/%63onfig
    join(segs.map((s) => [...s].map(hex).join(''))), // every character encoded
    `/${p}`, // //api/v1/config
    segs.length > 1 ? join([first, '', ...rest]) : `${p}//`, // /api//v1/config
    join([first, '.', ...rest]), // /api/./v1/config
    join([first, 'x', '..', ...rest]), // /api/x/../v1/config
    join([first, '%2e', ...rest]), // /api/%2e/v1/config
    join([first, '%2e%2e', ...rest]),
    p.toUpperCase(),
    join([first.toUpperCase(), ...rest]),
    join([...segs.slice(0, -1), last.toUpperCase()]),
    `${p}/`,
    `${p}//`,
    `${p}?`,
    `${p}?token=${TOKEN.slice(0, 4)}`,
    `${p};x`,
    `/${segs.join('%2F')}`, // /api%2Fv1%2Fconfig
    `/%2F${p.slice(1)}`,
    `/${segs.join('\\')}`, // /api\v1\config
  ]);
  return [...out];
}

const STATIC_TYPES = /^(text\/html|text\/css|application\/javascript|text\/javascript|image\/|audio\/|font\/|application\/octet-stream)/;

/** A tokenless answer that gives nothing away (reads may answer when they are open) and changes nothing. */
function harmless(r: RawResponse, readsOpen: boolean): string | null {
  if (r.body.includes(TOKEN)) return 'leaks the token';
  if (readsOpen) return r.status >= 500 ? `status ${r.status}` : null;
  if (/flow_imbalance|"campaign"\s*:|"counts"\s*:|"components"\s*:/.test(r.body)) return 'leaks engine data';
  if (r.status === 401) return null;
  if ([400, 404, 405, 414].includes(r.status)) {
    // An API-format error (item 6): {"error": code, "message": text}; HEAD has no body.
    if (r.body === '') return null;
    try {
      const b = JSON.parse(r.body) as { error?: unknown; message?: unknown };
      return typeof b.error === 'string' && typeof b.message === 'string' ? null : `error not in the API format: ${r.body.slice(0, 120)}`;
    } catch {
      return STATIC_TYPES.test(r.contentType) ? null : `error body is not JSON: ${r.body.slice(0, 120)}`;
    }
  }
  if ((r.status >= 200 && r.status < 400) && (STATIC_TYPES.test(r.contentType) || r.body === '')) return null; // a dashboard file
  return `status ${r.status} ${r.contentType}: ${r.body.slice(0, 160)}`;
}

async function canBind(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, host, () => s.close(() => resolve(true)));
  });
}

for (const openReads of [false, true]) {
  describe(`every route off loopback (open_reads = ${openReads})`, () => {
    let eut: EngineUnderTest;
    let server: ApiServer;
    let staticDir: string;

    beforeAll(async () => {
      expect(await canBind(OFF_LOOPBACK), `${OFF_LOOPBACK} must be bindable (Linux loopback range)`).toBe(true);
      staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-static-'));
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>SAIREN</title>');
      fs.mkdirSync(path.join(staticDir, 'assets'));
      fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
      eut = await makeEngine();
      // The engine's own copy of the token, so any answer that hands it out is caught (item 2).
      await eut.engine.call('applyConfig', { config: { server: { token: TOKEN } }, actor: 'setup' });
      server = await startApiServer(eut.engine, { host: OFF_LOOPBACK, port: 0, token: TOKEN, openReads, staticDir });
    });
    afterAll(async () => {
      await server?.close();
      await eut?.dispose();
      fs.rmSync(staticDir, { recursive: true, force: true });
    });

    /** `base` is the route's own path: it picks the body a POST carries. */
    const send = (method: string, p: string, token: boolean, base: string) => {
      const body = method === 'POST' ? JSON.stringify(BODIES[base] ?? {}) : undefined;
      return rawRequest({
        host: OFF_LOOPBACK,
        port: server.port,
        method,
        path: p,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${TOKEN}` } : {}),
        },
        body,
      });
    };
    it('lists the routes: the API, the bridge and the dashboard files, only the dashboard public', () => {
      const urls = new Set(server.routes.map((r) => r.url));
      for (const u of ['/api/v1/status', '/api/v1/config', '/api/v1/campaign', '/api/v1/bridge', '/api/v1/advisory/acknowledge']) expect(urls).toContain(u);
      const pub = server.routes.filter((r) => r.public).map((r) => r.url);
      expect(pub.length).toBeGreaterThan(0);
      for (const u of pub) expect(u.startsWith('/api')).toBe(false);
    });

    it('without the token: 401 or a harmless answer for every route and variant, and nothing changes', async () => {
      const failures: string[] = [];
      let requests = 0;
      for (const route of server.routes) {
        const base = route.url === '/*' ? '/assets/app.js' : route.url;
        for (const method of route.methods) {
          for (const v of pathVariants(base)) {
            const r = await send(method, v, false, base);
            requests++;
            const problem = harmless(r, openReads && method !== 'POST');
            if (problem) failures.push(`${method} ${v}: ${problem}`);
          }
          const exact = await send(method, base, false, base);
          const readOpen = openReads && method !== 'POST';
          if (!route.public && !readOpen && exact.status !== 401) failures.push(`${method} ${base}: ${exact.status}, expected 401`);
          if (route.public && exact.status === 401) failures.push(`${method} ${base}: public route answered 401`);
        }
      }
      expect(requests).toBeGreaterThan(300);
      expect(failures).toEqual([]);
      // Nothing an intruder sent took effect.
      expect(eut.engine.status().campaign).toBe('production');
      expect(eut.engine.config().thresholds.well_control.flow_imbalance_critical_gpm).toBe(20);
      const r = await eut.engine.call('getAudit', { limit: 100 });
      const audit = r.ok ? r.value : [];
      expect(audit.filter((e) => e.actor === 'intruder')).toEqual([]);
      expect(JSON.stringify(audit)).not.toContain(TOKEN);
    });

    it('with the token: every route and variant answers (never 401, never a 5xx)', async () => {
      const failures: string[] = [];
      for (const route of server.routes) {
        const base = route.url === '/*' ? '/assets/app.js' : route.url;
        for (const method of route.methods) {
          for (const v of pathVariants(base)) {
            const r = await send(method, v, true, base);
            if (r.status === 401 || r.status >= 500) failures.push(`${method} ${v}: ${r.status} ${r.body.slice(0, 120)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      // The token is the key: the same POST that was refused above now switches the campaign.
      expect(eut.engine.status().campaign).toBe('plug_abandonment');
    });
  });
}
