// WITS over TCP, client side: we dial the rig's WITS server. Defaults from DOMAIN §1.1:
// connect timeout 30 s, keepalive 30 s, read timeout 120 s (no bytes → reconnect), backoff
// 2 s doubling to a 60 s cap; after maxRetries failures in a row the state is 'offline', and
// we keep retrying at the cap forever (the rig's server comes back on its own schedule).
import net from 'node:net';
import { SourceBase, backoffMs, type WitsDecodeSettings } from './data-source.js';
import { WitsStreamDecoder } from './wits0-parser.js';

export interface TcpClientOptions {
  connectTimeoutMs?: number;
  keepAliveMs?: number;
  readTimeoutMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Failed attempts in a row before the state says 'offline'. */
  maxRetries?: number;
}

export class TcpClientSource extends SourceBase {
  private readonly o: Required<TcpClientOptions>;
  private readonly decoder: WitsStreamDecoder;
  private readonly now: () => number;
  private socket: net.Socket | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  /** Closes the current socket with a reason (set per connection). */
  private dropLink: ((reason: string) => void) | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    settings: WitsDecodeSettings,
    opts: TcpClientOptions = {},
  ) {
    super('tcp', `WITS TCP ${host}:${port}`, settings.units);
    this.decoder = new WitsStreamDecoder(settings);
    this.now = settings.now ?? Date.now;
    this.o = {
      connectTimeoutMs: opts.connectTimeoutMs ?? 30_000,
      keepAliveMs: opts.keepAliveMs ?? 30_000,
      readTimeoutMs: opts.readTimeoutMs ?? 120_000,
      backoffInitialMs: opts.backoffInitialMs ?? 2_000,
      backoffMaxMs: opts.backoffMaxMs ?? 60_000,
      maxRetries: opts.maxRetries ?? 10,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.setState('connecting', `connecting to ${this.host}:${this.port}`);
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const s = this.socket;
    this.socket = null;
    if (s && !s.destroyed) {
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.destroy();
      });
    }
    this.setState('stopped', 'stopped');
  }

  /** Drops the link (connected but silent) or cuts a backoff wait short: the next attempt starts now. */
  override reconnect(reason: string): boolean {
    if (!this.running) return false;
    if (this.socket && !this.socket.destroyed) {
      this.dropLink?.(reason);
      return true;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.connect();
    }
    return true;
  }

  private connect(): void {
    const s = new net.Socket();
    this.socket = s;
    let connected = false;
    // A failed attempt fires 'error' then 'close'; act once, on close.
    let why = '';
    const connectTimer = setTimeout(() => {
      why = `no answer within ${this.o.connectTimeoutMs / 1000} s`;
      s.destroy();
    }, this.o.connectTimeoutMs);

    s.on('connect', () => {
      clearTimeout(connectTimer);
      connected = true;
      this.failures = 0;
      this.decoder.parser.reset();
      s.setKeepAlive(true, this.o.keepAliveMs);
      s.setTimeout(this.o.readTimeoutMs);
      this.setState('connected', `connected to ${this.host}:${this.port}`);
    });
    s.on('data', (chunk: Buffer) => {
      const now = this.now();
      this.bytesReceived(now);
      const packets = this.decoder.push(chunk, now);
      this.st.badLines = this.decoder.badLines;
      this.st.rejected = this.decoder.stats.emptyFrames;
      for (const p of packets) this.emit(p);
    });
    s.on('timeout', () => {
      why = `no data for ${this.o.readTimeoutMs / 1000} s`;
      s.destroy();
    });
    this.dropLink = (reason) => {
      why = reason;
      s.destroy();
    };
    s.on('error', (err) => {
      why ||= err.message;
    });
    s.on('close', () => {
      clearTimeout(connectTimer);
      if (this.socket !== s || !this.running) return;
      this.socket = null;
      if (!connected || why) this.failures++;
      else this.failures = 1; // the rig closed a good link: retry soon
      this.scheduleRetry(why || 'connection closed by the rig');
    });
    s.connect({ host: this.host, port: this.port });
  }

  private scheduleRetry(why: string): void {
    const delay = backoffMs(this.failures, this.o.backoffInitialMs, this.o.backoffMaxMs);
    const state = this.failures > this.o.maxRetries ? 'offline' : 'reconnecting';
    this.setState(state, `${why}; retry ${this.failures} in ${Math.round(delay / 100) / 10} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.connect();
    }, delay);
  }
}
