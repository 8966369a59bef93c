// Shift reports and the post-well debrief: what the renderer asks for (a range), and what the
// engine answers (the report model, an exported file, progress). The model is in canonical
// US oilfield units (names carry the unit); PDF and CSV convert to the units asked for.
import { z } from 'zod';
import type { AnomalyCategory, AuditKind, FaultKind, RiskLevel, Severity, VerificationStatus } from './advisory.js';
import type { Campaign } from './campaign.js';
import type { AlarmState, Shelving } from './events.js';
import type { BaselineProgress } from './status.js';
import type { RigState } from './wits.js';

export const REPORT_KINDS = ['shift', 'well', 'interval'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MAX_DEPTH_FT = 60_000;
const timeMs = z.number().finite().min(0);
const depthFt = z.number().finite().min(0).max(MAX_DEPTH_FT);
/** Lets the renderer match progress events to the export it started. */
const jobId = z.string().trim().min(1).max(64).optional();
const units = z.enum(['imperial', 'metric']).optional();

/**
 * The three ranges. shift: fromMs/toMs (both or neither; neither = the current shift);
 * well: everything recorded; interval: the time the hole took to go from one depth to another.
 */
const rangeOptions = [
  z.object({ kind: z.literal('shift'), fromMs: timeMs.optional(), toMs: timeMs.optional(), jobId, units }).strict(),
  z.object({ kind: z.literal('well'), jobId, units }).strict(),
  z.object({ kind: z.literal('interval'), fromDepthFt: depthFt, toDepthFt: depthFt, jobId, units }).strict(),
] as const;

type RangeInput = z.output<(typeof rangeOptions)[number]>;

function checkRange(r: RangeInput, ctx: z.RefinementCtx): void {
  if (r.kind === 'shift') {
    if ((r.fromMs === undefined) !== (r.toMs === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['fromMs'], message: 'give both fromMs and toMs, or neither for the current shift' });
    } else if (r.fromMs !== undefined && r.toMs !== undefined && r.fromMs >= r.toMs) {
      ctx.addIssue({ code: 'custom', path: ['fromMs'], message: 'fromMs must be before toMs' });
    }
  }
  if (r.kind === 'interval' && r.fromDepthFt >= r.toDepthFt) {
    ctx.addIssue({ code: 'custom', path: ['fromDepthFt'], message: 'fromDepthFt must be shallower than toDepthFt' });
  }
}

export const ReportRequestSchema = z.discriminatedUnion('kind', rangeOptions).superRefine(checkRange);
export type ReportRequest = z.output<typeof ReportRequestSchema>;

export const ReportExportSchema = z
  .discriminatedUnion('kind', [
    rangeOptions[0].extend({ format: z.enum(REPORT_FORMATS) }),
    rangeOptions[1].extend({ format: z.enum(REPORT_FORMATS) }),
    rangeOptions[2].extend({ format: z.enum(REPORT_FORMATS) }),
  ])
  .superRefine(checkRange);
export type ReportExportRequest = z.output<typeof ReportExportSchema>;

/** An acknowledgement as the report lists it. */
export interface ReportAck {
  id: string;
  timeMs: number;
  actor: string;
  action: string;
  notes: string;
}

/** One advisory on the timeline, with what was done about it. */
export interface ReportAdvisory {
  id: string;
  timeMs: number;
  fault: FaultKind;
  category: AnomalyCategory;
  riskLevel: RiskLevel;
  severity: Severity;
  depthFt: number | null;
  diagnosis: string;
  recommendation: string;
  verdict: VerificationStatus;
  /** Key of the event (first advisory id of the fault's chain) it belongs to. */
  eventKey: string;
  acks: ReportAck[];
}

/**
 * One fault as the driller lived it: a stored alarm event, or for records made before alarm
 * events existed, advisories of one fault chained while each follows the last within 5 min.
 */
export interface ReportEvent {
  key: string;
  fault: FaultKind;
  category: AnomalyCategory;
  raisedMs: number;
  lastMs: number;
  /** null while the source cannot say (advisory-derived events have no clear time). */
  clearedMs: number | null;
  /** Worst risk the event reached. */
  riskLevel: RiskLevel;
  /** Alarm sounds after the raise: escalations (and reopenings for stored events). */
  escalationsMs: number[];
  /** Times the alarm sounded for this event in the period (a Low event raises without one). */
  alarms: number;
  /** Advisories of the event inside the period, oldest first. */
  advisoryIds: string[];
  /** Acknowledgements of the event or of its advisories. */
  ackedCount: number;
  firstAckMs: number | null;
  /** ISA-18.2 state when the report was written; null for advisory-derived events. */
  state: AlarmState | null;
  shelving: Shelving | null;
}

export interface FaultRiskRow {
  fault: FaultKind;
  category: AnomalyCategory;
  byRisk: Record<RiskLevel, number>;
  events: number;
  advisories: number;
}

/** EEMUA 191 style figures over the report period. */
export interface AlarmRateFigures {
  /** Where the events came from: grouped advisories now, stored alarm events later. */
  source: 'grouped-advisories' | 'alarm-events';
  events: number;
  /** Alarm sounds: new events plus escalations. */
  alarms: number;
  alarmsPer10MinAvg: number;
  peakAlarmsIn10Min: number;
  peakWindowStartMs: number | null;
  /** Share of the period's 10-min windows with more than one alarm, percent. */
  percentWindowsOverOne: number;
  /** Events active 24 h or more. */
  standing: number;
  /** Shelvings in the period; null when the source does not record shelving. */
  shelved: number | null;
  /** null when the source cannot see clearing (re-raised within 1 min of clearing). */
  chattering: number | null;
}

export interface RigStateTime {
  state: RigState;
  seconds: number;
  percent: number;
}

export interface FeedOutage {
  fromMs: number;
  toMs: number;
  /** Packets short of the usual rate over the outage. */
  missingPackets: number;
  approxSeconds: number;
}

export interface ReportChange {
  seq: number;
  timeMs: number;
  actor: string;
  kind: AuditKind;
  summary: string;
}

export interface MlParameterComparison {
  name: string;
  /** Canonical unit of best/min/max/actual. */
  unit: 'klbf' | 'rpm' | 'gpm';
  best: number | null;
  min: number | null;
  max: number | null;
  /** Average actually run on bottom after the optimum was issued. */
  actual: number | null;
}

export interface ReportMlSection {
  /** "no ML report in this period" when empty. */
  note: string;
  reportTimeMs: number | null;
  depthFt: number | null;
  formation: string | null;
  confidence: string | null;
  parameters: MlParameterComparison[];
  reportsInPeriod: number;
}

export interface ReportModel {
  kind: ReportKind;
  title: string;
  generatedAtMs: number;
  period: { fromMs: number; toMs: number; fromDepthFt: number | null; toDepthFt: number | null; label: string };
  well: { name: string; field: string; rig: string; operator: string };
  campaign: Campaign;
  drilling: {
    depthStartFt: number | null;
    depthEndFt: number | null;
    drilledFt: number | null;
    drillingHours: number;
    avgRopFtHr: number | null;
    avgMseEfficiencyPercent: number | null;
  };
  rigStates: RigStateTime[];
  feed: { packets: number; packetIntervalS: number | null; recordedSeconds: number; outages: FeedOutage[]; outageSeconds: number };
  verification: { tickets: number; confirmed: number; uncertain: number; rejected: number };
  events: ReportEvent[];
  byFaultRisk: FaultRiskRow[];
  advisories: ReportAdvisory[];
  /** Advisories in the period with no acknowledgement at all (any time up to the report). */
  unacknowledgedIds: string[];
  /** Events a person must still acknowledge (stored events), or with no acknowledged advisory. */
  unacknowledgedEventKeys: string[];
  acknowledgements: number;
  alarmRate: AlarmRateFigures;
  changes: ReportChange[];
  baseline: BaselineProgress & { events: ReportChange[] };
  ml: ReportMlSection;
  /** How figures were worked out where a reader could wonder. */
  notes: string[];
}

/** Chart data that goes into the PDF (and JSON/CSV exports), separate from the preview. */
export interface ReportCharts {
  /** channel -> [timeMs, value] in canonical units, averaged per bucket. */
  series: Record<string, [number, number][]>;
  resolution: string;
}

export interface ReportFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The file, base64 (one encoding over IPC and WebSocket). */
  base64: string;
  /** PDF only. */
  pages: number | null;
}

export interface ReportProgress {
  jobId: string | null;
  phase: 'queued' | 'reading' | 'building' | 'rendering' | 'done' | 'failed';
  /** 0-1 over the whole job. */
  fraction: number;
  detail: string;
}
