// Component health for the banners and /api/v1/health (DOMAIN.md §13): the feed, storage, the
// LLM, the knowledge store, baseline learning and disk space. Reads only cheap state; free disk
// space is measured on every evaluation (one statfs call): a cached figure said "2 MB free" on a
// disk that had filled since.
import { statfsSync } from 'node:fs';
import { worstStatus, type ComponentHealth, type HealthReport, type HealthStatus, type StartupNotice, type StorageHealth } from '../../src-shared/health.js';
import type { SourceStatus } from '../../src-shared/source.js';
import type { LiveStatus } from '../../src-shared/status.js';


export interface HealthMonitorDeps {
  clock: () => number;
  dataDir: string | null;
  feedTimeoutMs: () => number;
  source: () => SourceStatus | null;
  storage: () => StorageHealth;
  llm: () => LiveStatus['llm'];
  baselineLearning: () => boolean;
  knowledgeHealthy: () => boolean;
  /** Found at start: database unusable, damaged files set aside, configuration rejected. */
  notices?: () => readonly StartupNotice[];
  /** Which knowledge store answers and, for recall, its size against the memory budget. */
  knowledgeDetail?: () => string;
  /** More components (the fleet upload queue). */
  extraComponents?: () => ComponentHealth[];
  onChange: (h: HealthReport) => void;
  /**
   * A connected feed that has sent nothing for this long (ms), or for 3 of its usual packet
   * intervals if longer, is named "connected but silent" before the offline timeout.
   */
  silentAfterMs?: number;
}

const DISK_UNHEALTHY_BYTES = 500 * 1024 * 1024;
const DISK_DEGRADED_BYTES = 1000 * 1024 * 1024;
const SILENT_AFTER_MS = 5_000;
/** A sender slower than one packet per this many ms is named slow (WITS is ~1 Hz). */
const SLOW_INTERVAL_MS = 5_000;
/** Weight of the newest interval in the running packet-interval average. */
const INTERVAL_ALPHA = 0.2;

export class HealthMonitor {
  private lastPacketWallMs: number | null = null;
  /** Running average of the wall time between packets (ms); null before the second packet. */
  private intervalMs: number | null = null;
  private report: HealthReport | null = null;
  private signature = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly d: HealthMonitorDeps) {}

  packetReceived(): void {
    const now = this.d.clock();
    const last = this.lastPacketWallMs;
    if (last !== null && now >= last) {
      const dt = now - last;
      this.intervalMs = this.intervalMs === null ? dt : this.intervalMs + INTERVAL_ALPHA * (dt - this.intervalMs);
    }
    this.lastPacketWallMs = now;
  }

  start(intervalMs: number): void {
    this.evaluate();
    if (intervalMs > 0 && !this.timer) {
      this.timer = setInterval(() => this.evaluate(), intervalMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  current(): HealthReport {
    return this.report ?? this.evaluate();
  }

  evaluate(): HealthReport {
    const now = this.d.clock();
    const feed = this.feed(now);
    const storage = this.d.storage();
    const llm = this.d.llm();
    const learning = this.d.baselineLearning();
    const disk = this.diskComponent();
    const notices = this.d.notices?.() ?? [];
    const has = (kind: StartupNotice['kind']) => notices.some((n) => n.kind === kind);
    const notRecording = notices.find((n) => n.kind === 'not-recording');
    const files = notices.filter((n) => n.kind !== 'not-recording');
    const components: ComponentHealth[] = [
      feed.component,
      notRecording
        ? { name: 'storage', status: 'unhealthy', detail: `NOT RECORDING: ${notRecording.summary}` }
        : { name: 'storage', status: storage.status, detail: storage.detail },
      ...(files.length > 0 ? [{ name: 'files', status: 'degraded' as const, detail: files.map((n) => n.summary).join(' ') }] : []),
      this.llmComponent(llm),
      this.knowledgeComponent(),
      { name: 'baseline', status: learning ? 'degraded' : 'healthy', detail: learning ? 'learning the rig baseline (shadow mode: only critical well control alerts)' : 'baseline locked' },
      disk,
      ...(this.d.extraComponents?.() ?? []),
    ];
    const report: HealthReport = {
      timeMs: now,
      // Baseline learning is a mode with its own banner, not a fault.
      overall: worstStatus(components.filter((c) => c.name !== 'baseline').map((c) => c.status)),
      components,
      storage,
      flags: {
        feedOffline: feed.offline,
        feedReconnecting: feed.reconnecting,
        simulatedFeed: this.d.source()?.kind === 'simulator',
        baselineLearning: learning,
        templateOnly: llm.mode !== 'llm',
        diskLow: disk.status !== 'healthy' || storage.diskFull,
        notRecording: notRecording !== undefined,
        fileSetAside: has('file-set-aside'),
        configRejected: has('config-rejected'),
      },
    };
    this.report = report;
    const sig = JSON.stringify({ c: components.map((c) => [c.name, c.status, c.name === 'feed' ? '' : c.detail]), f: report.flags });
    if (sig !== this.signature) {
      this.signature = sig;
      this.d.onChange(report);
    }
    return report;
  }

  private knowledgeComponent(): ComponentHealth {
    const healthy = this.d.knowledgeHealthy();
    const detail = this.d.knowledgeDetail?.() ?? (healthy ? 'ok' : 'knowledge store unavailable: no precedents');
    return { name: 'knowledge', status: healthy ? 'healthy' : 'degraded', detail };
  }

  /**
   * No model file, or the user switched the model off, is a normal way to run (templates,
   * shown by its own banner); a model that failed to load or kept failing is degraded.
   */
  private llmComponent(llm: LiveStatus['llm']): ComponentHealth {
    if (llm.mode === 'llm') return { name: 'llm', status: 'healthy', detail: `${llm.model ?? 'model'}: ${llm.detail}` };
    const chosen = llm.model === null || llm.detail.startsWith('LLM disabled');
    return { name: 'llm', status: chosen ? 'healthy' : 'degraded', detail: `template-only: ${llm.detail}` };
  }

  /**
   * The feed as the driller needs to read it: a dropped link shows "reconnecting" at once (the
   * source reports the drop on the spot; the packet timeout is only for a link that stays
   * open), a link that is up but quiet is named silent, a sender well below 1 Hz is named slow.
   */
  private feed(now: number): { component: ComponentHealth; offline: boolean; reconnecting: boolean } {
    const s = this.d.source();
    const feed = (status: HealthStatus, detail: string, offline = false, reconnecting = false) => ({
      component: { name: 'feed', status, detail: `${s?.description ?? 'feed'}: ${detail}` },
      offline,
      reconnecting,
    });
    if (!s) return { component: { name: 'feed', status: 'healthy', detail: 'no live source configured' }, offline: false, reconnecting: false };
    const timeoutMs = this.d.feedTimeoutMs();
    const silentMs = this.lastPacketWallMs === null ? null : now - this.lastPacketWallMs;
    const timedOut = silentMs !== null && silentMs > timeoutMs;
    const lastSeen = silentMs === null ? '' : `, last packet ${Math.round(silentMs / 1000)} s ago`;
    const note = s.warning ? `; ${s.warning}` : '';
    if (s.state === 'offline') return feed('unhealthy', `OFFLINE, ${s.detail || s.state}${lastSeen}`, true, false);
    if (s.state === 'reconnecting' || (s.state === 'connecting' && silentMs !== null)) {
      // The link dropped: say so now, not when the packet timeout runs out.
      const why = s.detail || s.state;
      if (timedOut) return feed('unhealthy', `OFFLINE, reconnecting (${why})${lastSeen}`, true, true);
      return feed('degraded', `connection lost, reconnecting (${why})${lastSeen}`, false, true);
    }
    if (silentMs === null) return feed('degraded', `waiting for the first packet (${s.state})${note}`, false, s.state === 'connecting');
    if (timedOut) return feed('unhealthy', `OFFLINE, no packet for ${Math.round(silentMs / 1000)} s (${s.state})`, true, false);
    const usual = this.intervalMs;
    const silentAfter = Math.max(this.d.silentAfterMs ?? SILENT_AFTER_MS, 3 * (usual ?? 0));
    if (silentMs > silentAfter) return feed('degraded', `connected but silent: no packet for ${Math.round(silentMs / 1000)} s${note}`);
    if (usual !== null && usual > SLOW_INTERVAL_MS) return feed('degraded', `receiving slowly: one packet every ${Math.round(usual / 1000)} s (WITS is about 1 per second)${note}`);
    // Data flows, but something may need a look (a second sender refused): degraded, said why.
    return s.warning ? feed('degraded', `receiving${note}`) : feed('healthy', 'receiving');
  }

  private diskComponent(): ComponentHealth {
    if (!this.d.dataDir) return { name: 'disk', status: 'healthy', detail: 'no data directory' };
    let component: ComponentHealth;
    try {
      const s = statfsSync(this.d.dataDir);
      const freeBytes = s.bavail * s.bsize;
      const freeMb = Math.round(freeBytes / 1024 / 1024);
      const status: HealthStatus = freeBytes < DISK_UNHEALTHY_BYTES ? 'unhealthy' : freeBytes < DISK_DEGRADED_BYTES ? 'degraded' : 'healthy';
      component = { name: 'disk', status, detail: `${freeMb} MB free in ${this.d.dataDir}` };
    } catch (e) {
      component = { name: 'disk', status: 'degraded', detail: `cannot check free space: ${(e as Error).message}` };
    }
    return component;
  }
}
