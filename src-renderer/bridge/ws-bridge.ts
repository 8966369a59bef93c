// WebSocket transport for headless mode: one socket to /api/v1/bridge on the page's own host,
// call/result frames matched by id, events fanned out to listeners. Reconnects with backoff;
// calls in flight when the socket drops resolve as a clean `ok: false`, never hang.
import type {
  Bridge,
  BridgeCommand,
  BridgeEventName,
  BridgeEvents,
  BridgeRequest,
  BridgeResult,
  WsClientFrame,
  WsServerFrame,
} from '../../src-shared/bridge.js';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface ConnectionAware {
  readonly connection: ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  dispose(): void;
}

const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** How long a call made while disconnected waits for the socket before failing. */
const CONNECT_WAIT_MS = 5_000;
const CALL_TIMEOUT_MS = 30_000;

type Pending = { resolve: (r: BridgeResult<BridgeCommand>) => void; timer: ReturnType<typeof setTimeout> };

/**
 * The bridge socket on the page's own host. A `token` query parameter on the page URL
 * (http://edge-box:8080/?token=...) is passed on as `?token=`: browsers cannot set headers on a
 * WebSocket, and the headless server needs the token for write commands off loopback.
 */
export function bridgeUrl(loc: { protocol: string; host: string; search?: string }): string {
  const base = `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/v1/bridge`;
  const token = new URLSearchParams(loc.search ?? '').get('token');
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

export class WsBridge implements Bridge, ConnectionAware {
  readonly transport = 'websocket' as const;
  connection: ConnectionState = 'connecting';
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<BridgeEventName, Set<(p: unknown) => void>>();
  private readonly connectionListeners = new Set<(s: ConnectionState) => void>();
  private readonly openWaiters = new Set<() => void>();
  private backoffMs = BACKOFF_START_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly url: string) {
    this.connect();
  }

  private setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    for (const l of this.connectionListeners) l(state);
  }

  private connect(): void {
    if (this.disposed) return;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = BACKOFF_START_MS;
      this.setConnection('open');
      for (const w of this.openWaiters) w();
      this.openWaiters.clear();
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending('connection to the SAIREN engine lost');
      if (this.disposed) return;
      this.setConnection('reconnecting');
      this.reconnectTimer = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
    };
    // onerror is always followed by onclose, which does the work.
    socket.onerror = () => undefined;
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: WsServerFrame;
    try {
      frame = JSON.parse(data) as WsServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'result') {
      const p = this.pending.get(frame.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(frame.id);
      p.resolve(frame.result);
    } else if (frame.type === 'event') {
      const set = this.listeners.get(frame.event);
      if (set) for (const l of set) l(frame.payload);
    }
  }

  private failPending(message: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: { code: 'internal', message } });
      this.pending.delete(id);
    }
  }

  private waitOpen(): Promise<boolean> {
    if (this.socket?.readyState === WebSocket.OPEN) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.openWaiters.delete(done);
        resolve(false);
      }, CONNECT_WAIT_MS);
      this.openWaiters.add(done);
    });
  }

  async call<C extends BridgeCommand>(command: C, request: BridgeRequest<C>): Promise<BridgeResult<C>> {
    if (!(await this.waitOpen()) || !this.socket) {
      return { ok: false, error: { code: 'internal', message: 'not connected to the SAIREN engine' } };
    }
    const id = this.nextId++;
    const frame: WsClientFrame = { type: 'call', id, command, request };
    const socket = this.socket;
    return new Promise<BridgeResult<C>>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'internal', message: `${command} timed out` } });
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (r: BridgeResult<BridgeCommand>) => void, timer });
      socket.send(JSON.stringify(frame));
    });
  }

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const l = listener as (p: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.failPending('bridge closed');
    this.socket?.close();
    this.socket = null;
  }
}
