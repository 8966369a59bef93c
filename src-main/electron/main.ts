// Electron main process: a thin shell around the engine. Security posture (Electron's checklist):
// context isolation, sandbox, no Node in the page, web security on, strict CSP as a response
// header, only our own app://sairen renderer (a custom protocol, not file://), navigation/new
// windows/webviews blocked, permission requests denied. Fuses: electron-builder.yml.
import { app, BrowserWindow, dialog, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../app/engine.js';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, serveAppRequest } from './app-protocol.js';
import { registerBridgeIpc } from './ipc.js';
import { registerSaveFile } from './save-file.js';
import { startEngine } from './start-engine.js';

// dist/electron/src-main/electron/main.js -> repo (or app.asar) root
const appRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const rendererDir = join(appRoot, 'dist-renderer');
const rendererUrlPrefix = `${APP_ORIGIN}/`;
/** Model files the person picked in the file dialog (real paths): the engine opens no others outside resources/models. */
const pickedModels = new Set<string>();
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));

let mainWindow: BrowserWindow | null = null;
let engine: Engine | null = null;
let unregisterIpc: (() => void) | null = null;

// Before ready: app:// is a standard, secure origin of its own (CSP, same-origin rules apply).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function hardenSession(): void {
  const ses = session.defaultSession;
  // The renderer's files, from dist-renderer only, each with the CSP header; traversal refused.
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content at all: anything that is not our app:// renderer is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(rendererUrlPrefix) || details.url.startsWith('devtools://');
    callback({ cancel: !ok });
  });
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrlPrefix)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1920,
    height: 1080,
    backgroundColor: '#0b0f14',
    title: 'SAIREN',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

async function boot(): Promise<void> {
  app.enableSandbox();
  await app.whenReady();
  hardenSession();
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(appRoot, 'resources');
  engine = await startEngine({ dataDir: app.getPath('userData'), resourcesDir, pickedModel: (p) => pickedModels.has(p) });
  const models = { modelsDir: join(resourcesDir, 'models'), picked: pickedModels };
  const offBridge = registerBridgeIpc(engine, () => mainWindow?.webContents ?? null, rendererUrlPrefix, models);
  const offSave = registerSaveFile(() => mainWindow, rendererUrlPrefix);
  unregisterIpc = () => {
    offBridge();
    offSave();
  };
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another SAIREN owns the data directory and the WITS port: bring it forward and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());

  // Graceful shutdown: hold the quit until the engine has flushed storage and closed sources.
  let disposing = false;
  app.on('before-quit', (event) => {
    if (!engine || disposing) return;
    event.preventDefault();
    disposing = true;
    unregisterIpc?.();
    const e = engine;
    engine = null;
    void e
      .dispose()
      .catch((err: unknown) => console.error('engine dispose failed', err))
      .finally(() => app.exit(0));
  });

  boot().catch((err: unknown) => {
    // Say why on screen (data directory in use by another SAIREN, not writable, ...): the
    // driller has no terminal to read.
    console.error('SAIREN failed to start', err);
    dialog.showErrorBox('SAIREN cannot start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
