// The composition root (ARCHITECTURE.md "One engine, two shells"): builds the engine's parts and
// wires them together. No domain logic and no command logic here: commands live in
// ./commands (one feature module each), the packet loop in ./packet-loop.ts.
import type { AuditEntry } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { LogLevel, LogTail, StartupNotice } from '../../src-shared/health.js';
import type { SourceConfig } from '../../src-shared/source.js';
import type { LiveStatus } from '../../src-shared/status.js';
import { AdvisoryComposer } from '../advisory/composer.js';
import { ChannelsCheck } from '../health/checks/channels-check.js';
import { FlowOutCheck } from '../health/checks/flow-out-check.js';
import { BaselineFile } from '../baseline/baseline-file.js';
import { BaselineLearner, baselineSettings } from '../baseline/learner.js';
import { CampaignController } from '../config/campaign-controller.js';
import { ConfigStore } from '../config/config-store.js';
import type { RuntimeSettingsFile } from '../config/runtime-settings.js';
import type { HealthCheck } from '../health/health-check.js';
import { fleetLink, type FleetTiming } from '../fleet/fleet-link.js';
import type { LibrarySink } from '../fleet/ports.js';
import { FleetLinkCheck } from '../health/checks/fleet-link-check.js';
import { FleetRecorder, type EpisodeSink } from '../fleet/fleet-recorder.js';
import type { QueueHealth, UploadQueue } from '../fleet/upload-queue.js';
import { NoOpStore, type KnowledgeStore } from '../knowledge/knowledge-store.js';
import { KnowledgeSelector, type RecallLike } from '../knowledge/select-store.js';
import type { AdvisoryEnricher } from '../llm/enricher.js';
import { DEFAULT_MODELS_DIR } from '../llm/discover-model.js';
import { modelsFolderOnly, type ModelPathPolicy } from '../llm/model-path-policy.js';
import { TemplateOnlyEnricher } from '../llm/template-only-enricher.js';
import type { MlRunner } from '../ml/runner.js';
import { WorkerMlRunner } from '../ml/worker-runner.js';
import { activeLimits } from '../physics/thresholds.js';
import { PipelineCoordinator } from '../pipeline/coordinator.js';
import { ReportService } from '../reports/report-service.js';
import { ShiftReportWriter } from '../reports/shift-report-writer.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import { AdvisoryPublisher } from './advisory-publisher.js';
import { AlarmPublisher } from './alarm-publisher.js';
import { commandHandlers } from './commands/index.js';
import { dispatcher } from './dispatch.js';
import type { Engine } from './engine.js';
import type { EngineContext } from './engine-context.js';
import { EventBus } from './event-bus.js';
import { FeedReset } from './feed-reset.js';
import { wireHealth } from './health-wiring.js';
import { MlService } from './ml-service.js';
import { OutcomeRecorder } from './outcome-recorder.js';
import { PacketLoop } from './packet-loop.js';
import { SettingsKeeper } from './settings-keeper.js';
import { SourceSupervisor } from './source-supervisor.js';

export interface EnginePorts {
  storage: PersistenceLayer;
  /** The static knowledge base (precedents when recall is off or finds too few). */
  knowledge?: KnowledgeStore;
  /** RAM recall of episodes; used while knowledge.recall_enabled and healthy. */
  recall?: (RecallLike & EpisodeSink & LibrarySink) | null;
  /** Where confirmed AMBER/RED events wait for the fleet hub. */
  uploadQueue?: (UploadQueue & { health(): QueueHealth }) | null;
  enricher?: AdvisoryEnricher;
  /** Where baseline_state.json lives; none = baseline is not persisted (tests, replays). */
  dataDir?: string | null;
  /**
   * The feed to start with, chosen explicitly (command line): it wins over the saved one.
   * undefined = the saved source, else `defaultSource`; null = none (ingest() only).
   */
  source?: SourceConfig | null;
  /** The feed when none was chosen and none is saved (the built-in simulator in the shells). */
  defaultSource?: SourceConfig | null;
  /** Where run-time changes (config, source, campaign) are kept across restarts. */
  settingsFile?: RuntimeSettingsFile | null;
  /** Wall clock (epoch ms) for audit stamps, health timeouts and status throttling. */
  clock?: () => number;
  /** Monotonic ms for phase timing. */
  timer?: () => number;
  campaign?: Campaign;
  /** How often health is evaluated, ms (0 = only on demand, for tests). */
  healthIntervalMs?: number;
  /** Self-healer pass interval, ms (0 = off: passes only through runSelfHealer, for tests); default health.check_interval_s. */
  selfHealIntervalMs?: number;
  /** More health checks (fleet); shells can also add theirs later with registerHealthCheck. */
  healthChecks?: readonly HealthCheck[];
  /** Where the configuration came from (health's 'config' line). */
  configSource?: string;
  /** Minimum ms between 'status' events. */
  statusIntervalMs?: number;
  /** Fleet hub link timing (tests: a virtual clock, no jitter, quick first sync). */
  fleetTiming?: FleetTiming;
  log?: (line: string) => void;
  /** The structured log with its file (the shells'): levels, the disk-low switch, the tail for the engineer view. */
  logger?: EngineLog | null;
  /** Which model files setLlmModel may open; default: only the shipped models folder. */
  modelPaths?: ModelPathPolicy;
  /** What boot found (database unusable or set aside, configuration rejected): health, audit, banner. */
  notices?: readonly StartupNotice[];
  /** Where ML analyses run; default a worker thread (the packet loop never waits). Replays pass an inline runner. */
  mlRunner?: MlRunner;
}

/** acquisition.* keys read by the pipeline, not by the source: a change applies from the next packet without reopening the feed. */
const PIPELINE_ONLY_KEYS = new Set(['acquisition.feed_timeout_s', 'acquisition.absent_channels', 'acquisition.absent_after_s']);

/** What the engine needs of the shell's logger (src-main/logging/logger.ts). */
export interface EngineLog {
  write(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  reduce(reason: string | null): void;
  tail(lines: number): Promise<LogTail>;
  setLimits(maxFileMb: number, keepFiles: number): void;
}

export function createEngine(fileConfig: WellConfig, ports: EnginePorts): Engine {
  const clock = ports.clock ?? (() => Date.now());
  const logger = ports.logger ?? null;
  const log = ports.log ?? (logger ? (line: string) => logger.write('info', line) : () => {});
  const { storage } = ports;
  const settings = new SettingsKeeper(ports.settingsFile ?? null);
  const notices: readonly StartupNotice[] = [...(ports.notices ?? []), ...(settings.notice ? [settings.notice] : [])];
  const saved = settings.saved;
  const initialConfig = settings.configOver(fileConfig);

  const events = new EventBus(log);
  const ownEnricher = ports.enricher ? null : new TemplateOnlyEnricher();
  const enricher = ports.enricher ?? ownEnricher!;
  const config = new ConfigStore(initialConfig);
  const recall = ports.recall ?? null;
  const queue = ports.uploadQueue ?? null;
  const knowledge = new KnowledgeSelector({
    recall,
    fallback: ports.knowledge ?? new NoOpStore(),
    recallEnabled: () => config.get().knowledge.recall_enabled,
  });
  const campaigns = new CampaignController(ports.campaign ?? saved.campaign ?? initialConfig.campaign.active);
  const baseline = new BaselineLearner(baselineSettings(initialConfig));
  const baselineFile = ports.dataDir ? new BaselineFile(ports.dataDir) : null;
  const baselineLoad = baselineFile?.load() ?? { state: null, warning: null };
  if (baselineLoad.state) baseline.restore(baselineLoad.state);

  const coordinator = new PipelineCoordinator({
    config: () => config.get(),
    campaign: () => campaigns.get(),
    knowledge,
    baseline,
    timer: ports.timer ?? (() => performance.now()),
    formationOptima: () => ml.formationOptima(),
  });
  const audit = async (e: NewAuditEntry): Promise<AuditEntry> => {
    const entry = await storage.appendAudit(e);
    events.emit('audit', entry);
    return entry;
  };
  const ml = new MlService({
    config: () => config.get(),
    campaign: () => campaigns.get(),
    storage,
    events,
    runner: ports.mlRunner ?? new WorkerMlRunner(log),
    ownsRunner: !ports.mlRunner,
    log,
  });
  // The rig's name at the hub when a fleet is configured, else the well configuration's rig.
  const identity = () => {
    const c = config.get();
    return { rigId: c.fleet.rig_id || c.well.rig, wellId: c.well.name, field: c.well.field };
  };
  const hubLink = queue ? fleetLink({ queue, sink: recall ?? storage, settings: () => config.get().fleet, dataDir: ports.dataDir ?? null, clock, log, timing: ports.fleetTiming }) : null;
  const fleet = new FleetRecorder({ queue, recall, identity, log, onQueued: () => hubLink?.eventQueued() });
  const outcomes = new OutcomeRecorder({ storage, events, fleet, audit, clock });
  const advisories = new AdvisoryPublisher({ storage, enricher, events, composer: new AdvisoryComposer(() => config.get()), log });
  const alarms = new AlarmPublisher({ storage, tracker: () => coordinator.events, events, audit, log });

  // The feed: an explicit choice wins, then the saved one, then the default (simulator).
  const explicit = ports.source !== undefined;
  const startSource = explicit ? ports.source! : (saved.source ?? ports.defaultSource ?? null);
  const startUnits = (!explicit && saved.source ? saved.units : null) ?? initialConfig.acquisition.units;
  let loop: PacketLoop | null = null;
  const sources = new SourceSupervisor(
    {
      config: () => config.get(),
      onPacket: (p) => loop?.ingest(p),
      onStatus: () => {
        health.evaluate();
        loop?.pushStatus();
      },
    },
    startSource,
    startUnits,
  );

  const { monitor: health, healer } = wireHealth({
    clock,
    config: () => config.get(),
    log: (level, message, fields) => (logger ? logger.write(level, message, fields) : log(message)),
    audit,
    storage,
    dataDir: ports.dataDir ?? null,
    notices,
    configSource: ports.configSource ?? 'built-in defaults',
    sources,
    enricher,
    knowledge,
    baseline,
    baselineFile,
    queue,
    reduceWrites: (reason) => {
      storage.reduceWrites(reason);
      logger?.reduce(reason);
    },
    intervalMs: ports.selfHealIntervalMs,
    extra: [
      new ChannelsCheck(() => coordinator.absentChannels(), () => coordinator.stuckChannels()),
      new FlowOutCheck(clock, () => coordinator.metrics?.flowOut),
      ...(ports.healthChecks ?? []),
      ...(hubLink ? [new FleetLinkCheck(hubLink)] : []),
    ],
    fleet: () => hubLink?.status() ?? null,
    onChange: (h) => events.emit('health', h),
  });
  const feedReset = new FeedReset({ coordinator, advisories, alarms, baseline, baselineFile, audit, clock, log });

  const status = (): LiveStatus => ({
    timeMs: clock(),
    packet: coordinator.packet,
    metrics: coordinator.metrics,
    rigState: coordinator.packet?.rigState ?? 'Idle',
    operation: coordinator.operation,
    campaign: campaigns.get(),
    source: sources.status(),
    baseline: baseline.progress(),
    health: health.current(),
    currentAdvisory: advisories.current,
    counts: { ...coordinator.counts },
    latency: coordinator.latency.summary(),
    llm: enricher.status(),
    limits: activeLimits(coordinator.effectiveThresholds),
    events: coordinator.events.openEvents(),
    absentChannels: coordinator.absentChannels(),
  });

  const reports = new ReportService({
    storage,
    config: () => config.get(),
    campaign: () => campaigns.get(),
    baseline: () => baseline.progress(),
    dataNowMs: () => coordinator.packet?.timeMs ?? clock(),
    clock,
    onProgress: (p) => events.emit('reportProgress', p),
    log,
    dataDir: ports.dataDir ?? null,
  });
  const shiftReports = new ShiftReportWriter({
    hours: () => config.get().reports.shift_start_hours,
    enabled: () => config.get().reports.auto_write && !!ports.dataDir,
    write: (fromMs, toMs) => void reports.writeShift(fromMs, toMs).catch((e) => log(`shift report not written: ${(e as Error).message}`)),
  });

  loop = new PacketLoop({
    coordinator, storage, baseline, baselineFile, advisories, alarms, enricher, events, health, audit, clock, log, status, fleet, ml,
    statusIntervalMs: ports.statusIntervalMs ?? 250,
    onDataTime: (t) => shiftReports.observe(t),
  });

  // What a change affects downstream, wired once instead of called by hand in each command.
  const applyStorageAndLogLimits = (c: WellConfig) => {
    storage.setRetention({ rawDays: c.storage.metrics_retention_days, oneMinDays: c.storage.rollup_1min_retention_days, tenMinDays: c.storage.rollup_10min_retention_days });
    logger?.setLimits(c.logging.max_file_mb, c.logging.keep_files);
  };
  const unsubscribeConfig = config.onChange((e) => {
    coordinator.rebuild();
    baseline.setSettings(baselineSettings(e.after));
    if (e.changes.some((c) => c.key.startsWith('storage.') || c.key.startsWith('logging.'))) applyStorageAndLogLimits(e.after);
    if (e.changes.some((c) => c.key === 'acquisition.units') || e.changes.some((c) => c.key.startsWith('acquisition.') && !PIPELINE_ONLY_KEYS.has(c.key))) {
      // A new channel map, unit system or null value changes how the wire is read: reopen the feed.
      feedReset.rewired();
      const units = e.changes.some((c) => c.key === 'acquisition.units') ? e.after.acquisition.units : sources.sourceUnits;
      void sources.reopen(units).then((err) => err && log(`feed not reopened after the configuration change: ${err}`));
    }
  });
  const unsubscribeCampaign = campaigns.onSwitch((c) => coordinator.setCampaign(c.to));
  const unsubscribeFleet = config.onChange((e) => {
    if (e.changes.some((c) => c.key.startsWith('fleet.'))) hubLink?.settingsChanged();
  });

  const ctx: EngineContext = {
    storage, config, campaigns, coordinator, baseline, enricher, health, sources, advisories, alarms, events, settings, feedReset,
    outcomes, ml, reports, clock, log, audit, status, healer,
    logTail: async (lines) => (logger ? logger.tail(lines) : { file: null, lines: [] }),
    modelPaths: ports.modelPaths ?? modelsFolderOnly(DEFAULT_MODELS_DIR),
  };
  const call = dispatcher(commandHandlers(ctx), log);
  let disposed = false;

  return {
    call,
    on: (event, listener) => events.on(event, listener),
    status,
    currentAdvisory: () => advisories.current,
    latestVerification: () => advisories.latestVerification,
    config: () => config.get(),
    ingest: (p) => {
      if (!disposed) loop?.ingest(p);
    },
    registerHealthCheck: (check) => {
      const off = healer.register(check);
      health.evaluate();
      return off;
    },
    runSelfHealer: async () => {
      await healer.runPass();
    },
    async start() {
      for (const w of settings.warnings) log(w);
      // Events a person has not finished with survive a restart.
      coordinator.events.restore(await storage.listEvents({ state: 'open', limit: 1000 }).catch(() => []));
      if (baselineLoad.warning) {
        // A corrupt or outdated baseline file: learning restarts, and the record says why.
        log(baselineLoad.warning);
        await audit({ timeMs: clock(), actor: 'system', kind: 'baseline-reset', summary: baselineLoad.warning });
      }
      // What boot found goes on the record (the in-memory one when the database is unusable).
      for (const n of notices) {
        await audit({ timeMs: clock(), actor: 'system', kind: n.kind, summary: n.summary, after: { file: n.file } }).catch((e) => log(`notice not audited: ${(e as Error).message}`));
      }
      await ml.load().catch((e) => log(`stored ML reports not read: ${(e as Error).message}`));
      applyStorageAndLogLimits(config.get());
      sources.start();
      health.start(ports.healthIntervalMs ?? 1000);
      if (ports.selfHealIntervalMs !== 0) healer.start();
      hubLink?.start();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      health.stop();
      await healer.stop();
      unsubscribeConfig();
      unsubscribeCampaign();
      unsubscribeFleet();
      await hubLink?.dispose();
      advisories.dispose();
      await sources.dispose();
      await ml.dispose();
      await reports.dispose();
      await ownEnricher?.dispose();
      await storage.flushMetrics().catch((e) => log(`metrics not flushed: ${(e as Error).message}`));
    },
  };
}
