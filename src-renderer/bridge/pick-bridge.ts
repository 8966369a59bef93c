// Chooses the transport: IPC inside Electron (preload present), WebSocket in a browser.
// Everything above this file sees only `Bridge` + connection state.
import type { Bridge } from '../../src-shared/bridge.js';
import { IpcBridge } from './ipc-bridge.js';
import { WsBridge, bridgeUrl, type ConnectionAware } from './ws-bridge.js';

export type AppBridge = Bridge & ConnectionAware;

export function pickBridge(win: Window = window): AppBridge {
  if (win.sairen) return new IpcBridge(win.sairen);
  return new WsBridge(bridgeUrl(win.location));
}
