// The WITS feed as the driller needs to read it: a dropped link shows "reconnecting" at once (the
// source reports the drop on the spot; the packet timeout is only for a link that stays open), a
// link that is up but quiet is named silent, a sender well below 1 Hz is named slow, and one whose
// bytes trickle in without ever completing a frame is named for that. Heal: no packet for the feed
// timeout -> reconnect through the source, no more often than a doubling backoff allows.
import type { SourceStatus } from '../../../src-shared/source.js';
import { backoffMs } from '../../acquisition/data-source.js';
import { healthy, manualIntervention, noActionNeeded, reconnected, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

/** A connected feed silent this long (or 3 of its usual intervals) is named "connected but silent". */
const SILENT_AFTER_MS = 5_000;
/** A sender slower than one packet per this many ms is named slow (WITS is ~1 Hz). */
const SLOW_INTERVAL_MS = 5_000;
/** Weight of the newest interval in the running packet-interval average. */
const INTERVAL_ALPHA = 0.2;
/** The first self-healer reconnect waits this long before the next one (doubling after). */
const FIRST_RECONNECT_WAIT_MS = 30_000;

/** When packets arrived (wall clock), written by the packet loop, read by the feed check. */
export class FeedActivity {
  lastPacketWallMs: number | null = null;
  /** Running average of the wall time between packets (ms); null before the second packet. */
  intervalMs: number | null = null;

  constructor(
    private readonly clock: () => number,
    /** A gap longer than this is an outage, not the sender's pace (the feed timeout). */
    private readonly outageMs: () => number = () => 30_000,
  ) {}

  packetReceived(): void {
    const now = this.clock();
    const last = this.lastPacketWallMs;
    if (last !== null && now >= last) {
      const dt = now - last;
      if (dt > this.outageMs()) this.intervalMs = null; // back after an outage: learn the pace afresh
      else this.intervalMs = this.intervalMs === null ? dt : this.intervalMs + INTERVAL_ALPHA * (dt - this.intervalMs);
    }
    this.lastPacketWallMs = now;
  }
}

export interface FeedCheckDeps {
  clock: () => number;
  activity: FeedActivity;
  /** The running source's status; null when none runs (replay, API ingest). */
  source: () => SourceStatus | null;
  feedTimeoutMs: () => number;
  /** Asks the running source to drop its link and connect again; false when it cannot. */
  reconnect: (reason: string) => boolean;
  /** Longest wait between two self-healer reconnects (health.feed_reconnect_max_s). */
  reconnectMaxMs: () => number;
  silentAfterMs?: number;
}

const ENDED_KINDS = new Set(['csv', 'simulator', 'stdin']);

export class FeedCheck implements HealthCheck {
  readonly name = 'feed';
  readonly volatileDetail = true;
  private forced = 0;
  private nextForcedAtMs = 0;

  constructor(private readonly d: FeedCheckDeps) {}

  check(): CheckResult {
    const s = this.d.source();
    if (!s) return healthy('no live source configured');
    const now = this.d.clock();
    const { lastPacketWallMs, intervalMs } = this.d.activity;
    const simulatedFeed = s.kind === 'simulator';
    const say = (status: CheckResult['status'], detail: string, feedOffline = false, feedReconnecting = false): CheckResult => ({
      status,
      reason: `${s.description}: ${detail}`,
      flags: { feedOffline, feedReconnecting, simulatedFeed },
    });
    const timeoutMs = this.d.feedTimeoutMs();
    const silentMs = lastPacketWallMs === null ? null : now - lastPacketWallMs;
    const timedOut = silentMs !== null && silentMs > timeoutMs;
    const lastSeen = silentMs === null ? '' : `, last packet ${Math.round(silentMs / 1000)} s ago`;
    const note = s.warning ? `; ${s.warning}` : '';
    if (s.state === 'offline') return say('unhealthy', `OFFLINE, ${s.detail || s.state}${lastSeen}`, true);
    if (s.state === 'reconnecting' || (s.state === 'connecting' && silentMs !== null)) {
      // The link dropped: say so now, not when the packet timeout runs out.
      const why = s.detail || s.state;
      if (timedOut) return say('unhealthy', `OFFLINE, reconnecting (${why})${lastSeen}`, true, true);
      return say('degraded', `connection lost, reconnecting (${why})${lastSeen}`, false, true);
    }
    if (silentMs === null) return say('degraded', `waiting for the first packet (${s.state})${note}`, false, s.state === 'connecting');
    if (timedOut) {
      // Bytes still arriving but no frame completes: a sender too slow (or garbling), not a dead link.
      const bytesMs = s.lastByteMs === undefined || s.lastByteMs === null ? null : now - s.lastByteMs;
      if (bytesMs !== null && bytesMs <= timeoutMs) {
        return say('unhealthy', `OFFLINE, sender too slow: bytes arriving but no complete packet for ${Math.round(silentMs / 1000)} s (${s.state})`, true);
      }
      return say('unhealthy', `OFFLINE, no packet for ${Math.round(silentMs / 1000)} s (${s.state})`, true);
    }
    const silentAfter = Math.max(this.d.silentAfterMs ?? SILENT_AFTER_MS, 3 * (intervalMs ?? 0));
    if (silentMs > silentAfter) return say('degraded', `connected but silent: no packet for ${Math.round(silentMs / 1000)} s${note}`);
    if (intervalMs !== null && intervalMs > SLOW_INTERVAL_MS) {
      return say('degraded', `receiving slowly: one packet every ${Math.round(intervalMs / 1000)} s (WITS is about 1 per second)${note}`);
    }
    // Data flows, but something needs a look (a second sender refused): degraded, said why.
    if (s.warning) return say('degraded', `receiving${note}`);
    // Data flows: the next outage starts the backoff afresh.
    this.forced = 0;
    this.nextForcedAtMs = 0;
    return say('healthy', 'receiving');
  }

  async heal(current: CheckResult): Promise<HealAction> {
    const s = this.d.source();
    if (!s) return noActionNeeded('no live source');
    if (s.state === 'offline' && ENDED_KINDS.has(s.kind)) return noActionNeeded(`${s.description} has ended (${s.detail || 'offline'}); choose a live feed in Settings`);
    const now = this.d.clock();
    if (now < this.nextForcedAtMs) {
      const at = new Date(this.nextForcedAtMs).toISOString().slice(11, 19);
      return noActionNeeded(`waiting: the source retries by itself; the self-healer reconnects again at ${at} UTC`);
    }
    const reason = current.reason.replace(`${s.description}: `, '');
    if (!this.d.reconnect(`self-healer: ${reason}`)) return manualIntervention(`${s.description} cannot be reconnected from here (${reason}); check the cable or the logger`);
    this.forced++;
    const waitMs = backoffMs(this.forced, FIRST_RECONNECT_WAIT_MS, this.d.reconnectMaxMs());
    this.nextForcedAtMs = now + waitMs;
    return reconnected(`reconnect ${this.forced} started (${reason}); the next no sooner than ${Math.round(waitMs / 1000)} s`);
  }
}
