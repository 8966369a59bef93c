// The one interface every live or replayed feed implements, plus the shared bookkeeping
// (listeners, status, packet counters) so each source only does its own I/O.
import type { Disposable } from '../disposable.js';
import type { SourceConfig, SourceState, SourceStatus } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import type { ChannelMap } from './channel-map.js';

export interface DataSource extends Disposable {
  start(): void;
  /** Stops reading and releases the link (Disposable). */
  dispose(): Promise<void>;
  /** Decoded, UTC-stamped packets, not yet quality-gated or rig-state classified. */
  onPacket(cb: (p: WitsPacket) => void): () => void;
  onStatus(cb: (s: SourceStatus) => void): () => void;
  status(): SourceStatus;
  /**
   * Drops the link and connects again now (the self-healer, when a connected feed went silent).
   * Returns false when the source has no link to renew (simulator, replay, stdin).
   */
  reconnect?(reason: string): boolean;
}

/** What a WITS byte source needs to decode frames. */
export interface WitsDecodeSettings {
  channelMap: ChannelMap;
  units: UnitSystem;
  /** Extra "no reading" values on top of -999.25 and -9999. */
  nullValues?: readonly number[];
  /** Use the frame's own Date/Time items (0105/0106) as the packet time when present. */
  frameTime?: boolean;
  /** Clock for receive-time stamps; injectable for tests. */
  now?: () => number;
}

/** Exponential backoff: 2 s, 4 s, 8 s … capped (DOMAIN §1.1). `attempt` starts at 1. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(initialMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

export abstract class SourceBase implements DataSource {
  private readonly packetListeners = new Set<(p: WitsPacket) => void>();
  private readonly statusListeners = new Set<(s: SourceStatus) => void>();
  protected st: SourceStatus;

  constructor(kind: SourceConfig['kind'], description: string, units: UnitSystem) {
    this.st = {
      kind,
      description,
      state: 'stopped',
      units,
      lastPacketMs: null,
      packets: 0,
      rejected: 0,
      badLines: 0,
      detail: '',
    };
  }

  abstract start(): void;
  abstract dispose(): Promise<void>;

  /** Sources without a link to renew (simulator, replay, stdin) say so. */
  reconnect(_reason: string): boolean {
    return false;
  }

  onPacket(cb: (p: WitsPacket) => void): () => void {
    this.packetListeners.add(cb);
    return () => this.packetListeners.delete(cb);
  }

  onStatus(cb: (s: SourceStatus) => void): () => void {
    this.statusListeners.add(cb);
    return () => this.statusListeners.delete(cb);
  }

  status(): SourceStatus {
    return { ...this.st };
  }

  protected setState(state: SourceState, detail = this.st.detail): void {
    if (state === this.st.state && detail === this.st.detail) return;
    this.st.state = state;
    this.st.detail = detail;
    this.publishStatus();
  }

  protected publishStatus(): void {
    const s = this.status();
    for (const cb of this.statusListeners) {
      try {
        cb(s);
      } catch {
        // A listener's bug must not stop the feed.
      }
    }
  }

  /** Bytes came off the wire (a frame or not): the feed check tells a slow sender from a dead one. */
  protected bytesReceived(atMs: number): void {
    this.st.lastByteMs = atMs;
  }

  protected emit(p: WitsPacket): void {
    this.st.packets++;
    this.st.lastPacketMs = p.timeMs;
    for (const cb of this.packetListeners) {
      try {
        cb(p);
      } catch {
        // A listener's bug must not stop the feed.
      }
    }
  }
}
