// Wires the self-healer's checks to the engine's parts (feed, storage, disk, LLM, knowledge,
// baseline, configuration, fleet queue) and the monitor that turns them into health reports.
// Shells add theirs (the API listener) with engine.registerHealthCheck; fleet work adds its own
// through EnginePorts.healthChecks. Wiring only: each check's logic lives in src-main/health.
import type { WellConfig } from '../../src-shared/config.js';
import type { HealthReport, StartupNotice } from '../../src-shared/health.js';
import type { BaselineFile } from '../baseline/baseline-file.js';
import type { BaselineLearner } from '../baseline/learner.js';
import type { QueueHealth } from '../fleet/upload-queue.js';
import { BaselineCheck } from '../health/checks/baseline-check.js';
import { DiskCheck } from '../health/checks/disk-check.js';
import { FeedActivity, FeedCheck } from '../health/checks/feed-check.js';
import { FleetQueueCheck } from '../health/checks/fleet-queue-check.js';
import { KnowledgeCheck } from '../health/checks/knowledge-check.js';
import { LlmCheck } from '../health/checks/llm-check.js';
import { ConfigCheck, FilesCheck } from '../health/checks/startup-checks.js';
import { StorageCheck } from '../health/checks/storage-check.js';
import type { HealthCheck } from '../health/health-check.js';
import { HealthMonitor } from '../health/health-monitor.js';
import { SelfHealer, type HealthLog } from '../health/self-healer.js';
import type { KnowledgeSelector } from '../knowledge/select-store.js';
import type { AdvisoryEnricher } from '../llm/enricher.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import type { SourceSupervisor } from './source-supervisor.js';

export interface HealthWiringDeps {
  clock: () => number;
  config: () => WellConfig;
  log: HealthLog;
  audit: (e: NewAuditEntry) => Promise<unknown>;
  storage: PersistenceLayer;
  dataDir: string | null;
  notices: readonly StartupNotice[];
  /** Where the running configuration came from. */
  configSource: string;
  sources: SourceSupervisor;
  enricher: AdvisoryEnricher;
  knowledge: KnowledgeSelector;
  baseline: BaselineLearner;
  baselineFile: BaselineFile | null;
  queue: { health(): QueueHealth } | null;
  /** Disk space low (reason) or back (null): the store and the log file write less. */
  reduceWrites: (reason: string | null) => void;
  /** The pass cadence; default health.check_interval_s. */
  intervalMs?: number;
  /** More checks (fleet). */
  extra: readonly HealthCheck[];
  onChange: (h: HealthReport) => void;
}

const MB = 1024 * 1024;

export function wireHealth(d: HealthWiringDeps): { monitor: HealthMonitor; healer: SelfHealer } {
  const cfg = d.config;
  let monitor: HealthMonitor | null = null;
  const healer = new SelfHealer({
    clock: d.clock,
    audit: d.audit,
    log: d.log,
    intervalMs: () => d.intervalMs ?? cfg().health.check_interval_s * 1000,
    onPass: () => monitor?.evaluate(),
  });
  const activity = new FeedActivity(d.clock, () => cfg().acquisition.feed_timeout_s * 1000);
  const notRecording = d.notices.find((n) => n.kind === 'not-recording') ?? null;
  const checks: HealthCheck[] = [
    new FeedCheck({
      clock: d.clock,
      activity,
      source: () => (d.sources.running ? d.sources.status() : null),
      feedTimeoutMs: () => cfg().acquisition.feed_timeout_s * 1000,
      reconnect: (reason) => d.sources.reconnect(reason),
      reconnectMaxMs: () => cfg().health.feed_reconnect_max_s * 1000,
    }),
    new StorageCheck({
      clock: d.clock,
      storage: d.storage,
      dataDir: d.dataDir,
      notRecording,
      capBytes: () => cfg().storage.max_data_dir_mb * MB,
      integrityIntervalMs: () => cfg().health.integrity_check_interval_s * 1000,
      integrityTimeoutMs: () => cfg().health.integrity_check_timeout_s * 1000,
      log: d.log,
    }),
    ...(d.notices.some((n) => n.kind === 'file-set-aside') ? [new FilesCheck(d.notices.filter((n) => n.kind === 'file-set-aside'))] : []),
    new ConfigCheck(d.notices.find((n) => n.kind === 'config-rejected') ?? null, d.configSource),
    new LlmCheck({ clock: d.clock, enricher: d.enricher, retryAfterMs: () => cfg().health.llm_retry_after_s * 1000 }),
    new KnowledgeCheck(d.knowledge),
    new BaselineCheck({ clock: d.clock, baseline: d.baseline, file: d.baselineFile }),
    new DiskCheck({ dataDir: d.dataDir, lowBytes: () => cfg().health.disk_low_mb * MB, reduceWrites: d.reduceWrites }),
    ...(d.queue ? [new FleetQueueCheck(d.queue)] : []),
    ...d.extra,
  ];
  for (const c of checks) healer.register(c);
  monitor = new HealthMonitor({ clock: d.clock, healer, feedActivity: activity, storage: () => d.storage.health(), onChange: d.onChange });
  return { monitor, healer };
}
