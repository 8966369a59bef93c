// The Bridge contract: the only way the renderer talks to the engine. The same commands and
// events travel over Electron IPC and over the headless WebSocket. Requests are validated with
// these zod schemas where they enter the engine; responses are the engine's own typed values.
import { z } from 'zod';
import type { Acknowledgement, Advisory, AuditEntry, Ticket, VerificationResult } from './advisory.js';
import type { Campaign } from './campaign.js';
import type { ConfigValidation, WellConfig } from './config.js';
import type { AlarmEvent, EventTransition } from './events.js';
import type { HealthReport, LogTail } from './health.js';
import type { MlReport, MlRunOutcome, MlSkip } from './ml.js';
import { OutcomeInputSchema, type OutcomeRecord, type OutcomeStat } from './outcome.js';
import { ReportExportSchema, ReportRequestSchema, type ReportFile, type ReportModel, type ReportProgress } from './reports.js';
import type { ShiftSummary } from './records.js';
import type { SourceStatus, SourceTestResult } from './source.js';
import type { BaselineProgress, LiveStatus } from './status.js';
import { configUpdate, personText, plainText } from './text.js';

const actor = personText(80).pipe(z.string().min(1, 'actor name is required'));

/** Shape of a CSV column map (what each entry means is checked where the CSV is opened). */
export const CsvColumnMapSchema = z.record(
  z.string().min(1),
  z.union([z.string().min(1), z.object({ channel: z.string().min(1), unit: z.string().min(1).optional() }).strict()]),
);

export const SourceConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tcp'), host: plainText().min(1).max(255), port: z.number().int().min(1).max(65535) }),
  z.object({
    kind: z.literal('listen'),
    port: z.number().int().min(1).max(65535),
    host: z.union([z.ipv4(), z.ipv6()]).optional(),
    allow: z.array(z.union([z.ipv4(), z.ipv6()])).max(16).optional(),
  }),
  z.object({
    kind: z.literal('serial'),
    path: plainText().min(1).max(4096),
    baudRate: z.number().int().positive(),
    dataBits: z.union([z.literal(7), z.literal(8)]),
    parity: z.enum(['none', 'even', 'odd']),
    stopBits: z.union([z.literal(1), z.literal(2)]),
    flowControl: z.enum(['none', 'rtscts', 'xonxoff']).optional(),
  }),
  z.object({ kind: z.literal('stdin') }),
  z.object({
    kind: z.literal('csv'),
    path: plainText().min(1).max(4096),
    speed: z.union([z.number().positive(), z.literal('max')]),
    columns: CsvColumnMapSchema.optional(),
  }),
  z.object({ kind: z.literal('simulator'), scenario: plainText().max(64), seed: z.number().int(), speed: z.number().positive() }),
]);

export const MetricChannelSchema = z.string().min(1).max(64);

/** Request schemas, one per command. */
export const BridgeRequests = {
  getStatus: z.object({}).strict(),
  getHealth: z.object({}).strict(),
  getHistory: z
    .object({
      limit: z.number().int().min(1).max(1000).optional(),
      category: z.string().optional(),
      /** Only advisories at or above this risk (the critical-advisory report). */
      minRisk: z.enum(['Low', 'Elevated', 'High', 'Critical']).optional(),
      sinceMs: z.number().optional(),
      untilMs: z.number().optional(),
    })
    .strict(),
  getAcknowledgements: z.object({ advisoryId: z.string().optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  acknowledge: z
    .object({
      advisoryId: plainText().min(1).max(64),
      actor,
      action: personText(200).pipe(z.string().min(1, 'action taken is required')),
      notes: personText(4000).default(''),
      /** How it ended, when already known (it can also be set later with setOutcome). */
      outcome: OutcomeInputSchema.optional(),
    })
    .strict(),
  /** Records (or changes) how a confirmed advisory ended: resolved, escalated or false alarm. */
  setOutcome: z
    .object({ advisoryId: plainText().min(1).max(64), outcome: OutcomeInputSchema, actor, notes: personText(4000).default('') })
    .strict(),
  /** Recorded outcomes, newest first (every change; the first per advisory is its current one). */
  getOutcomes: z.object({ advisoryId: z.string().optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  /** Per fault: advisories confirmed real vs marked false alarm (evidence for threshold changes). */
  getOutcomeStats: z.object({ sinceMs: z.number().optional(), untilMs: z.number().optional() }).strict(),
  getConfig: z.object({}).strict(),
  validateConfig: z.object({ config: configUpdate() }).strict(),
  applyConfig: z.object({ config: configUpdate(), actor }).strict(),
  setCampaign: z.object({ campaign: plainText().min(1).max(64), actor }).strict(),
  getAudit: z
    .object({
      limit: z.number().int().min(1).max(5000).optional(),
      kind: z.string().optional(),
      sinceMs: z.number().optional(),
      untilMs: z.number().optional(),
    })
    .strict(),
  getMetricSeries: z
    .object({
      channels: z.array(MetricChannelSchema).min(1).max(16),
      fromMs: z.number(),
      toMs: z.number(),
      maxPoints: z.number().int().min(10).max(5000).optional(),
    })
    .strict(),
  getBaseline: z.object({}).strict(),
  /** Alarm events: open ones by default; filter by state, fault and time. */
  getEvents: z
    .object({
      state: z.enum(['open', 'active-unacknowledged', 'active-acknowledged', 'cleared-unacknowledged', 'normal', 'any']).optional(),
      fault: z.string().max(40).optional(),
      sinceMs: z.number().optional(),
      untilMs: z.number().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  /** One event's transitions (raised, escalated, acknowledged, cleared...) and acknowledgements. */
  getEventTimeline: z.object({ eventId: z.string().min(1).max(40) }).strict(),
  /** Acknowledge an event (the fault, not one advisory); how it ended goes with its latest advisory. */
  acknowledgeEvent: z
    .object({
      eventId: z.string().min(1).max(40),
      actor,
      action: personText(200).pipe(z.string().min(1, 'action taken is required')),
      notes: personText(4000).default(''),
      outcome: OutcomeInputSchema.optional(),
    })
    .strict(),
  /** A supervisor silences a nuisance event for a while, with a reason (never a critical well-control event). */
  shelveEvent: z
    .object({
      eventId: z.string().min(1).max(40),
      actor,
      reason: personText(500).pipe(z.string().min(3, 'a reason is required')),
      durationS: z.number().int().min(60).max(43_200),
    })
    .strict(),
  unshelveEvent: z.object({ eventId: z.string().min(1).max(40), actor }).strict(),
  /** The latest physics verdict on a ticket (live, else the last stored). */
  getVerification: z.object({}).strict(),
  getShiftSummary: z
    .object({ fromMs: z.number().finite(), toMs: z.number().finite() })
    .strict()
    .refine((r) => r.fromMs < r.toMs, { message: 'fromMs must be before toMs', path: ['fromMs'] }),
  setSource: z
    .object({
      source: SourceConfigSchema,
      units: z.enum(['imperial', 'metric']).optional(),
      /** The new feed is the same rig: keep the learned baseline (default: learn again). */
      sameRig: z.boolean().default(false),
      actor,
    })
    .strict(),
  /** Tries a source (TCP connect, serial open, port bind, file read) with a short timeout; applies nothing. */
  testSource: z.object({ source: SourceConfigSchema }).strict(),
  listSerialPorts: z.object({}).strict(),
  setLlmModel: z.object({ path: plainText().max(4096), enabled: z.boolean(), actor }).strict(),
  /** The newest ML report (success or failure), null before the first run. */
  getMlLatest: z.object({}).strict(),
  /** The successful ML report whose analysed depth range is nearest to depthFt. */
  getMlOptimal: z.object({ depthFt: z.number().finite().min(0).max(60_000) }).strict(),
  /** Runs the ML analysis now on the last window of data (audited). */
  runMlNow: z.object({ actor }).strict(),
  /** The last lines of the engine's log file (the engineer view), oldest first. */
  getLogTail: z.object({ lines: z.number().int().min(1).max(1000).default(200) }).strict(),
  /** A shift (current by default, or fromMs/toMs), the whole well, or a depth interval: the report's figures. */
  buildReport: ReportRequestSchema,
  /** The same as a PDF, CSV or JSON file (base64); progress comes as reportProgress events. */
  exportReport: ReportExportSchema,
} as const;

export type BridgeCommand = keyof typeof BridgeRequests;
export type BridgeRequest<C extends BridgeCommand> = z.input<(typeof BridgeRequests)[C]>;
export type ParsedBridgeRequest<C extends BridgeCommand> = z.output<(typeof BridgeRequests)[C]>;

export interface MetricSeries {
  channel: string;
  /** Seconds-resolution points: [timeMs, value]. */
  points: [number, number][];
  resolution: 'raw' | '1min' | '10min';
}

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
}

/** Response types, one per command. */
export interface BridgeResponses {
  getStatus: LiveStatus;
  getHealth: HealthReport;
  getHistory: Advisory[];
  getAcknowledgements: Acknowledgement[];
  acknowledge: Acknowledgement;
  setOutcome: OutcomeRecord;
  getOutcomes: OutcomeRecord[];
  getOutcomeStats: OutcomeStat[];
  getConfig: WellConfig;
  validateConfig: ConfigValidation;
  applyConfig: ConfigValidation & { applied: boolean };
  setCampaign: { campaign: Campaign };
  getAudit: AuditEntry[];
  getMetricSeries: MetricSeries[];
  getBaseline: BaselineProgress;
  getEvents: AlarmEvent[];
  getEventTimeline: { event: AlarmEvent; transitions: EventTransition[]; acknowledgements: Acknowledgement[] };
  acknowledgeEvent: { event: AlarmEvent; acknowledgement: Acknowledgement };
  shelveEvent: AlarmEvent;
  unshelveEvent: AlarmEvent;
  getVerification: VerificationResult | null;
  getShiftSummary: ShiftSummary;
  setSource: SourceStatus;
  testSource: SourceTestResult;
  listSerialPorts: { ports: SerialPortInfo[]; note: string | null };
  setLlmModel: LiveStatus['llm'];
  getMlLatest: MlReport | null;
  getMlOptimal: MlReport | null;
  runMlNow: MlRunOutcome;
  getLogTail: LogTail;
  buildReport: ReportModel;
  exportReport: ReportFile;
}

/** Events pushed from the engine. */
export interface BridgeEvents {
  /** Live values, throttled to a few per second. */
  status: LiveStatus;
  /** A new advisory, or an existing one enriched (same id). */
  advisory: Advisory;
  acknowledgement: Acknowledgement;
  /** An outcome recorded at acknowledgement or later. */
  outcome: OutcomeRecord;
  health: HealthReport;
  audit: AuditEntry;
  /** A tactical ticket (a sustained anomaly), before verification. */
  ticket: Ticket;
  /** The physics verdict on a ticket: Confirmed, Uncertain or Rejected, with the reason. */
  verification: VerificationResult;
  /** An alarm event changed state; `transition.alarm` says whether the alarm sounds. */
  alarmEvent: { event: AlarmEvent; transition: EventTransition };
  /** A new ML report (scheduled or run now), after it is stored. */
  mlReport: MlReport;
  /** An ML run that did not analyse: too little drilling in the window. */
  mlSkip: MlSkip;
  /** How far a report build or export has got (jobId as given in the request). */
  reportProgress: ReportProgress;
}

export type BridgeEventName = keyof BridgeEvents;
export const BRIDGE_EVENTS: readonly BridgeEventName[] = [
  'status', 'advisory', 'acknowledgement', 'outcome', 'health', 'audit', 'ticket', 'verification', 'alarmEvent', 'mlReport', 'mlSkip',
  'reportProgress',
];

/** A command failure the user can read (validation, not found, refused). */
export interface BridgeError {
  /** unavailable: the record (database, saved settings) cannot be written; nothing was changed. */
  code: 'invalid-request' | 'not-found' | 'refused' | 'unavailable' | 'internal';
  message: string;
}

export type BridgeResult<C extends BridgeCommand> =
  | { ok: true; value: BridgeResponses[C] }
  | { ok: false; error: BridgeError };

/** What both transports implement for the renderer. */
export interface Bridge {
  call<C extends BridgeCommand>(command: C, request: BridgeRequest<C>): Promise<BridgeResult<C>>;
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
  /** 'ipc' inside Electron, 'websocket' in a browser. */
  readonly transport: 'ipc' | 'websocket';
}

/** WebSocket wire frames (headless mode). */
export type WsClientFrame = { type: 'call'; id: number; command: BridgeCommand; request: unknown };
export type WsServerFrame =
  | { type: 'result'; id: number; result: BridgeResult<BridgeCommand> }
  | { type: 'event'; event: BridgeEventName; payload: unknown };

export const WsClientFrameSchema = z.object({
  type: z.literal('call'),
  id: z.number().int(),
  command: z.enum(Object.keys(BridgeRequests) as [BridgeCommand, ...BridgeCommand[]]),
  request: z.unknown(),
});
