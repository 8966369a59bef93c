// Electron main process: a thin shell around the engine. Security posture (Electron's checklist):
// context isolation, sandbox, no Node in the page, web security on, strict CSP, only our own
// file:// renderer, navigation/new windows/webviews blocked, permission requests denied.
import { app, BrowserWindow, dialog, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Engine } from '../app/engine.js';
import { registerBridgeIpc } from './ipc.js';
import { startEngine } from './start-engine.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// dist/electron/src-main/electron/main.js -> repo (or app.asar) root
const appRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const rendererIndex = join(appRoot, 'dist-renderer', 'index.html');
const rendererUrlPrefix = pathToFileURL(join(appRoot, 'dist-renderer')).href + '/';
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));

let mainWindow: BrowserWindow | null = null;
let engine: Engine | null = null;
let unregisterIpc: (() => void) | null = null;

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content at all: anything that is not our file:// renderer is cancelled.
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
  void win.loadFile(rendererIndex);
  return win;
}

async function boot(): Promise<void> {
  app.enableSandbox();
  await app.whenReady();
  hardenSession();
  engine = await startEngine({
    dataDir: app.getPath('userData'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(appRoot, 'resources'),
  });
  unregisterIpc = registerBridgeIpc(engine, () => mainWindow?.webContents ?? null, rendererUrlPrefix);
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
