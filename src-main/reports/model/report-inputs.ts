// What the pure report model is built from: the stored records of one period, as the reader
// (../report-records.ts) gathers them. Types and the chart channel list only.
import type { Acknowledgement, Advisory, AuditEntry } from '../../../src-shared/advisory.js';
import type { AlarmEvent } from '../../../src-shared/events.js';
import type { MlReport } from '../../../src-shared/ml.js';
import type { ShiftSummary } from '../../../src-shared/records.js';
import type { ReportCharts, ReportKind } from '../../../src-shared/reports.js';

/** Channels the PDF charts draw (canonical units), plus flow in for the ML comparison. */
export const CHART_CHANNELS = [
  'holeDepthFt', 'bitDepthFt', 'ropFtHr', 'wobKlbf', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowBalanceGpm', 'pitVolumeBbl', 'flowInGpm',
] as const;

/** The period a report covers, half-open: [fromMs, toMs). */
export interface ReportPeriod {
  kind: ReportKind;
  fromMs: number;
  toMs: number;
  fromDepthFt: number | null;
  toDepthFt: number | null;
}

export interface ReportRecords {
  period: ReportPeriod;
  summary: ShiftSummary;
  /** In the period, oldest first. */
  advisories: Advisory[];
  /** Every acknowledgement of those advisories, whenever given, oldest first. */
  acks: Acknowledgement[];
  /** In the period, oldest first (alarm-event transitions among them). */
  audit: AuditEntry[];
  /** Stored alarm events active at some time in the period (none in records made before them). */
  alarmEvents: AlarmEvent[];
  rigStatePackets: Record<string, number>;
  packetsPerMinute: [number, number][];
  /** In the period, newest first. */
  mlReports: MlReport[];
  charts: ReportCharts;
}
