// The rig's fleet link as one engine service: uploader + library sync + a light reachability
// ping, rebuilt when the fleet settings change, reported in health. It never blocks the
// pipeline and the rig works the same with the hub down for days (events wait in the queue).
import type { WellConfig } from '../../src-shared/config.js';
import type { FleetLinkStatus } from '../../src-shared/fleet.js';
import type { ComponentHealth } from '../../src-shared/health.js';
import { FleetUploader } from './fleet-uploader.js';
import { HubClient, emptyTraffic, type HubTraffic } from './hub-client.js';
import { LibrarySync } from './library-sync.js';
import { realSleeper, type LibrarySink, type Sleeper, type UploadQueue } from './ports.js';
import type { SyncStateStore } from './sync-state.js';

export type FleetSettings = WellConfig['fleet'];

export interface FleetServiceOptions {
  settings: () => FleetSettings;
  queue: UploadQueue;
  sink: LibrarySink;
  syncState: SyncStateStore;
  clock?: () => number;
  sleeper?: Sleeper;
  random?: () => number;
  /** Idle time between upload rounds (60 s). */
  uploadIdleMs?: number;
  /** First library sync after start (30 s, plus jitter). */
  firstSyncMs?: number;
  syncJitterMs?: number;
  /** A health ping when nothing else has talked to the hub for this long (5 min). */
  pingIntervalMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

interface Link {
  hubUrl: string;
  rigId: string;
  key: string;
  client: HubClient;
}

export class FleetService {
  readonly traffic: HubTraffic = emptyTraffic();
  private link: Link | null = null;
  private readonly uploader: FleetUploader;
  private readonly sync: LibrarySync;
  private readonly clock: () => number;
  private readonly sleeper: Sleeper;
  private pinging: Promise<void> | null = null;
  private readonly stopPing = new AbortController();

  constructor(private readonly o: FleetServiceOptions) {
    this.clock = o.clock ?? Date.now;
    this.sleeper = o.sleeper ?? realSleeper;
    this.uploader = new FleetUploader({
      queue: o.queue,
      client: () => this.current()?.client ?? null,
      sleeper: o.sleeper,
      clock: o.clock,
      idleMs: o.uploadIdleMs,
      log: o.log,
    });
    this.sync = new LibrarySync({
      client: () => {
        const l = this.current();
        return l ? { client: l.client, hubUrl: l.hubUrl } : null;
      },
      sink: o.sink,
      state: o.syncState,
      intervalMs: () => o.settings().sync_interval_s * 1000,
      jitterMs: o.syncJitterMs,
      firstSyncMs: o.firstSyncMs,
      random: o.random,
      sleeper: o.sleeper,
      clock: o.clock,
      log: o.log,
    });
  }

  /** The client for the current settings; null when the fleet is not configured. */
  private current(): Link | null {
    const s = this.o.settings();
    if (!s.hub_url || !s.rig_id || !s.key) return (this.link = null);
    const l = this.link;
    if (l && l.hubUrl === s.hub_url && l.rigId === s.rig_id && l.key === s.key) return l;
    const client = new HubClient({ hubUrl: s.hub_url, rigId: s.rig_id, key: s.key }, { timeoutMs: this.o.timeoutMs, traffic: this.traffic, clock: this.clock });
    l?.client.close(); // calls made with the old settings end now
    return (this.link = { hubUrl: s.hub_url, rigId: s.rig_id, key: s.key, client });
  }

  start(): void {
    this.uploader.start();
    this.sync.start();
    this.pinging ??= this.pingLoop();
  }

  /** A confirmed AMBER/RED event was queued: upload soon. */
  eventQueued(): void {
    this.uploader.wake();
  }

  /** The fleet settings changed: use them now (upload and sync straight away). */
  settingsChanged(): void {
    this.current();
    this.uploader.kick();
    this.sync.kick();
  }

  status(): FleetLinkStatus {
    const s = this.o.settings();
    const link = this.current();
    const q = this.o.queue.stats();
    const sync = this.sync.status();
    const up = this.uploader.status;
    const contact = link?.client.lastContact ?? null;
    return {
      configured: link !== null,
      hubUrl: s.hub_url,
      rigId: s.rig_id,
      hubReachable: contact ? contact.reachable : null,
      lastContactMs: contact?.timeMs ?? null,
      // The queue keeps uploaded events until its cap; the depth is what still has to go.
      queueDepth: q.queued - q.uploaded,
      unsentCritical: q.unsentCritical,
      lastUploadMs: up.lastUploadMs,
      lastSyncMs: sync.lastSyncMs,
      libraryVersion: sync.libraryVersion,
      lastError: up.lastError ?? sync.lastError,
      bytesSent: this.traffic.wireBytesSent,
      bytesReceived: this.traffic.wireBytesReceived,
    };
  }

  /** Informational: a hub outage is shown, but the rig's own work is not degraded by it. */
  health(): ComponentHealth {
    const st = this.status();
    if (!st.configured) return { name: 'fleet', status: 'healthy', detail: 'no fleet hub configured: events stay on this rig' };
    const when = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
    const queue = `${st.queueDepth} queued${st.unsentCritical ? ` (${st.unsentCritical} RED)` : ''}`;
    const tail = `${queue}; last upload ${when(st.lastUploadMs)}; last sync ${when(st.lastSyncMs)} (library v${st.libraryVersion})`;
    if (st.hubReachable === false) {
      return { name: 'fleet', status: 'degraded', detail: `hub unreachable since ${when(st.lastContactMs)}: ${tail}` };
    }
    return { name: 'fleet', status: 'healthy', detail: `hub ${st.hubReachable ? 'reachable' : 'not contacted yet'}: ${tail}` };
  }

  async dispose(): Promise<void> {
    this.stopPing.abort();
    this.link?.client.close();
    await Promise.all([this.uploader.dispose(), this.sync.dispose(), this.pinging]);
  }

  private async pingLoop(): Promise<void> {
    const every = this.o.pingIntervalMs ?? 5 * 60_000;
    while (!this.stopPing.signal.aborted) {
      await this.sleeper.sleep(every, this.stopPing.signal);
      if (this.stopPing.signal.aborted) break;
      const link = this.current();
      const last = link?.client.lastContact?.timeMs ?? -Infinity;
      if (link && this.clock() - last >= every) await link.client.ping();
    }
  }
}
