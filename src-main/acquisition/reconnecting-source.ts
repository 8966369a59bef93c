// What a WITS link that can drop and come back shares (TCP client, serial port): a running flag,
// the backoff between attempts (DOMAIN §1.1: 2 s doubling to a cap, 'offline' after maxRetries
// failures in a row, retrying at the cap for ever), decoding the bytes, and the self-healer's
// "reconnect now". Each subclass only opens, drops and closes its own link.
import type { SourceConfig } from '../../src-shared/source.js';
import { SourceBase, backoffMs, type WitsDecodeSettings } from './data-source.js';
import { WitsStreamDecoder } from './wits0-parser.js';

export interface ReconnectOptions {
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Failed attempts in a row before the state says 'offline'. */
  maxRetries?: number;
}

export abstract class ReconnectingSource extends SourceBase {
  protected readonly decoder: WitsStreamDecoder;
  protected readonly now: () => number;
  protected failures = 0;
  protected running = false;
  private readonly backoff: Required<ReconnectOptions>;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(kind: SourceConfig['kind'], description: string, settings: WitsDecodeSettings, opts: ReconnectOptions) {
    super(kind, description, settings.units);
    this.decoder = new WitsStreamDecoder(settings);
    this.now = settings.now ?? Date.now;
    this.backoff = { backoffInitialMs: opts.backoffInitialMs ?? 2_000, backoffMaxMs: opts.backoffMaxMs ?? 60_000, maxRetries: opts.maxRetries ?? 10 };
  }

  /** Opens the link; it later calls linkUp, onBytes and linkLost. */
  protected abstract openLink(): void;
  /** Whether a link is open now. */
  protected abstract linkOpen(): boolean;
  /** Drops the open link with a reason (its loss schedules the next attempt). */
  protected abstract dropLink(reason: string): void;
  /** Closes the link for good (stop). */
  protected abstract closeLink(): Promise<void>;
  /** "connecting to …" / "opening …". */
  protected abstract connectingText(): string;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.setState('connecting', this.connectingText());
    this.openLink();
  }

  async dispose(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.closeLink();
    this.setState('stopped', 'stopped');
  }

  /** Drops a link that went silent, or cuts a backoff wait short: the next attempt starts now. */
  override reconnect(reason: string): boolean {
    if (!this.running) return false;
    if (this.linkOpen()) {
      this.dropLink(reason);
      return true;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.openLink();
    }
    return true;
  }

  /** Bytes off the wire: decoded, counted, emitted. */
  protected onBytes(chunk: Buffer): void {
    const now = this.now();
    this.bytesReceived(now);
    const packets = this.decoder.push(chunk, now);
    this.st.badLines = this.decoder.badLines;
    this.st.rejected = this.decoder.stats.emptyFrames;
    for (const p of packets) this.emit(p);
  }

  /** The link is up: failures reset, a half frame from the last link forgotten. */
  protected linkUp(detail: string): void {
    this.failures = 0;
    this.decoder.parser.reset();
    this.setState('connected', detail);
  }

  /** The link went (or an attempt failed): the next attempt after the backoff. */
  protected linkLost(why: string): void {
    if (!this.running) return;
    const delay = backoffMs(this.failures, this.backoff.backoffInitialMs, this.backoff.backoffMaxMs);
    const state = this.failures > this.backoff.maxRetries ? 'offline' : 'reconnecting';
    this.setState(state, `${why}; retry ${this.failures} in ${Math.round(delay / 100) / 10} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.openLink();
    }, delay);
  }
}
