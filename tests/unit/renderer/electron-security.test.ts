// Electron security checks. @doyensec/electronegativity cannot be installed in this build
// environment (no registry access for new packages), so its relevant checks are written here
// as tests over the source of src-main/electron: they fail when a setting regresses.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(process.cwd(), 'src-main/electron');
const files = readdirSync(dir).filter((f) => /\.(c|m)?ts$/.test(f));
const src = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const all = Object.values(src).join('\n');
/** Source without comments, so a comment mentioning a bad setting does not count. */
const code = all.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function webPreferencesBlock(): string {
  const m = /webPreferences:\s*\{([\s\S]*?)\}/.exec(code);
  expect(m, 'BrowserWindow webPreferences').not.toBeNull();
  return m![1];
}

describe('Electron security (electronegativity-equivalent checks)', () => {
  it('finds the shell files', () => {
    expect(files).toEqual(expect.arrayContaining(['main.ts', 'preload.cts', 'ipc.ts']));
  });

  it('CONTEXT_ISOLATION_JS_CHECK: contextIsolation is true', () => {
    expect(webPreferencesBlock()).toMatch(/contextIsolation:\s*true/);
    expect(code).not.toMatch(/contextIsolation:\s*false/);
  });

  it('NODE_INTEGRATION_JS_CHECK: nodeIntegration is false everywhere', () => {
    const wp = webPreferencesBlock();
    expect(wp).toMatch(/nodeIntegration:\s*false/);
    expect(code).not.toMatch(/nodeIntegration(InWorker|InSubFrames)?:\s*true/);
  });

  it('SANDBOX_JS_CHECK: sandbox is true and enabled app-wide', () => {
    expect(webPreferencesBlock()).toMatch(/sandbox:\s*true/);
    expect(code).toMatch(/app\.enableSandbox\(\)/);
  });

  it('WEB_SECURITY_JS_CHECK: webSecurity is not disabled', () => {
    expect(code).not.toMatch(/webSecurity:\s*false/);
  });

  it('INSECURE_CONTENT / EXPERIMENTAL_FEATURES / BLINK_FEATURES: none enabled', () => {
    expect(code).not.toMatch(/allowRunningInsecureContent/);
    expect(code).not.toMatch(/experimentalFeatures:\s*true/);
    expect(code).not.toMatch(/enableBlinkFeatures/);
    expect(code).not.toMatch(/webviewTag:\s*true/);
  });

  it('OPEN_EXTERNAL_JS_CHECK: shell.openExternal is not used (no untrusted URL can reach it)', () => {
    expect(code).not.toMatch(/openExternal/);
  });

  it('AUXCLICK / new windows / navigation / webviews are blocked', () => {
    expect(code).toMatch(/setWindowOpenHandler\(\s*\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/);
    expect(code).toMatch(/'will-navigate'[\s\S]{0,200}preventDefault\(\)/);
    expect(code).toMatch(/'will-attach-webview'[\s\S]{0,100}preventDefault\(\)/);
  });

  it('PERMISSION_REQUEST_HANDLER_JS_CHECK: permission requests are denied', () => {
    expect(code).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)/);
    expect(code).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
  });

  it('CSP_GLOBAL_CHECK: a strict CSP is set as a response header, without unsafe-eval', () => {
    expect(code).toMatch(/onHeadersReceived[\s\S]{0,300}Content-Security-Policy/);
    const csp = /CONTENT_SECURITY_POLICY\s*=\s*\[([\s\S]*?)\]\.join/.exec(code)?.[1] ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'"/);
    expect(csp).not.toMatch(/unsafe-eval/);
    // The renderer needs no inline styles: React style props go through the CSSOM, which
    // style-src does not govern; no <style> element or style attribute is written.
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
    const html = readFileSync(join(process.cwd(), 'src-renderer/index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it('REMOTE content: the renderer comes from the app:// protocol (not file://), nothing over the network', () => {
    expect(code).toMatch(/protocol\.registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/);
    expect(code).toMatch(/protocol\.handle\(APP_SCHEME, \(request\) => serveAppRequest\(request\.url, rendererDir\)\)/);
    expect(code).toMatch(/loadURL\(APP_INDEX_URL\)/);
    expect(code).not.toMatch(/loadFile\(|file:\/\//);
    expect(code).not.toMatch(/loadURL\(\s*['"`]https?:/);
    expect(code).toMatch(/onBeforeRequest[\s\S]{0,200}cancel/);
  });

  it('FUSES: electron-builder flips RunAsNode, NODE_OPTIONS and inspect off, cookie encryption and asar integrity on', () => {
    const yml = readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (\w+)$/gm)].map((m) => [m[1], m[2]]));
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('MODEL FILES: a model outside the models folder is opened only once picked in the native file dialog', () => {
    const ipc = src['ipc.ts'];
    expect(ipc).toMatch(/command === 'setLlmModel'[\s\S]{0,400}confirmModel\(/);
    expect(ipc).toMatch(/dialog\.showOpenDialog/);
    expect(ipc).toMatch(/models\.picked\.add\(real\)/);
    expect(src['main.ts']).toMatch(/pickedModel: \(p\) => pickedModels\.has\(p\)/);
  });

  it('PRELOAD: exposes exactly one object, window.sairen = { call, saveFile, on }, and never ipcRenderer itself', () => {
    const preload = src['preload.cts'];
    const exposures = preload.match(/exposeInMainWorld\(/g) ?? [];
    expect(exposures).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('sairen',\s*\{\s*call\(/);
    const exposed = /exposeInMainWorld\('sairen',\s*\{([\s\S]*)\}\);/.exec(preload)?.[1] ?? '';
    const keys = [...exposed.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
    expect(keys).toEqual(['call', 'saveFile', 'on']);
    expect(exposed).not.toMatch(/ipcRenderer\s*[,}]/); // not handed over as a value
    expect(preload).not.toMatch(/require\((?!'electron')/);
  });

  it('IPC: every handler checks the sender and hands the payload to the engine, whose dispatcher validates it', () => {
    const ipc = src['ipc.ts'];
    expect(ipc).toMatch(/if \(!trustedSender\(event, allowedUrlPrefix\)\)[\s\S]{0,200}code: 'refused'/);
    expect(ipc).toMatch(/return await engine\.call\(command, request\)/);
    // The one validation boundary: the dispatcher parses every command against the contract.
    const dispatch = readFileSync(join(process.cwd(), 'src-main/app/dispatch.ts'), 'utf8');
    expect(dispatch).toMatch(/const schema = BridgeRequests\[command\];[\s\S]{0,200}schema\.safeParse\(request/);
  });

  it('SAVE DIALOG: the report save handler checks the sender, validates a plain file name, asks the person', () => {
    const save = src['save-file.ts'];
    expect(save).toMatch(/senderFrame\?\.url \?\? ''\)\.startsWith\(allowedUrlPrefix\)/);
    expect(save).toMatch(/SaveRequest\.safeParse\(request\)/);
    expect(save).toMatch(/basename\(n\) === n/);
    expect(save).toMatch(/dialog\.showSaveDialog/);
    expect(src['main.ts']).toMatch(/registerSaveFile\(\(\) => mainWindow, rendererUrlPrefix\)/);
  });

  it('single-instance lock and graceful dispose are in place', () => {
    expect(code).toMatch(/requestSingleInstanceLock\(\)/);
    expect(code).toMatch(/before-quit[\s\S]{0,400}\.dispose\(\)/);
  });
});
