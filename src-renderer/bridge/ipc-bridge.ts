// Electron transport: the preload exposes `window.sairen` (contextBridge); the main process
// validates each payload with the contract's zod schema. IPC cannot drop, so it is always open.
import type {
  Bridge,
  BridgeCommand,
  BridgeEventName,
  BridgeEvents,
  BridgeRequest,
  BridgeResult,
} from '../../src-shared/bridge.js';
import type { ConnectionAware, ConnectionState } from './ws-bridge.js';

/** What the preload puts on window. */
export interface SairenPreloadApi {
  call(command: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Desktop only: a save dialog for an exported report (bytes as base64). */
  saveFile?(fileName: string, base64: string): Promise<{ saved: boolean; path?: string; error?: string }>;
}

declare global {
  interface Window {
    sairen?: SairenPreloadApi;
  }
}

export class IpcBridge implements Bridge, ConnectionAware {
  readonly transport = 'ipc' as const;
  readonly connection: ConnectionState = 'open';

  constructor(private readonly api: SairenPreloadApi) {}

  async call<C extends BridgeCommand>(command: C, request: BridgeRequest<C>): Promise<BridgeResult<C>> {
    try {
      return (await this.api.call(command, request)) as BridgeResult<C>;
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  }

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    return this.api.on(event, listener as (p: unknown) => void);
  }

  onConnection(): () => void {
    return () => undefined;
  }

  dispose(): void {}
}
