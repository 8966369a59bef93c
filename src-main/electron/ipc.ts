// IPC wiring: one ipcMain.handle per Bridge command. Each payload is untrusted (a compromised
// renderer could send anything): the sender must be our own window's app:// page, and the
// engine's dispatcher (app/dispatch.ts, the one validation boundary) checks the payload
// against the contract's zod schema. Only the model path is read here, to ask the person.
import { realpathSync } from 'node:fs';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { BRIDGE_EVENTS, BridgeRequests, type BridgeCommand, type BridgeResult } from '../../src-shared/bridge.js';
import type { Engine } from '../app/engine.js';
import { checkModelPath } from '../llm/model-path-policy.js';

export interface ModelPicking {
  modelsDir: string;
  /** Real paths the person chose in the file dialog; the engine's policy reads it. */
  picked: Set<string>;
}

/**
 * A model outside the models folder is opened only once the person at the desktop has chosen it
 * in the native file dialog (a renderer cannot fake that). Returns the request to send on, or
 * a refusal.
 */
async function confirmModel(request: { path: string; enabled: boolean; actor: string }, models: ModelPicking, wc: WebContents) {
  if (!request.enabled || checkModelPath(request.path, { modelsDir: models.modelsDir, picked: () => false }).ok) return request;
  const win = BrowserWindow.fromWebContents(wc);
  const options = {
    title: 'Choose the model file (GGUF)',
    defaultPath: request.path || models.modelsDir,
    properties: ['openFile' as const],
    filters: [{ name: 'GGUF model', extensions: ['gguf'] }],
  };
  const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (choice.canceled || choice.filePaths.length === 0) return null;
  const real = realpathSync(choice.filePaths[0]);
  models.picked.add(real);
  return { ...request, path: real };
}

export const CALL_CHANNEL_PREFIX = 'sairen:call:';
export const EVENT_CHANNEL_PREFIX = 'sairen:event:';

function trustedSender(event: IpcMainInvokeEvent, allowedUrlPrefix: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(allowedUrlPrefix);
}

export function registerBridgeIpc(engine: Engine, getWindow: () => WebContents | null, allowedUrlPrefix: string, models: ModelPicking): () => void {
  const commands = Object.keys(BridgeRequests) as BridgeCommand[];
  for (const command of commands) {
    ipcMain.handle(`${CALL_CHANNEL_PREFIX}${command}`, async (event, request: unknown): Promise<BridgeResult<BridgeCommand>> => {
      if (!trustedSender(event, allowedUrlPrefix)) {
        return { ok: false, error: { code: 'refused', message: 'IPC from an untrusted frame' } };
      }
      try {
        if (command === 'setLlmModel') {
          // The dispatcher reports a malformed request; a well-formed one may need the file dialog.
          const parsed = BridgeRequests.setLlmModel.safeParse(request);
          if (!parsed.success) return await engine.call(command, request);
          const confirmed = await confirmModel(parsed.data, models, event.sender);
          if (!confirmed) return { ok: false, error: { code: 'refused', message: 'no model file chosen' } };
          return await engine.call(command, confirmed);
        }
        return await engine.call(command, request);
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
      }
    });
  }
  const offs = BRIDGE_EVENTS.map((name) =>
    engine.on(name, (payload) => {
      const wc = getWindow();
      if (wc && !wc.isDestroyed()) wc.send(`${EVENT_CHANNEL_PREFIX}${name}`, payload);
    }),
  );
  return () => {
    for (const command of commands) ipcMain.removeHandler(`${CALL_CHANNEL_PREFIX}${command}`);
    for (const off of offs) off();
  };
}
