// The latest ML optimum of the period (the ML engine's hourly report, issue 14) against what was
// actually run: the best WOB / RPM / flow with their safe ranges, beside the averages drilled
// on bottom after the report was issued. Pure.
import type { MlReport } from '../../../src-shared/ml.js';
import type { MlParameterComparison, ReportCharts, ReportMlSection } from '../../../src-shared/reports.js';

const PARAMS = [
  { name: 'WOB', unit: 'klbf', key: 'wobKlbf', channel: 'wobKlbf' },
  { name: 'RPM', unit: 'rpm', key: 'rpm', channel: 'rpm' },
  { name: 'Flow', unit: 'gpm', key: 'flowGpm', channel: 'flowInGpm' },
] as const;

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

/** `reports` newest first, all in the period. */
export function mlSection(reports: readonly MlReport[], charts: ReportCharts): ReportMlSection {
  const latest = reports[0];
  if (!latest) {
    return { note: 'no ML report in this period', reportTimeMs: null, depthFt: null, formation: null, confidence: null, parameters: [], reportsInPeriod: 0 };
  }
  const base = {
    reportTimeMs: latest.timeMs,
    depthFt: latest.bitDepthFt ?? latest.depthRange?.toFt ?? null,
    formation: latest.segment?.label ?? null,
    reportsInPeriod: reports.length,
  };
  if (latest.result.status === 'failure') {
    return { ...base, confidence: null, parameters: [], note: `latest ML report found no optimum: ${latest.result.reason} (${latest.result.detail})` };
  }
  const optimum = latest.result.optimum;
  const actual = actualOnBottom(charts, latest.timeMs);
  const parameters: MlParameterComparison[] = [];
  for (const p of PARAMS) {
    const range = optimum[p.key];
    if (range) parameters.push({ name: p.name, unit: p.unit, best: range.best, min: range.min, max: range.max, actual: actual[p.channel] });
  }
  return {
    ...base,
    confidence: latest.result.confidence,
    parameters,
    note: `optimum from the latest ML report (${latest.trigger}); "actual" averages the on-bottom trend after it was issued`,
  };
}
