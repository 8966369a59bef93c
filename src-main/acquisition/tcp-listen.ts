// WITS over TCP, listen side: some rigs push WITS to a port we open. Any number of senders;
// each gets its own parser (their frames must not interleave). 'connected' while at least one
// sender is attached, 'connecting' while waiting for the first one, 'reconnecting' after the
// last one left. If the port cannot be opened we report 'offline' and try again.
import net from 'node:net';
import { SourceBase, backoffMs, type WitsDecodeSettings } from './data-source.js';
import { WitsStreamDecoder } from './wits0-parser.js';

export interface TcpListenOptions {
  /** Drop a sender that sends nothing for this long (half-open links). */
  readTimeoutMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

export class TcpListenSource extends SourceBase {
  private server: net.Server | null = null;
  private readonly clients = new Map<net.Socket, WitsStreamDecoder>();
  private readonly now: () => number;
  private readonly o: Required<TcpListenOptions>;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  private badLinesClosed = 0;
  private rejectedClosed = 0;

  constructor(
    private readonly port: number,
    private readonly host: string,
    private readonly settings: WitsDecodeSettings,
    opts: TcpListenOptions = {},
  ) {
    super('listen', `WITS listen ${host}:${port}`, settings.units);
    this.now = settings.now ?? Date.now;
    this.o = {
      readTimeoutMs: opts.readTimeoutMs ?? 120_000,
      backoffInitialMs: opts.backoffInitialMs ?? 2_000,
      backoffMaxMs: opts.backoffMaxMs ?? 60_000,
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

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listen();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const c of this.clients.keys()) c.destroy();
    this.clients.clear();
    const srv = this.server;
    this.server = null;
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
    this.setState('stopped', 'stopped');
  }

  private listen(): void {
    const srv = net.createServer((sock) => this.attach(sock));
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

  private attach(sock: net.Socket): void {
    const decoder = new WitsStreamDecoder(this.settings);
    this.clients.set(sock, decoder);
    sock.setKeepAlive(true, 30_000);
    sock.setTimeout(this.o.readTimeoutMs);
    this.updateConnectedState();
    sock.on('data', (chunk: Buffer) => {
      const packets = decoder.push(chunk, this.now());
      this.refreshCounts();
      for (const p of packets) this.emit(p);
    });
    sock.on('timeout', () => sock.destroy());
    sock.on('error', () => undefined); // 'close' follows
    sock.on('close', () => {
      if (!this.clients.delete(sock)) return;
      this.badLinesClosed += decoder.badLines;
      this.rejectedClosed += decoder.stats.emptyFrames;
      if (this.running) this.updateConnectedState();
    });
  }

  private refreshCounts(): void {
    let bad = this.badLinesClosed;
    let rejected = this.rejectedClosed;
    for (const d of this.clients.values()) {
      bad += d.badLines;
      rejected += d.stats.emptyFrames;
    }
    this.st.badLines = bad;
    this.st.rejected = rejected;
  }

  private updateConnectedState(): void {
    const n = this.clients.size;
    if (n > 0) this.setState('connected', `${n} sender${n === 1 ? '' : 's'} on port ${this.boundPort()}`);
    else this.setState('reconnecting', `sender left; listening on port ${this.boundPort()}`);
  }
}
