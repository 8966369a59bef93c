// The latest ML optimum of the period against what was actually run. The ML engine (issue 14)
// stores its report as JSON in ml_reports; this reads it tolerantly: an `optimal` object (also
// `optimalParams` / `optimal_params`) whose WOB / RPM / flow entries are a number or
// { best | optimal | value, min, max }, plus optional `formation`, `confidence`, and
// `reason` for a run that found no optimum. Pure.
import type { MlParameterComparison, ReportCharts, ReportMlSection } from '../../../src-shared/reports.js';
import type { MlReportInput } from './report-inputs.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function pick(o: Obj, keys: readonly string[]): unknown {
  for (const k of keys) if (k in o) return o[k];
  return undefined;
}

function readRange(v: unknown): { best: number | null; min: number | null; max: number | null } | null {
  if (num(v) !== null) return { best: num(v), min: null, max: null };
  if (!isObj(v)) return null;
  const range = Array.isArray(v.range) ? v.range : null;
  return {
    best: num(pick(v, ['best', 'optimal', 'value', 'median'])),
    min: num(v.min) ?? num(range?.[0]),
    max: num(v.max) ?? num(range?.[1]),
  };
}

const PARAMS = [
  { name: 'WOB', unit: 'klbf', keys: ['wobKlbf', 'wob', 'wob_klbf', 'wob_klbs'], channel: 'wobKlbf' },
  { name: 'RPM', unit: 'rpm', keys: ['rpm'], channel: 'rpm' },
  { name: 'Flow', unit: 'gpm', keys: ['flowGpm', 'flowInGpm', 'flow', 'flow_gpm'], channel: 'flowInGpm' },
] as const;

function text(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObj(v)) return text(pick(v, ['label', 'name', 'level']));
  return null;
}

/** Averages of WOB, RPM and flow over the chart buckets on bottom (ROP > 1 ft/hr) from sinceMs. */
function actualOnBottom(charts: ReportCharts, sinceMs: number): Record<string, number | null> {
  const rop = new Map(charts.series.ropFtHr ?? []);
  const out: Record<string, number | null> = {};
  for (const p of PARAMS) {
    let n = 0;
    let sum = 0;
    for (const [t, v] of charts.series[p.channel] ?? []) {
      if (t < sinceMs || (rop.get(t) ?? 0) <= 1) continue;
      n++;
      sum += v;
    }
    out[p.channel] = n > 0 ? sum / n : null;
  }
  return out;
}

export function mlSection(reports: readonly MlReportInput[], charts: ReportCharts): ReportMlSection {
  const latest = reports[0];
  const empty = { reportTimeMs: null, depthFt: null, formation: null, confidence: null, parameters: [], reportsInPeriod: reports.length };
  if (!latest) return { ...empty, note: 'no ML report in this period' };
  const body = isObj(latest.report) ? latest.report : {};
  const optimal = pick(body, ['optimal', 'optimalParams', 'optimal_params']);
  const base = {
    reportTimeMs: latest.timeMs,
    depthFt: latest.depthFt,
    formation: text(body.formation),
    confidence: text(body.confidence),
    reportsInPeriod: reports.length,
  };
  if (!isObj(optimal)) {
    const reason = text(pick(body, ['reason', 'failure', 'message'])) ?? 'no optimum in the report';
    return { ...base, parameters: [], note: `latest ML report found no optimum: ${reason}` };
  }
  const actual = actualOnBottom(charts, latest.timeMs);
  const parameters: MlParameterComparison[] = [];
  for (const p of PARAMS) {
    const r = readRange(pick(optimal, p.keys));
    if (r) parameters.push({ name: p.name, unit: p.unit, ...r, actual: actual[p.channel] });
  }
  return {
    ...base,
    parameters,
    note: parameters.length
      ? 'optimum from the latest ML report; "actual" averages the on-bottom trend after it was issued'
      : 'latest ML report has no WOB, RPM or flow optimum',
  };
}
