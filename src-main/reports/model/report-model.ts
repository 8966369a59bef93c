// The report model: everything a shift report or debrief says, built from stored records.
// Pure: the records and the time of writing come in; the PDF, CSV and JSON writers only
// format what this returns.
import { shownText, type Acknowledgement, type Advisory } from '../../../src-shared/advisory.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import type { WellConfig } from '../../../src-shared/config.js';
import type { AlarmRateFigures, ReportAck, ReportAdvisory, ReportChange, ReportEvent, ReportKind, ReportModel } from '../../../src-shared/reports.js';
import type { BaselineProgress } from '../../../src-shared/status.js';
import { feedOutages, packetIntervalS, rigStateTimes } from './feed-time.js';
import { mlSection } from './ml-section.js';
import type { ReportRecords } from './report-inputs.js';
import { eventsFromAdvisories, faultRiskTable, groupedAlarmFigures } from './report-events.js';
import { eventsFromStore, storedAlarmFigures, transitionsOf, unacknowledgedStored } from './stored-events.js';
import { formatLocalTime } from './time-format.js';

export interface ReportContext {
  generatedAtMs: number;
  /** Data time now: a period reaching past it is not an outage yet. */
  dataNowMs: number;
  well: WellConfig['well'];
  campaign: Campaign;
  baseline: BaselineProgress;
  feedTimeoutS: number;
}

const TITLES: Record<ReportKind, string> = {
  shift: 'Shift report',
  well: 'Post-well debrief',
  interval: 'Depth interval debrief',
};

const BASELINE_KINDS = new Set(['baseline-lock', 'baseline-reset']);
/** Audit entries that are a person's (or the self-healer's) change to how the engine runs. */
const CHANGE_KINDS = new Set(['config-change', 'campaign-switch', 'source-change', 'llm-mode', ...BASELINE_KINDS]);

function periodLabel(r: ReportRecords): string {
  const p = r.period;
  const times = `${formatLocalTime(p.fromMs)} to ${formatLocalTime(p.toMs)}`;
  return p.fromDepthFt !== null && p.toDepthFt !== null ? `${p.fromDepthFt}-${p.toDepthFt} ft (${times})` : times;
}

function reportAdvisory(a: Advisory, acks: ReportAck[], eventKey: string): ReportAdvisory {
  const text = shownText(a);
  return {
    id: a.id,
    timeMs: a.timeMs,
    fault: a.fault,
    category: a.category,
    riskLevel: a.riskLevel,
    severity: a.severity,
    depthFt: a.depthFt,
    diagnosis: text.diagnosis,
    recommendation: text.recommendation,
    verdict: a.physicsVerdict.status,
    eventKey,
    acks,
  };
}

function acksByAdvisory(acks: readonly Acknowledgement[]): Map<string, ReportAck[]> {
  const out = new Map<string, ReportAck[]>();
  for (const k of acks) {
    const list = out.get(k.advisoryId) ?? [];
    list.push({ id: k.id, timeMs: k.timeMs, actor: k.actor, action: k.action, notes: k.notes });
    out.set(k.advisoryId, list);
  }
  return out;
}

function eventKeyByAdvisory(events: readonly ReportEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) for (const id of e.advisoryIds) out.set(id, e.key);
  return out;
}

/**
 * Stored alarm events when every advisory of the period belongs to one; else (records made
 * before alarm events existed) advisories of one fault chained into events.
 */
function eventsOf(r: ReportRecords): { events: ReportEvent[]; figures: AlarmRateFigures; unacknowledged: string[]; note: string } {
  const { fromMs, toMs } = r.period;
  if (r.alarmEvents.length > 0 && r.advisories.every((a) => a.eventId)) {
    const transitions = transitionsOf(r.audit);
    return {
      events: eventsFromStore(r.alarmEvents, transitions, r.advisories, r.acks),
      figures: storedAlarmFigures(transitions, fromMs, toMs),
      unacknowledged: unacknowledgedStored(r.alarmEvents),
      note: 'Events: the stored alarm events (one per fault, ISA-18.2 states); an alarm is a raise, an escalation or a reopening, not while shelved.',
    };
  }
  const events = eventsFromAdvisories(r.advisories, r.acks);
  return {
    events,
    figures: groupedAlarmFigures(events, fromMs, toMs),
    unacknowledged: events.filter((e) => e.ackedCount === 0).map((e) => e.key),
    note: 'Events: advisories of one fault chained while each follows the last within 5 min (records from before alarm events); an alarm is a new event or an escalation.',
  };
}

export function buildReportModel(r: ReportRecords, ctx: ReportContext): ReportModel {
  const { fromMs, toMs } = r.period;
  const interval = packetIntervalS(r.packetsPerMinute);
  const rigStates = rigStateTimes(r.rigStatePackets, interval, toMs - fromMs);
  const outages = feedOutages(r.packetsPerMinute, { fromMs, toMs: Math.min(toMs, ctx.dataNowMs), intervalS: interval, minOutageS: ctx.feedTimeoutS });
  const ev = eventsOf(r);
  const events = ev.events;
  const eventOf = eventKeyByAdvisory(events);
  const acks = acksByAdvisory(r.acks);
  const advisories = r.advisories.map((a) => reportAdvisory(a, acks.get(a.id) ?? [], eventOf.get(a.id) ?? a.id));
  const drillingHours = (rigStates.find((s) => s.state === 'Drilling')?.seconds ?? 0) / 3600;
  const s = r.summary;
  const drilledFt = s.depthStartFt !== null && s.depthEndFt !== null ? Math.max(0, s.depthEndFt - s.depthStartFt) : null;
  const changes: ReportChange[] = r.audit
    .filter((e) => CHANGE_KINDS.has(e.kind))
    .map((e) => ({ seq: e.seq, timeMs: e.timeMs, actor: e.actor, kind: e.kind, summary: e.summary }));

  return {
    kind: r.period.kind,
    title: TITLES[r.period.kind],
    generatedAtMs: ctx.generatedAtMs,
    period: { fromMs, toMs, fromDepthFt: r.period.fromDepthFt, toDepthFt: r.period.toDepthFt, label: periodLabel(r) },
    well: { name: ctx.well.name, field: ctx.well.field, rig: ctx.well.rig, operator: ctx.well.operator },
    campaign: ctx.campaign,
    drilling: {
      depthStartFt: s.depthStartFt,
      depthEndFt: s.depthEndFt,
      drilledFt,
      drillingHours,
      avgRopFtHr: drilledFt !== null && drillingHours >= 0.01 ? drilledFt / drillingHours : null,
      avgMseEfficiencyPercent: s.avgMseEfficiencyPercent,
    },
    rigStates,
    feed: {
      packets: s.packets,
      packetIntervalS: interval,
      recordedSeconds: rigStates.reduce((sum, x) => sum + x.seconds, 0),
      outages,
      outageSeconds: outages.reduce((sum, o) => sum + o.approxSeconds, 0),
    },
    verification: { tickets: s.tickets, confirmed: s.confirmed, uncertain: s.uncertain, rejected: s.rejected },
    events,
    byFaultRisk: faultRiskTable(r.advisories, events),
    advisories,
    unacknowledgedIds: advisories.filter((a) => a.acks.length === 0).map((a) => a.id),
    unacknowledgedEventKeys: ev.unacknowledged,
    acknowledgements: r.acks.length,
    alarmRate: ev.figures,
    changes: changes.filter((c) => !BASELINE_KINDS.has(c.kind)),
    baseline: { ...ctx.baseline, events: changes.filter((c) => BASELINE_KINDS.has(c.kind)) },
    ml: mlSection(r.mlReports, r.charts),
    notes: [
      ev.note,
      'Time per rig state: packets per state times the usual packet interval; outages: minutes with under half the usual packets.',
      'Baseline: its state when the report was written.',
    ],
  };
}
