// Issue 9 item 5: the desktop renderer is served from app://sairen/ by a protocol handler that
// reads dist-renderer only, answers with the CSP header, and refuses every way out of the
// folder. The Electron binary cannot run here, so the handler's logic (a plain module) is
// tested under Node with real files; main.ts only registers it (checked in
// tests/unit/renderer/electron-security.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY, resolveAppFile, serveAppRequest } from '../../../src-main/electron/app-protocol.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-app-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
const root = path.join(base, 'dist-renderer');
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>SAIREN</title>');
fs.writeFileSync(path.join(root, 'assets', 'app-123.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'assets', 'app-123.css'), 'body{}');
fs.writeFileSync(path.join(base, 'secret.txt'), 'root:$6$SECRET');
fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));

describe('app:// requests', () => {
  it('serves index.html, assets and client-side routes with the CSP header and the right type', async () => {
    const index = await serveAppRequest(APP_INDEX_URL, root);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>SAIREN</title>');
    const js = await serveAppRequest('app://sairen/assets/app-123.js', root);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const css = await serveAppRequest('app://sairen/assets/app-123.css', root);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    for (const route of ['app://sairen/', 'app://sairen/settings', 'app://sairen/reports/shift']) {
      expect(await (await serveAppRequest(route, root)).text()).toContain('<title>SAIREN</title>');
    }
  });

  it.each([
    'app://sairen/../secret.txt',
    'app://sairen/%2e%2e/secret.txt',
    'app://sairen/assets/..%2f..%2fsecret.txt',
    'app://sairen/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://sairen/..%5csecret.txt',
    'app://sairen/assets/link.txt',
    'app://sairen/assets/%00.js',
    'app://evil/index.html',
    'file:///etc/passwd',
    'app://sairen/%E0%A4%A',
  ])('never serves anything outside dist-renderer: %s', async (url) => {
    const r = await serveAppRequest(url, root);
    const body = await r.text();
    expect(body).not.toContain('SECRET');
    if (r.status === 200) expect(body).toContain('<title>SAIREN</title>'); // normalised back inside: the app itself
    else expect([400, 403, 404]).toContain(r.status);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('names why a path is refused', async () => {
    expect(await resolveAppFile('app://sairen/assets/..%2f..%2fsecret.txt', root)).toMatchObject({ ok: false, status: 403 });
    expect(await resolveAppFile('app://sairen/assets/link.txt', root)).toMatchObject({ ok: false, status: 403, reason: 'path leaves the app folder' });
    expect(await resolveAppFile('app://sairen/assets/none.js', root)).toMatchObject({ ok: false, status: 404 });
  });

  it('the CSP allows no inline script or style and nothing from another origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
