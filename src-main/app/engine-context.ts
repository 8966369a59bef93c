// What an engine command module receives (in the way a Fastify plugin receives its instance):
// the engine's parts, and the few shared actions (audit, persist a run-time change).
import type { AuditEntry } from '../../src-shared/advisory.js';
import type { BridgeCommand, BridgeError, BridgeResult, ParsedBridgeRequest } from '../../src-shared/bridge.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { BaselineLearner } from '../baseline/learner.js';
import type { CampaignController } from '../config/campaign-controller.js';
import type { ConfigStore } from '../config/config-store.js';
import type { LogTail } from '../../src-shared/health.js';
import type { HealthMonitor } from '../health/health-monitor.js';
import type { SelfHealer } from '../health/self-healer.js';
import type { AdvisoryEnricher } from '../llm/enricher.js';
import type { ModelPathPolicy } from '../llm/model-path-policy.js';
import type { PipelineCoordinator } from '../pipeline/coordinator.js';
import type { ReportService } from '../reports/report-service.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import type { AdvisoryPublisher } from './advisory-publisher.js';
import type { AlarmPublisher } from './alarm-publisher.js';
import type { EventBus } from './event-bus.js';
import type { FeedReset } from './feed-reset.js';
import type { MlService } from './ml-service.js';
import type { OutcomeRecorder } from './outcome-recorder.js';
import type { SettingsKeeper } from './settings-keeper.js';
import type { SourceSupervisor } from './source-supervisor.js';

export interface EngineContext {
  storage: PersistenceLayer;
  config: ConfigStore;
  campaigns: CampaignController;
  coordinator: PipelineCoordinator;
  baseline: BaselineLearner;
  enricher: AdvisoryEnricher;
  health: HealthMonitor;
  healer: SelfHealer;
  /** The last lines of the engine's log file (empty when it writes none). */
  logTail: (lines: number) => Promise<LogTail>;
  sources: SourceSupervisor;
  advisories: AdvisoryPublisher;
  alarms: AlarmPublisher;
  events: EventBus;
  settings: SettingsKeeper;
  feedReset: FeedReset;
  ml: MlService;
  outcomes: OutcomeRecorder;
  reports: ReportService;
  /** Wall clock, epoch ms: audit stamps and health timeouts (never drilling decisions). */
  clock: () => number;
  log: (line: string) => void;
  /** Appends to the audit log and publishes the entry. */
  audit: (e: NewAuditEntry) => Promise<AuditEntry>;
  status: () => LiveStatus;
  /** Which model files setLlmModel may open. */
  modelPaths: ModelPathPolicy;
}

export type CommandHandler<C extends BridgeCommand> = (req: ParsedBridgeRequest<C>) => Promise<BridgeResult<C>>;
export type CommandHandlers = { [C in BridgeCommand]: CommandHandler<C> };

/** A feature module: the commands it answers, given the engine context. */
export type CommandModule<K extends BridgeCommand> = (ctx: EngineContext) => { [C in K]: CommandHandler<C> };

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const fail = (code: BridgeError['code'], message: string) => ({ ok: false as const, error: { code, message } });
