// WITS over TCP, client side: we dial the rig's WITS server. Defaults from DOMAIN §1.1:
// connect timeout 30 s, keepalive 30 s, read timeout 120 s (no bytes → reconnect), backoff
// 2 s doubling to a 60 s cap; after maxRetries failures in a row the state is 'offline', and
// we keep retrying at the cap forever (the rig's server comes back on its own schedule).
import net from 'node:net';
import type { WitsDecodeSettings } from './data-source.js';
import { ReconnectingSource, type ReconnectOptions } from './reconnecting-source.js';

export interface TcpClientOptions extends ReconnectOptions {
  connectTimeoutMs?: number;
  keepAliveMs?: number;
  readTimeoutMs?: number;
}

export class TcpClientSource extends ReconnectingSource {
  private readonly timing: Required<Pick<TcpClientOptions, 'connectTimeoutMs' | 'keepAliveMs' | 'readTimeoutMs'>>;
  private socket: net.Socket | null = null;
  /** Closes the current socket with a reason (set per connection). */
  private drop: ((reason: string) => void) | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
    settings: WitsDecodeSettings,
    opts: TcpClientOptions = {},
  ) {
    super('tcp', `WITS TCP ${host}:${port}`, settings, opts);
    this.timing = {
      connectTimeoutMs: opts.connectTimeoutMs ?? 30_000,
      keepAliveMs: opts.keepAliveMs ?? 30_000,
      readTimeoutMs: opts.readTimeoutMs ?? 120_000,
    };
  }

  protected connectingText(): string {
    return `connecting to ${this.host}:${this.port}`;
  }

  protected linkOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  protected dropLink(reason: string): void {
    this.drop?.(reason);
  }

  protected async closeLink(): Promise<void> {
    const s = this.socket;
    this.socket = null;
    if (s && !s.destroyed) {
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.destroy();
      });
    }
  }

  protected openLink(): void {
    const s = new net.Socket();
    this.socket = s;
    let connected = false;
    // A failed attempt fires 'error' then 'close'; act once, on close.
    let why = '';
    const connectTimer = setTimeout(() => {
      why = `no answer within ${this.timing.connectTimeoutMs / 1000} s`;
      s.destroy();
    }, this.timing.connectTimeoutMs);

    s.on('connect', () => {
      clearTimeout(connectTimer);
      connected = true;
      s.setKeepAlive(true, this.timing.keepAliveMs);
      s.setTimeout(this.timing.readTimeoutMs);
      this.linkUp(`connected to ${this.host}:${this.port}`);
    });
    s.on('data', (chunk: Buffer) => this.onBytes(chunk));
    s.on('timeout', () => {
      why = `no data for ${this.timing.readTimeoutMs / 1000} s`;
      s.destroy();
    });
    this.drop = (reason) => {
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
      this.linkLost(why || 'connection closed by the rig');
    });
    s.connect({ host: this.host, port: this.port });
  }
}
