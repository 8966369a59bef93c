// The report as CSV: one file, one section after another. Each section is a line
// `# <name>`, a header row and its rows, then a blank line. UTF-8 with a byte-order mark so
// spreadsheet programs read æøå right; text that starts like a formula is quoted with a
// leading apostrophe so a note cannot run as one. Values in the units asked for. Pure.
import type { ReportCharts, ReportModel } from '../../../src-shared/reports.js';
import type { UnitSystem } from '../../../src-shared/units.js';
import { CHART_CHANNELS } from '../model/report-inputs.js';
import { CHANNEL_QUANTITY, reportUnits } from './report-units.js';
import { formatLocalTime } from '../model/time-format.js';

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toFixed(4))) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function section(name: string, header: string[], rows: Cell[][]): string {
  return [`# ${name}`, header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n\r\n';
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function reportCsv(m: ReportModel, charts: ReportCharts, system: UnitSystem): string {
  const u = reportUnits(system);
  const d = m.drilling;
  const out: string[] = [];
  out.push(section('summary', ['key', 'value'], [
    ['report', m.title], ['well', m.well.name], ['field', m.well.field], ['rig', m.well.rig], ['operator', m.well.operator],
    ['from', iso(m.period.fromMs)], ['to', iso(m.period.toMs)], ['period', m.period.label], ['written', iso(m.generatedAtMs)],
    ['campaign', m.campaign], ['units', system],
    [`depth_start_${u.label('depth')}`, u.value(d.depthStartFt, 'depth')], [`depth_end_${u.label('depth')}`, u.value(d.depthEndFt, 'depth')],
    [`drilled_${u.label('depth')}`, u.value(d.drilledFt, 'depth')], ['drilling_hours', d.drillingHours],
    [`avg_rop_${u.label('rop')}`, u.value(d.avgRopFtHr, 'rop')], ['avg_mse_efficiency_percent', d.avgMseEfficiencyPercent],
    ['packets', m.feed.packets], ['advisories', m.advisories.length], ['events', m.events.length],
    ['acknowledgements', m.acknowledgements], ['unacknowledged_advisories', m.unacknowledgedIds.length],
    ['tickets', m.verification.tickets], ['confirmed', m.verification.confirmed], ['uncertain', m.verification.uncertain],
    ['rejected', m.verification.rejected], ['alarms', m.alarmRate.alarms], ['alarms_per_10min_avg', m.alarmRate.alarmsPer10MinAvg],
    ['peak_alarms_in_10min', m.alarmRate.peakAlarmsIn10Min], ['standing_events', m.alarmRate.standing],
    ['shelved', m.alarmRate.shelved], ['chattering', m.alarmRate.chattering], ['baseline_mode', m.baseline.mode],
    ['outages', m.feed.outages.length], ['outage_seconds', m.feed.outageSeconds], ['ml_note', m.ml.note],
  ]));
  out.push(section('rig_states', ['state', 'seconds', 'percent'], m.rigStates.map((s) => [s.state, s.seconds, s.percent])));
  out.push(section('events', ['key', 'fault', 'category', 'raised', 'last', 'cleared', 'risk', 'alarms', 'advisories', 'acknowledgements', 'first_ack', 'state', 'shelved_by', 'shelved_reason'],
    m.events.map((e) => [
      e.key, e.fault, e.category, iso(e.raisedMs), iso(e.lastMs), iso(e.clearedMs), e.riskLevel, e.alarms, e.advisoryIds.length,
      e.ackedCount, iso(e.firstAckMs), e.state, e.shelving?.byActor ?? null, e.shelving?.reason ?? null,
    ])));
  out.push(section('alarm_rate', ['source', 'events', 'alarms', 'alarms_per_10min_avg', 'peak_in_10min', 'percent_windows_over_one', 'standing', 'shelved', 'chattering'],
    [[m.alarmRate.source, m.alarmRate.events, m.alarmRate.alarms, m.alarmRate.alarmsPer10MinAvg, m.alarmRate.peakAlarmsIn10Min, m.alarmRate.percentWindowsOverOne, m.alarmRate.standing, m.alarmRate.shelved, m.alarmRate.chattering]]));
  out.push(section('advisories', ['id', 'time', 'local_time', 'fault', 'category', 'risk', 'severity', `depth_${u.label('depth')}`, 'verdict', 'event', 'acknowledged', 'diagnosis', 'recommendation'],
    m.advisories.map((a) => [a.id, iso(a.timeMs), formatLocalTime(a.timeMs, true), a.fault, a.category, a.riskLevel, a.severity, u.value(a.depthFt, 'depth'), a.verdict, a.eventKey, a.acks.length > 0 ? 'yes' : 'no', a.diagnosis, a.recommendation])));
  out.push(section('acknowledgements', ['ack_id', 'advisory_id', 'time', 'actor', 'action', 'notes'],
    m.advisories.flatMap((a) => a.acks.map((k) => [k.id, a.id, iso(k.timeMs), k.actor, k.action, k.notes]))));
  out.push(section('changes', ['seq', 'time', 'actor', 'kind', 'summary'],
    [...m.changes, ...m.baseline.events].sort((x, y) => x.timeMs - y.timeMs).map((c) => [c.seq, iso(c.timeMs), c.actor, c.kind, c.summary])));
  out.push(section('feed_outages', ['from', 'to', 'approx_seconds', 'missing_packets'],
    m.feed.outages.map((o) => [iso(o.fromMs), iso(o.toMs), o.approxSeconds, o.missingPackets])));
  out.push(section('ml_optimum', ['parameter', 'unit', 'best', 'min', 'max', 'actual'],
    m.ml.parameters.map((p) => [p.name, p.unit, p.best, p.min, p.max, p.actual])));
  out.push(trendSection(charts, u));
  return `\uFEFF${out.join('')}`;
}

function trendSection(charts: ReportCharts, u: ReturnType<typeof reportUnits>): string {
  const channels = CHART_CHANNELS.filter((c) => (charts.series[c] ?? []).length > 0);
  const byTime = new Map<number, Map<string, number>>();
  for (const c of channels) {
    for (const [t, v] of charts.series[c]) {
      let row = byTime.get(t);
      if (!row) byTime.set(t, (row = new Map()));
      row.set(c, v);
    }
  }
  const unitTag = (c: string) => u.label(CHANNEL_QUANTITY[c]).replace('³', '3').replace('/', '_per_').replace(/\W+/g, '') || 'value';
  const header = ['time', ...channels.map((c) => `${c.replace(/(Ft|FtHr|Klbf|KftLbf|Psi|Gpm|Bbl)$/, '')}_${unitTag(c)}`)];
  const rows = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, row]) => [iso(t), ...channels.map((c) => u.value(row.get(c), CHANNEL_QUANTITY[c]))]);
  return section(`trends (${charts.resolution})`, header, rows);
}
