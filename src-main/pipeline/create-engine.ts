// The composition root (ARCHITECTURE.md "One engine, two shells"): wires the pipeline, storage,
// knowledge, LLM enrichment, the data source and health into one Engine. Shells and tests
// call it with different ports.
import type { Acknowledgement, Advisory, AuditEntry, VerificationResult } from '../../src-shared/advisory.js';
import {
  BridgeRequests,
  type BridgeCommand,
  type BridgeError,
  type BridgeEventName,
  type BridgeEvents,
  type BridgeResult,
  type ParsedBridgeRequest,
} from '../../src-shared/bridge.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { SourceConfig, SourceStatus } from '../../src-shared/source.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { UnitSystem } from '../../src-shared/units.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { buildChannelMap } from '../acquisition/channel-map.js';
import type { DataSource } from '../acquisition/data-source.js';
import { listSerialPorts } from '../acquisition/serial.js';
import { probeSource } from '../acquisition/source-probe.js';
import { isScenarioName } from '../simulator/scenarios.js';
import { createSource } from '../acquisition/source-factory.js';
import { AdvisoryComposer } from '../advisory/composer.js';
import { BaselineFile } from '../baseline/baseline-file.js';
import { SelfHealer } from '../health/self-healer.js';
import { BaselineLearner, baselineSettings } from '../baseline/learner.js';
import { CampaignController } from '../config/campaign-controller.js';
import { ConfigStore } from '../config/config-store.js';
import { deepMerge, mergeConfig } from '../config/merge.js';
import { type RuntimeSettings, RuntimeSettingsFile, emptyRuntimeSettings } from '../config/runtime-settings.js';
import { NoOpStore, type KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { AdvisoryEnricher, EnrichmentOutcome } from '../llm/enricher.js';
import { SimulatorSource } from '../simulator/simulator-source.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import { PipelineCoordinator } from './coordinator.js';
import type { Engine } from './engine.js';
import { HealthMonitor } from '../health/health-monitor.js';
import { metricSampleOf } from './metric-sample.js';
import { activeLimits } from '../physics/thresholds.js';
import { TemplateOnlyEnricher } from './template-only-enricher.js';

export interface EnginePorts {
  storage: PersistenceLayer;
  knowledge?: KnowledgeStore;
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
  /** Self-healer pass interval, ms (0 = off). */
  selfHealIntervalMs?: number;
  /** Minimum ms between 'status' events. */
  statusIntervalMs?: number;
  log?: (line: string) => void;
}

type Listener<E extends BridgeEventName> = (payload: BridgeEvents[E]) => void;
type Handler<C extends BridgeCommand> = (req: ParsedBridgeRequest<C>) => Promise<BridgeEvents extends never ? never : unknown>;

const fail = (code: BridgeError['code'], message: string) => ({ ok: false as const, error: { code, message } });

export function createEngine(fileConfig: WellConfig, ports: EnginePorts): Engine {
  const clock = ports.clock ?? (() => Date.now());
  const log = ports.log ?? (() => {});
  const startupWarnings: string[] = [];

  // Saved run-time changes go over the configuration file; explicit choices go over them.
  const loadedSettings = ports.settingsFile ? ports.settingsFile.load() : { settings: emptyRuntimeSettings(), warning: null };
  if (loadedSettings.warning) startupWarnings.push(loadedSettings.warning);
  const saved: RuntimeSettings = loadedSettings.settings;
  let initialConfig = fileConfig;
  if (Object.keys(saved.config).length > 0) {
    const merged = mergeConfig(fileConfig, saved.config);
    if (merged.ok && merged.config) initialConfig = merged.config;
    else startupWarnings.push(`saved configuration changes no longer validate (${merged.errors.map((e) => e.message).join('; ')}); using the configuration file`);
  }
  const persist = (patch: Partial<RuntimeSettings>): void => {
    Object.assign(saved, patch);
    const err = ports.settingsFile?.save(saved);
    if (err) log(err);
  };
  const storage = ports.storage;
  const knowledge = ports.knowledge ?? new NoOpStore();
  const enricher = ports.enricher ?? new TemplateOnlyEnricher();
  const configStore = new ConfigStore(initialConfig);
  const campaigns = new CampaignController(ports.campaign ?? saved.campaign ?? initialConfig.campaign.active);
  const baseline = new BaselineLearner(baselineSettings(initialConfig));
  const baselineFile = ports.dataDir ? new BaselineFile(ports.dataDir) : null;
  const composer = new AdvisoryComposer(() => configStore.get());
  const listeners = new Map<BridgeEventName, Set<(p: unknown) => void>>();
  let baselineWarning: string | null = null;

  if (baselineFile) {
    const loaded = baselineFile.load();
    baselineWarning = loaded.warning;
    if (loaded.state) baseline.restore(loaded.state);
  }

  const coordinator = new PipelineCoordinator({
    config: () => configStore.get(),
    campaign: () => campaigns.get(),
    knowledge,
    baseline,
    timer: ports.timer ?? (() => performance.now()),
  });

  let source: DataSource | null = null;
  let sourceConfig: SourceConfig | null = ports.source !== undefined ? ports.source : (saved.source ?? ports.defaultSource ?? null);
  let sourceUnits: UnitSystem = (ports.source === undefined && saved.source ? saved.units : null) ?? initialConfig.acquisition.units;
  let unsubscribeSource: (() => void)[] = [];
  let current: Advisory | null = null;
  let latestVerification: VerificationResult | null = null;
  let lastStatusEventMs = -Infinity;
  let disposed = false;

  const emit = <E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void => {
    for (const l of listeners.get(event) ?? []) {
      try {
        l(payload);
      } catch (e) {
        log(`listener for ${event} failed: ${(e as Error).message}`);
      }
    }
  };

  const audit = async (e: NewAuditEntry): Promise<AuditEntry> => {
    const entry = await storage.appendAudit(e);
    emit('audit', entry);
    return entry;
  };

  const idleSource = (): SourceStatus => ({
    kind: sourceConfig?.kind ?? 'stdin',
    description: sourceConfig ? 'not started' : 'no live source (replay or API ingest)',
    state: 'stopped',
    units: sourceUnits,
    lastPacketMs: null,
    packets: 0,
    rejected: 0,
    badLines: 0,
    detail: '',
  });

  const health = new HealthMonitor({
    clock,
    dataDir: ports.dataDir ?? null,
    feedTimeoutMs: () => configStore.get().acquisition.feed_timeout_s * 1000,
    source: () => (source ? source.status() : null),
    storage: () => storage.health(),
    llm: () => enricher.status(),
    baselineLearning: () => baseline.isLearning(),
    knowledgeHealthy: () => knowledge.isHealthy(),
    onChange: (h) => emit('health', h),
  });

  const healer = new SelfHealer({ clock, enricher, audit, log });

  /** Saves, then tells the UI: an advisory exists for the driller only once it is committed. */
  const publishAdvisory = async (a: Advisory): Promise<void> => {
    try {
      await storage.saveAdvisory(a);
    } catch (e) {
      // Never hide an advisory from the driller because the disk failed; health shows it.
      log(`advisory ${a.id} not saved: ${(e as Error).message}`);
    }
    if (!current || current.id === a.id || a.timeMs >= current.timeMs) current = a;
    emit('advisory', a);
  };

  const onEnrichment = (o: EnrichmentOutcome): void => {
    void (async () => {
      const stored = current?.id === o.advisoryId ? current : await storage.getAdvisory(o.advisoryId);
      if (!stored) return;
      const next: Advisory = o.kind === 'enriched' ? composer.enrich(stored, o.text) : { ...stored, llmFallbackReason: o.reason };
      if (o.kind === 'fallback') log(`LLM fallback for ${o.advisoryId}: ${o.reason}`);
      await publishAdvisory(next);
    })();
  };
  const unsubscribeEnricher = enricher.onOutcome(onEnrichment);

  const ingest = (raw: WitsPacket): void => {
    if (disposed) return;
    health.packetReceived();
    const out = coordinator.process(raw);
    if (out.metrics) storage.recordMetrics(metricSampleOf(out.packet, out.metrics));
    storage.recordPacketCounts(out.packet.timeMs, 1);
    if (out.baselineLocked && baselineFile) {
      const err = baselineFile.save(baseline.snapshot());
      if (err) log(err);
      void audit({ timeMs: clock(), actor: 'system', kind: 'baseline-lock', summary: 'baseline metric locked', after: baseline.progress() });
    }
    if (out.ticket) {
      emit('ticket', out.ticket);
      storage.saveTicket(out.ticket).catch((e) => log(`ticket not saved: ${(e as Error).message}`));
    }
    if (out.verification) {
      latestVerification = out.verification;
      emit('verification', out.verification);
      storage.saveVerification(out.verification).catch((e) => log(`verification not saved: ${(e as Error).message}`));
    }
    if (out.advisory && out.ticket && out.verification) {
      const advisory = out.advisory;
      const req = { advisory, ticket: out.ticket, verification: out.verification };
      // Staleness is judged in data time, so a replayed recording is enriched like a live feed.
      const dataNowMs = out.packet.timeMs;
      void publishAdvisory(advisory).then(() => enricher.submit(req, dataNowMs));
    }
    const now = clock();
    if (now - lastStatusEventMs >= (ports.statusIntervalMs ?? 250)) {
      lastStatusEventMs = now;
      emit('status', status());
    }
  };

  const attachSource = (cfg: SourceConfig, units: UnitSystem): DataSource => {
    const config = configStore.get();
    const overrides = config.acquisition.channel_overrides as Record<string, never>;
    const s = createSource(cfg, {
      channelMap: buildChannelMap(config.acquisition.channel_map, overrides),
      units,
      nullValues: config.acquisition.null_values,
      simulatorFactory: (c) => new SimulatorSource(c),
    });
    // A source's state change (connecting, connected, reconnecting) reaches the screens at once,
    // not with the next packet: a dead feed sends no packets.
    const onSourceStatus = (): void => {
      health.evaluate();
      lastStatusEventMs = clock();
      emit('status', status());
    };
    unsubscribeSource = [s.onPacket(ingest), s.onStatus(onSourceStatus)];
    return s;
  };

  /** Stops the running feed and starts `cfg`; returns an error message if it cannot be built. */
  const swapSource = async (cfg: SourceConfig, units: UnitSystem): Promise<string | null> => {
    for (const u of unsubscribeSource) u();
    unsubscribeSource = [];
    const old = source;
    source = null;
    await old?.stop();
    let next: DataSource;
    try {
      next = attachSource(cfg, units);
    } catch (e) {
      return (e as Error).message;
    }
    source = next;
    sourceConfig = cfg;
    sourceUnits = units;
    next.start();
    return null;
  };

  const status = (): LiveStatus => ({
    timeMs: clock(),
    packet: coordinator.packet,
    metrics: coordinator.metrics,
    rigState: coordinator.packet?.rigState ?? 'Idle',
    operation: coordinator.operation,
    campaign: campaigns.get(),
    source: { ...(source ? source.status() : idleSource()), config: sourceConfig },
    baseline: baseline.progress(),
    health: health.current(),
    currentAdvisory: current,
    counts: { ...coordinator.counts },
    latency: coordinator.latency.summary(),
    llm: enricher.status(),
    limits: activeLimits(coordinator.effectiveThresholds),
  });

  const handlers: { [C in BridgeCommand]: (req: ParsedBridgeRequest<C>) => Promise<BridgeResult<C>> } = {
    getStatus: async () => ({ ok: true, value: status() }),
    getHealth: async () => ({ ok: true, value: health.evaluate() }),
    getHistory: async (r) => ({ ok: true, value: await storage.listAdvisories({ limit: r.limit ?? 50, category: r.category, sinceMs: r.sinceMs, untilMs: r.untilMs }) }),
    getAcknowledgements: async (r) => ({ ok: true, value: await storage.listAcknowledgements({ advisoryId: r.advisoryId, limit: r.limit ?? 200 }) }),
    acknowledge: async (r) => {
      const advisory = current?.id === r.advisoryId ? current : await storage.getAdvisory(r.advisoryId);
      if (!advisory) return fail('not-found', `no advisory with id ${r.advisoryId}`);
      const ack: Acknowledgement = await storage.acknowledge({ advisoryId: r.advisoryId, timeMs: clock(), actor: r.actor, action: r.action, notes: r.notes });
      await audit({
        timeMs: ack.timeMs,
        actor: r.actor,
        kind: 'acknowledgement',
        summary: `${advisory.severity} ${advisory.fault} advisory ${advisory.id} acknowledged: ${r.action}`,
        after: ack,
      });
      emit('acknowledgement', ack);
      return { ok: true, value: ack };
    },
    getConfig: async () => ({ ok: true, value: configStore.get() }),
    validateConfig: async (r) => {
      const v = mergeConfig(configStore.get(), r.config);
      return { ok: true, value: { ok: v.ok, errors: v.errors, warnings: v.warnings } };
    },
    applyConfig: async (r) => {
      const result = configStore.update(r.config, r.actor, clock());
      if (result.ok && result.changes.length > 0) {
        persist({ config: deepMerge(saved.config, r.config) as Record<string, unknown> });
        coordinator.rebuild();
        baseline.setSettings(baselineSettings(configStore.get()));
        // A new channel map, unit system or null value changes how the wire is read: reopen the feed.
        const rewire = result.changes.some((c) => c.key.startsWith('acquisition.') && c.key !== 'acquisition.feed_timeout_s');
        if (result.changes.some((c) => c.key === 'acquisition.units')) sourceUnits = configStore.get().acquisition.units;
        if (rewire && source && sourceConfig) {
          const err = await swapSource(sourceConfig, sourceUnits);
          if (err) log(`feed not reopened after the configuration change: ${err}`);
        }
        await audit({
          timeMs: clock(),
          actor: r.actor,
          kind: 'config-change',
          summary: `configuration changed: ${result.changes.map((c) => c.key).join(', ')}`,
          before: Object.fromEntries(result.changes.map((c) => [c.key, c.before])),
          after: Object.fromEntries(result.changes.map((c) => [c.key, c.after])),
        });
      }
      return { ok: true, value: { ok: result.ok, errors: result.errors, warnings: result.warnings, applied: result.ok && result.changes.length > 0 } };
    },
    setCampaign: async (r) => {
      const result = campaigns.switch(r.campaign, r.actor, clock());
      if (!result.ok) return fail('invalid-request', result.error);
      if (result.change) {
        persist({ campaign: result.campaign });
        coordinator.setCampaign(result.campaign);
        await audit({
          timeMs: result.change.timeMs,
          actor: r.actor,
          kind: 'campaign-switch',
          summary: `campaign switched from ${result.change.from} to ${result.change.to}`,
          before: result.change.from,
          after: result.change.to,
        });
      }
      return { ok: true, value: { campaign: result.campaign } };
    },
    getAudit: async (r) => ({ ok: true, value: await storage.listAudit({ limit: r.limit ?? 200, kind: r.kind, sinceMs: r.sinceMs, untilMs: r.untilMs }) }),
    getMetricSeries: async (r) => {
      if (r.toMs <= r.fromMs) return fail('invalid-request', 'toMs must be after fromMs');
      return { ok: true, value: await storage.queryMetrics(r.channels, r.fromMs, r.toMs, r.maxPoints ?? 1000) };
    },
    getBaseline: async () => ({ ok: true, value: baseline.progress() }),
    setSource: async (r) => {
      const units = r.units ?? sourceUnits;
      const before = sourceConfig;
      const err = await swapSource(r.source, units);
      if (err) return fail('refused', `cannot use that source: ${err}`);
      persist({ source: r.source, units });
      const now = source as DataSource | null;
      await audit({ timeMs: clock(), actor: r.actor, kind: 'source-change', summary: `data source set to ${now?.status().description}`, before, after: { ...r.source, units } });
      health.evaluate();
      return { ok: true, value: { ...(now ? now.status() : idleSource()), config: sourceConfig } };
    },
    testSource: async (r) => ({ ok: true, value: await probeSource(r.source, { isScenario: isScenarioName }) }),
    listSerialPorts: async () => {
      const r = await listSerialPorts();
      return { ok: true, value: { ports: r.ports, note: r.note || null } };
    },
    setLlmModel: async (r) => {
      const before = enricher.status();
      const after = await enricher.setModel(r.path, r.enabled);
      await audit({ timeMs: clock(), actor: r.actor, kind: 'llm-mode', summary: `LLM model ${r.enabled ? `set to ${r.path || 'auto'}` : 'disabled'}: ${after.mode}`, before, after });
      health.evaluate();
      return { ok: true, value: after };
    },
  };

  const engine: Engine = {
    storage,
    async call(command, request) {
      const schema = BridgeRequests[command];
      if (!schema) return fail('invalid-request', `unknown command ${String(command)}`) as never;
      const parsed = schema.safeParse(request ?? {});
      if (!parsed.success) {
        const msg = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
        return fail('invalid-request', msg) as never;
      }
      try {
        return (await (handlers[command] as Handler<typeof command>)(parsed.data as never)) as never;
      } catch (e) {
        log(`command ${command} failed: ${(e as Error).stack ?? e}`);
        return fail('internal', `${command} failed: ${(e as Error).message}`) as never;
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener<BridgeEventName> as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    status,
    currentAdvisory: () => current,
    latestVerification: () => latestVerification,
    config: () => configStore.get(),
    ingest,
    async start() {
      for (const w of startupWarnings) log(w);
      if (baselineWarning) {
        // A corrupt or outdated baseline file: learning restarts, and the record says why.
        log(baselineWarning);
        await audit({ timeMs: clock(), actor: 'system', kind: 'baseline-reset', summary: baselineWarning });
      }
      if (sourceConfig && !source) {
        source = attachSource(sourceConfig, sourceUnits);
        source.start();
      }
      health.start(ports.healthIntervalMs ?? 1000);
      healer.start(ports.selfHealIntervalMs ?? 30_000);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      health.stop();
      healer.stop();
      unsubscribeEnricher();
      for (const u of unsubscribeSource) u();
      await source?.stop();
      await enricher.dispose();
      await storage.flushMetrics().catch((e) => log(`metrics not flushed: ${(e as Error).message}`));
      await storage.close();
    },
  };
  return engine;
}
