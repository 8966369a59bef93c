// Is what the screen shows live? Pure, so the rule is unit-tested: values are stale when the
// engine link is down, the feed is not connected, or no new packet has come for a while
// (3 s, or 2.5 packet intervals for a slow feed). The age is measured on this screen's clock:
// packet times can be a replay's or a fast simulator's, not now.
import type { SourceState } from '../../src-shared/source.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { ConnectionState } from '../bridge/ws-bridge.js';

export interface FeedClock {
  /** This screen's time when the newest packet was first seen; null = none yet. */
  lastDataAtMs: number | null;
  /** The engine's lastPacketMs seen then, to notice the next one. */
  lastPacketMs: number | null;
  /** Typical gap between packets as seen here (EMA). */
  intervalMs: number;
}

export const INITIAL_FEED_CLOCK: FeedClock = { lastDataAtMs: null, lastPacketMs: null, intervalMs: 1000 };
const MIN_STALE_MS = 3000;

export function nextFeedClock(prev: FeedClock, s: LiveStatus, nowMs: number): FeedClock {
  const lastPacketMs = s.source.lastPacketMs;
  if (lastPacketMs === null || lastPacketMs === prev.lastPacketMs) return prev;
  if (prev.lastPacketMs === null) {
    // first status after (re)loading: fresh only if the engine says the feed is flowing
    const flowing = s.source.state === 'connected' && !s.health.flags.feedOffline;
    return { ...prev, lastPacketMs, lastDataAtMs: flowing ? nowMs : null };
  }
  const gap = prev.lastDataAtMs === null ? prev.intervalMs : Math.min(10_000, Math.max(250, nowMs - prev.lastDataAtMs));
  return { lastPacketMs, lastDataAtMs: nowMs, intervalMs: prev.intervalMs * 0.8 + gap * 0.2 };
}

export function staleAfterMs(c: FeedClock): number {
  return Math.max(MIN_STALE_MS, 2.5 * c.intervalMs);
}

export interface FeedView {
  stale: boolean;
  /** How old the shown values are; null = no data seen. */
  ageMs: number | null;
  /** Why the values are not live, in words; null when live. */
  reason: string | null;
  reconnecting: boolean;
}

export function feedView(connection: ConnectionState, source: SourceState | null, c: FeedClock, nowMs: number): FeedView {
  const ageMs = c.lastDataAtMs === null ? null : Math.max(0, nowMs - c.lastDataAtMs);
  if (connection !== 'open') return { stale: true, ageMs, reason: 'Engine connection lost — reconnecting', reconnecting: true };
  if (source === 'reconnecting' || source === 'connecting') return { stale: true, ageMs, reason: 'WITS feed lost — reconnecting', reconnecting: true };
  if (source === 'offline') return { stale: true, ageMs, reason: 'WITS feed offline', reconnecting: false };
  if (source === 'stopped') return { stale: true, ageMs, reason: 'No WITS feed', reconnecting: false };
  if (ageMs === null) return { stale: true, ageMs, reason: 'Waiting for WITS data', reconnecting: false };
  if (ageMs > staleAfterMs(c)) return { stale: true, ageMs, reason: 'No WITS data', reconnecting: false };
  return { stale: false, ageMs, reason: null, reconnecting: false };
}
