// IPC wiring: one ipcMain.handle per Bridge command. Each payload is untrusted (a compromised
// renderer could send anything), so it is checked against the contract's zod schema here,
// and the sender must be our own window's file:// page, before the engine sees it.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { BRIDGE_EVENTS, BridgeRequests, type BridgeCommand, type BridgeResult } from '../../src-shared/bridge.js';
import type { Engine } from '../app/engine.js';

export const CALL_CHANNEL_PREFIX = 'sairen:call:';
export const EVENT_CHANNEL_PREFIX = 'sairen:event:';

function trustedSender(event: IpcMainInvokeEvent, allowedUrlPrefix: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(allowedUrlPrefix);
}

export function registerBridgeIpc(engine: Engine, getWindow: () => WebContents | null, allowedUrlPrefix: string): () => void {
  const commands = Object.keys(BridgeRequests) as BridgeCommand[];
  for (const command of commands) {
    ipcMain.handle(`${CALL_CHANNEL_PREFIX}${command}`, async (event, request: unknown): Promise<BridgeResult<BridgeCommand>> => {
      if (!trustedSender(event, allowedUrlPrefix)) {
        return { ok: false, error: { code: 'refused', message: 'IPC from an untrusted frame' } };
      }
      const parsed = BridgeRequests[command].safeParse(request);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || command}: ${i.message}`).join('; ');
        return { ok: false, error: { code: 'invalid-request', message } };
      }
      try {
        return await engine.call(command, parsed.data);
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
