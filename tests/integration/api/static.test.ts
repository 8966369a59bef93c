// The renderer is served from a build directory at / with SPA fallback and a strict CSP;
// without a build, / says how to make one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/headless/static.js';
import { makeEngine, type EngineUnderTest } from './engine-under-test.js';

let eut: EngineUnderTest;
let built: ApiServer;
let bare: ApiServer;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-dist-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>SAIREN</title><script type="module" src="/app.js"></script>');
  fs.writeFileSync(path.join(dist, 'app.js'), 'console.log(1);');
  eut = await makeEngine();
  built = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0, staticDir: dist });
  bare = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0, staticDir: path.join(dist, 'missing') });
});
afterAll(async () => {
  await built?.close();
  await bare?.close();
  await eut?.dispose();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('static renderer', () => {
  it('serves index.html at / and assets, with the CSP header', async () => {
    const r = await fetch(`${built.url}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<title>SAIREN</title>');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    const js = await fetch(`${built.url}/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('falls back to index.html for client-side routes, but not for missing assets or API paths', async () => {
    const route = await fetch(`${built.url}/reports/critical`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>SAIREN</title>');
    expect((await fetch(`${built.url}/missing.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
    const api = await fetch(`${built.url}/api/v1/unknown`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not-found' });
    // Encoded, doubled-slash and case-changed API paths are API paths too: never the dashboard page.
    for (const variant of ['/%61pi/v1/unknown', '//api/v1/unknown', '/API/v1/unknown']) {
      const r = await fetch(`${built.url}${variant}`, { headers: { accept: 'text/html' } });
      expect(r.status, variant).toBe(404);
      expect(await r.text(), variant).not.toContain('<title>SAIREN</title>');
    }
  });

  it('without a build, / is a 404 that says how to build the renderer', async () => {
    const r = await fetch(`${bare.url}/`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { message: string }).message).toMatch(/renderer not built.*npm run build:renderer/);
  });
});
