// The report as JSON: the whole model and the chart series, canonical US oilfield units (every
// field name carries its unit), times in epoch milliseconds. Pure.
import type { ReportCharts, ReportModel } from '../../../src-shared/reports.js';

export const REPORT_JSON_VERSION = 1;

export function reportJson(model: ReportModel, charts: ReportCharts): string {
  return JSON.stringify({ format: 'sairen-report', version: REPORT_JSON_VERSION, units: 'us-oilfield', model, charts }, null, 1);
}
