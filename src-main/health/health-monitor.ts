// Component health for the banners and /api/v1/health (DOMAIN.md §13): every registered
// HealthCheck (feed, storage, disk, LLM, knowledge, baseline, configuration, the API listener,
// fleet...) read cheaply once a second and whenever the feed changes state, with how long each
// has been in its state and what the self-healer last did about it. A change is pushed at once.
import type { FleetLinkStatus } from '../../src-shared/fleet.js';
import { worstStatus, type ComponentHealth, type HealthFlags, type HealthReport, type HealthStatus, type StorageHealth } from '../../src-shared/health.js';
import type { FeedActivity } from './checks/feed-check.js';
import type { SelfHealer } from './self-healer.js';

export interface HealthMonitorDeps {
  clock: () => number;
  healer: Pick<SelfHealer, 'checks' | 'current' | 'lastHeal' | 'summary'>;
  /** Packet arrival times, read by the feed check. */
  feedActivity: FeedActivity;
  storage: () => StorageHealth;
  /** The fleet hub link, shown in the report (informational: it never lowers `overall`). */
  fleet?: () => FleetLinkStatus | null;
  onChange: (h: HealthReport) => void;
}

const NO_FLAGS: HealthFlags = {
  feedOffline: false,
  feedReconnecting: false,
  baselineLearning: false,
  templateOnly: false,
  diskLow: false,
  simulatedFeed: false,
  notRecording: false,
  fileSetAside: false,
  configRejected: false,
  writesReduced: false,
  flowOutLearning: false,
  pitsOnly: false,
};

export class HealthMonitor {
  private report: HealthReport | null = null;
  private signature = '';
  private timer: NodeJS.Timeout | null = null;
  private readonly since = new Map<string, { status: HealthStatus; sinceMs: number }>();

  constructor(private readonly d: HealthMonitorDeps) {}

  packetReceived(): void {
    this.d.feedActivity.packetReceived();
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
    const flags: HealthFlags = { ...NO_FLAGS };
    const components: ComponentHealth[] = [];
    const counted: HealthStatus[] = [];
    const volatile = new Set<string>();
    const names = new Set<string>();
    for (const check of this.d.healer.checks()) {
      const r = this.d.healer.current(check);
      for (const [k, v] of Object.entries(r.flags ?? {})) if (v) (flags as unknown as Record<string, boolean>)[k] = true;
      const component: ComponentHealth = { name: check.name, status: r.status, detail: r.reason, sinceMs: this.sinceOf(check.name, r.status, now) };
      const heal = this.d.healer.lastHeal(check.name);
      if (heal) component.lastHeal = heal;
      components.push(component);
      names.add(check.name);
      if (!r.mode) counted.push(r.status);
      if (check.volatileDetail) volatile.add(check.name);
    }
    for (const name of [...this.since.keys()]) if (!names.has(name)) this.since.delete(name);
    const storage = this.d.storage();
    if (storage.diskFull) flags.diskLow = true;
    const fleet = this.d.fleet?.() ?? null;
    const report: HealthReport = { timeMs: now, overall: worstStatus(counted), components, flags, storage, healer: this.d.healer.summary(), ...(fleet ? { fleet } : {}) };
    this.report = report;
    const sig = JSON.stringify({
      c: components.map((c) => [c.name, c.status, volatile.has(c.name) ? '' : c.detail, c.lastHeal?.action ?? '', c.lastHeal?.detail ?? '']),
      f: flags,
    });
    if (sig !== this.signature) {
      this.signature = sig;
      this.d.onChange(report);
    }
    return report;
  }

  private sinceOf(name: string, status: HealthStatus, now: number): number {
    const s = this.since.get(name);
    if (s && s.status === status) return s.sinceMs;
    this.since.set(name, { status, sinceMs: now });
    return now;
  }
}
