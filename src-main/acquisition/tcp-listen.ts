// WITS over TCP, listen side: some rigs push WITS to a port we open. Only the rig's logger may
// push: senders from loopback (127.0.0.1, ::1) and the allowed addresses; one active sender at
// a time (two interleaved feeds lose packets and mix two wells), the others refused and
// reported; a cap on open sockets. 'connected' while the sender is attached, 'connecting'
// while waiting for it, 'reconnecting' after it left. If the port cannot be opened we report
// 'offline' and try again.
import net from 'node:net';
import type { SourceStatus } from '../../src-shared/source.js';
import { SourceBase, backoffMs, type WitsDecodeSettings } from './data-source.js';
import { WitsStreamDecoder } from './wits0-parser.js';

export interface TcpListenOptions {
  /** Drop a sender that sends nothing for this long (half-open links). */
  readTimeoutMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Addresses besides loopback that may push WITS (the rig's logger). */
  allowedSenders?: readonly string[];
  /** Sockets the port holds at most; more are closed on arrival. */
  maxConnections?: number;
  /** How long a refused sender stays reported in status and health. */
  refusalNoticeMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** "::ffff:10.0.0.5" (an IPv4 peer on a dual-stack socket) -> "10.0.0.5". */
export function senderAddress(remote: string | undefined): string {
  const a = (remote ?? '').trim().toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

interface Sender {
  socket: net.Socket;
  address: string;
  decoder: WitsStreamDecoder;
}

export class TcpListenSource extends SourceBase {
  private server: net.Server | null = null;
  private active: Sender | null = null;
  private readonly allowed: Set<string>;
  private readonly now: () => number;
  private readonly o: Required<Omit<TcpListenOptions, 'allowedSenders'>>;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  private badLinesClosed = 0;
  private rejectedClosed = 0;
  private refusals = 0;
  private lastRefusal: { address: string; why: string; atMs: number } | null = null;

  constructor(
    private readonly port: number,
    private readonly host: string,
    private readonly settings: WitsDecodeSettings,
    opts: TcpListenOptions = {},
  ) {
    super('listen', `WITS listen ${host}:${port}`, settings.units);
    this.now = settings.now ?? Date.now;
    this.allowed = new Set([...LOOPBACK, ...(opts.allowedSenders ?? []).map(senderAddress)]);
    this.o = {
      readTimeoutMs: opts.readTimeoutMs ?? 120_000,
      backoffInitialMs: opts.backoffInitialMs ?? 2_000,
      backoffMaxMs: opts.backoffMaxMs ?? 60_000,
      maxConnections: opts.maxConnections ?? 8,
      refusalNoticeMs: opts.refusalNoticeMs ?? 300_000,
    };
  }

  /** The bound port (useful with port 0), or null when not listening. */
  boundPort(): number | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : null;
  }

  /** Resolves once the port is open (or immediately if it already is). */
  listening(): Promise<void> {
    if (this.boundPort() !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onStatus(() => {
        if (this.boundPort() !== null) {
          off();
          resolve();
        }
      });
    });
  }

  /** Sockets open on the port now (the active sender and any not yet closed). */
  connections(): Promise<number> {
    const srv = this.server;
    if (!srv) return Promise.resolve(0);
    return new Promise((resolve, reject) => srv.getConnections((err, n) => (err ? reject(err) : resolve(n))));
  }

  /** Adds the refusal notice while it is recent: the health banner says someone else tried. */
  override status(): SourceStatus {
    const s = super.status();
    const r = this.lastRefusal;
    if (r && this.now() - r.atMs <= this.o.refusalNoticeMs) {
      s.warning = `refused ${this.refusals} connection${this.refusals === 1 ? '' : 's'}; last from ${r.address}: ${r.why}`;
    }
    return s;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listen();
  }

  async dispose(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.active?.socket.destroy();
    this.active = null;
    const srv = this.server;
    this.server = null;
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
    this.setState('stopped', 'stopped');
  }

  /** Drops a silent sender so the logger's reconnect is taken at once; the port stays open. */
  override reconnect(reason: string): boolean {
    if (!this.running) return false;
    const sender = this.active;
    if (sender) {
      this.active = null;
      sender.socket.destroy();
      this.setState('reconnecting', `sender ${sender.address} dropped (${reason}); listening on port ${this.boundPort()}`);
    }
    return true;
  }

  private listen(): void {
    const srv = net.createServer((sock) => this.admit(sock));
    srv.maxConnections = this.o.maxConnections;
    this.server = srv;
    srv.on('error', (err) => {
      if (this.server !== srv || !this.running) return;
      this.server = null;
      srv.close();
      this.failures++;
      const delay = backoffMs(this.failures, this.o.backoffInitialMs, this.o.backoffMaxMs);
      this.setState('offline', `cannot open port ${this.port}: ${err.message}; retry in ${delay / 1000} s`);
      this.retryTimer = setTimeout(() => this.running && this.listen(), delay);
    });
    srv.listen(this.port, this.host, () => {
      this.failures = 0;
      this.setState('connecting', `listening on ${this.host}:${this.boundPort()}, waiting for the rig`);
    });
  }

  /** The gate: allowed address, and no other sender active (the same logger reconnecting replaces itself). */
  private admit(sock: net.Socket): void {
    sock.on('error', () => undefined); // 'close' follows
    const address = senderAddress(sock.remoteAddress);
    if (!this.allowed.has(address)) return this.refuse(sock, address, 'not an allowed sender (acquisition.listen_allow)');
    const current = this.active;
    if (current && current.address !== address) return this.refuse(sock, address, `another sender (${current.address}) is active`);
    if (current) current.socket.destroy(); // the logger reconnected: its old link is dead
    this.attach(sock, address);
  }

  private refuse(sock: net.Socket, address: string, why: string): void {
    sock.destroy();
    this.refusals++;
    this.lastRefusal = { address, why, atMs: this.now() };
    this.publishStatus();
  }

  private attach(sock: net.Socket, address: string): void {
    const sender: Sender = { socket: sock, address, decoder: new WitsStreamDecoder(this.settings) };
    this.active = sender;
    sock.setKeepAlive(true, 30_000);
    sock.setTimeout(this.o.readTimeoutMs);
    this.setState('connected', `sender ${address} on port ${this.boundPort()}`);
    sock.on('data', (chunk: Buffer) => {
      if (this.active !== sender) return;
      const now = this.now();
      this.bytesReceived(now);
      const packets = sender.decoder.push(chunk, now);
      this.refreshCounts();
      for (const p of packets) this.emit(p);
    });
    sock.on('timeout', () => sock.destroy());
    sock.on('close', () => {
      this.badLinesClosed += sender.decoder.badLines;
      this.rejectedClosed += sender.decoder.stats.emptyFrames;
      if (this.active !== sender) return;
      this.active = null;
      if (this.running) this.setState('reconnecting', `sender ${address} left; listening on port ${this.boundPort()}`);
    });
  }

  private refreshCounts(): void {
    const d = this.active?.decoder;
    this.st.badLines = this.badLinesClosed + (d?.badLines ?? 0);
    this.st.rejected = this.rejectedClosed + (d?.stats.emptyFrames ?? 0);
  }
}
