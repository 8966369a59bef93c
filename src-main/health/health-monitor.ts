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
}

const DISK_UNHEALTHY_BYTES = 500 * 1024 * 1024;
const DISK_DEGRADED_BYTES = 1000 * 1024 * 1024;

export class HealthMonitor {
  private lastPacketWallMs: number | null = null;
  private report: HealthReport | null = null;
  private signature = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly d: HealthMonitorDeps) {}

  packetReceived(): void {
    this.lastPacketWallMs = this.d.clock();
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

  private feed(now: number): { component: ComponentHealth; offline: boolean; reconnecting: boolean } {
    const s = this.d.source();
    if (!s) {
      return { component: { name: 'feed', status: 'healthy', detail: 'no live source configured' }, offline: false, reconnecting: false };
    }
    const timeoutMs = this.d.feedTimeoutMs();
    const silentMs = this.lastPacketWallMs === null ? null : now - this.lastPacketWallMs;
    const reconnecting = s.state === 'reconnecting' || s.state === 'connecting';
    if (silentMs !== null && silentMs <= timeoutMs && s.state !== 'offline') {
      // Data flows, but something needs a look (a second sender refused): degraded, said why.
      const component: ComponentHealth = s.warning
        ? { name: 'feed', status: 'degraded', detail: `${s.description}: receiving; ${s.warning}` }
        : { name: 'feed', status: 'healthy', detail: `${s.description}: receiving` };
      return { component, offline: false, reconnecting: false };
    }
    if (silentMs === null && s.state !== 'offline') {
      const note = s.warning ? `; ${s.warning}` : '';
      return { component: { name: 'feed', status: 'degraded', detail: `${s.description}: waiting for the first packet (${s.state})${note}` }, offline: false, reconnecting };
    }
    const why = silentMs === null ? s.detail || s.state : `no packet for ${Math.round(silentMs / 1000)} s (${s.state})`;
    return { component: { name: 'feed', status: 'unhealthy', detail: `${s.description}: OFFLINE, ${why}` }, offline: true, reconnecting };
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
