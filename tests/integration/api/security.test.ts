// Token rules: loopback is open; bound anywhere else (127.0.0.2 here, a real second loopback
// address on Linux) POST needs the bearer token and GET too unless openReads.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { REDACTED_SECRET, defaultConfig } from '../../../src-shared/config.js';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { assertServablePolicy, authorize, bearerToken, isLoopbackHost, isLoopbackHostHeader } from '../../../src-main/headless/routes/security.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';

const OFF_LOOPBACK = '127.0.0.2';
const TOKEN = 's3cret-token';
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of open.splice(0).reverse()) await f();
});

async function canBind(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, host, () => s.close(() => resolve(true)));
  });
}

async function serve(opts: { token?: string; openReads?: boolean }): Promise<{ server: ApiServer; eut: EngineUnderTest }> {
  const eut = await makeEngine();
  open.push(() => eut.dispose());
  const server = await startApiServer(eut.engine, { host: OFF_LOOPBACK, port: 0, ...opts });
  open.push(() => server.close());
  return { server, eut };
}

const campaignBody = JSON.stringify({ campaign: 'p&a', actor: 'CM' });

describe('the authorisation decision', () => {
  it('trusts loopback, and off loopback needs the token for writes and (unless openReads) reads', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('127.0.0.2')).toBe(false);
    expect(isLoopbackHostHeader('[::1]:8080')).toBe(true);
    expect(isLoopbackHostHeader('localhost:8080')).toBe(true);
    expect(isLoopbackHostHeader('attacker.example:8080')).toBe(false);
    expect(authorize({ loopback: true, token: null, openReads: false }, true, null)).toBeNull();
    const closed = { loopback: false, token: TOKEN, openReads: false };
    expect(authorize(closed, false, null)?.status).toBe(401);
    expect(authorize(closed, true, 'wrong')?.message).toBe('wrong bearer token');
    expect(authorize(closed, true, TOKEN)).toBeNull();
    const reads = { ...closed, openReads: true };
    expect(authorize(reads, false, null)).toBeNull();
    expect(authorize(reads, true, null)?.message).toMatch(/writes on this address need "Authorization: Bearer/);
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(() => assertServablePolicy('0.0.0.0', '')).toThrow(/refusing to serve the SAIREN API on 0\.0\.0\.0 without a token/);
  });
});

describe(`a server bound to ${OFF_LOOPBACK}`, () => {
  it('refuses to start without a token, with a clear message', async () => {
    const eut = await makeEngine();
    open.push(() => eut.dispose());
    await expect(startApiServer(eut.engine, { host: '0.0.0.0', port: 0 })).rejects.toThrow(/without a token: set server\.token/);
  });

  it('with a token and closed reads: GET and POST need it', async () => {
    if (!(await canBind(OFF_LOOPBACK))) {
      expect(authorize({ loopback: false, token: TOKEN, openReads: false }, false, null)).not.toBeNull();
      return;
    }
    const { server } = await serve({ token: TOKEN });
    expect(server.url).toContain(OFF_LOOPBACK);
    const noToken = await fetch(`${server.url}/api/v1/status`);
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { message: string }).message).toMatch(/reads on this address need/);
    expect((await fetch(`${server.url}/api/v1/status`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const post = (auth?: string) =>
      fetch(`${server.url}/api/v1/campaign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: campaignBody,
      });
    expect((await post()).status).toBe(401);
    expect((await post('Bearer nope')).status).toBe(401);
    expect((await post(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('with openReads: GET is open, POST and WebSocket writes still need the token', async () => {
    if (!(await canBind(OFF_LOOPBACK))) {
      expect(authorize({ loopback: false, token: TOKEN, openReads: true }, true, null)).not.toBeNull();
      return;
    }
    const { server } = await serve({ token: TOKEN, openReads: true });
    expect((await fetch(`${server.url}/api/v1/status`)).status).toBe(200);
    const denied = await fetch(`${server.url}/api/v1/campaign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: campaignBody });
    expect(denied.status).toBe(401);

    const call = async (query: string) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/bridge${query}`);
      open.push(async () => void ws.terminate());
      await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
      // Events (the audit entry of the switch) may arrive first: wait for the result frame.
      const reply = new Promise<{ result: { ok: boolean; error?: { code: string } } }>((r) =>
        ws.on('message', (d) => {
          const f = JSON.parse(d.toString());
          if (f.type === 'result') r(f);
        }),
      );
      ws.send(JSON.stringify({ type: 'call', id: 1, command: 'setCampaign', request: { campaign: 'p&a', actor: 'CM' } }));
      return (await reply).result;
    };
    expect(await call('')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call(`?token=${TOKEN}`)).toMatchObject({ ok: true });
  });
});

describe('the token never leaves the engine (issue 9 item 2)', () => {
  it('GET /config, the Bridge getConfig, audit entries and logs show it redacted; echoing the placeholder keeps it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-redact-'));
    const lines: string[] = [];
    const storage = SqliteStore.open({ dataDir, metricsFlushMs: 0 });
    const engine = createEngine(defaultConfig(), { storage, dataDir, healthIntervalMs: 0, log: (l) => lines.push(l) });
    await engine.start();
    open.push(async () => {
      await engine.dispose();
      await storage.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    expect(await engine.call('applyConfig', { config: { server: { token: TOKEN, open_reads: true } }, actor: 'CM' })).toMatchObject({ ok: true, value: { applied: true } });
    const server = await startApiServer(engine, { host: '127.0.0.1', port: 0 });
    open.push(() => server.close());

    const viaHttp = (await (await fetch(`${server.url}/api/v1/config`)).json()) as { server: { token: string } };
    expect(viaHttp.server.token).toBe(REDACTED_SECRET);
    const viaBridge = await engine.call('getConfig', {});
    expect(viaBridge.ok && viaBridge.value.server.token).toBe(REDACTED_SECRET);

    // Settings posts back the whole form: the placeholder must not become the token.
    const echoed = { ...viaHttp, thresholds: { well_control: { pit_gain_warning_bbl: 6 } } };
    const post = await fetch(`${server.url}/api/v1/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config: echoed, actor: 'CM' }),
    });
    expect(post.status).toBe(200);
    expect(engine.config().server.token).toBe(TOKEN);
    expect(engine.config().thresholds.well_control.pit_gain_warning_bbl).toBe(6);

    const listed = await engine.call('getAudit', { limit: 50 });
    const audit = listed.ok ? listed.value : [];
    const tokenChange = audit.find((e) => e.summary.includes('server.token'));
    expect(tokenChange?.after).toEqual({ 'server.token': REDACTED_SECRET, 'server.open_reads': true });
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    const auditHttp = await (await fetch(`${server.url}/api/v1/audit`)).text();
    expect(auditHttp).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
