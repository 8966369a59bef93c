// Report records built by hand: a 6 h period with two faults, one acknowledged, a config change.
import type { AuditEntry } from '../../../src-shared/advisory.js';
import { defaultConfig } from '../../../src-shared/config.js';
import type { BaselineProgress } from '../../../src-shared/status.js';
import type { ReportRecords } from '../../../src-main/reports/report-records.js';
import { makeAdvisory } from '../storage/fixtures.js';

export const T0 = Date.UTC(2025, 0, 1, 6);
export const HOUR = 3_600_000;

export const baseline: BaselineProgress = { mode: 'locked', samples: 500, required: 100, lockedAtMs: T0 + HOUR, metrics: [] };

export function records(): ReportRecords {
  const kick1 = makeAdvisory({ timeMs: T0 + HOUR, fault: 'kick', riskLevel: 'High' });
  const kick2 = makeAdvisory({ timeMs: T0 + HOUR + 120_000, fault: 'kick', riskLevel: 'Critical' });
  const packoff = makeAdvisory({ timeMs: T0 + 3 * HOUR, fault: 'pack-off', category: 'Mechanical', riskLevel: 'Elevated', depthFt: 10_400 });
  const audit = (seq: number, kind: AuditEntry['kind'], summary: string, t: number): AuditEntry => ({ seq, timeMs: t, actor: 'Kari Ødegård', kind, summary, before: null, after: null });
  return {
    period: { kind: 'shift', fromMs: T0, toMs: T0 + 6 * HOUR, fromDepthFt: null, toDepthFt: null },
    summary: {
      fromMs: T0, toMs: T0 + 6 * HOUR, packets: 21_600, tickets: 5, confirmed: 3, uncertain: 1, rejected: 1, advisoriesByCategory: {}, advisoriesByRisk: {},
      peakRisk: 'Critical', acknowledgements: 1, unacknowledgedCritical: 1, avgMseEfficiencyPercent: 78, depthStartFt: 10_000, depthEndFt: 10_450,
    },
    advisories: [kick1, kick2, packoff],
    acks: [{ id: 'ACK-0001', advisoryId: kick1.id, timeMs: T0 + HOUR + 60_000, actor: 'Ola Nordmann', action: 'Flow check performed', notes: 'Brønnen er stille, ingen gevinst' }],
    audit: [
      audit(1, 'acknowledgement', 'acknowledged', T0 + HOUR + 60_000),
      audit(2, 'config-change', 'configuration changed: thresholds.well_control.gas_units_warning', T0 + 2 * HOUR),
      audit(3, 'baseline-lock', 'baseline metric locked', T0 + HOUR),
    ],
    alarmEvents: [],
    rigStatePackets: { Drilling: 3 * 3600, Connection: 1800, Circulating: 5400 },
    packetsPerMinute: Array.from({ length: 360 }, (_, i) => [T0 + i * 60_000, i >= 100 && i < 110 ? 0 : 60] as [number, number]).filter(([, n]) => n > 0),
    mlReports: [],
    charts: { resolution: '1min', series: { holeDepthFt: [[T0, 10_000], [T0 + 6 * HOUR, 10_450]], ropFtHr: [[T0, 50]] } },
  };
}

export const context = () => ({ generatedAtMs: T0 + 6 * HOUR + 5000, dataNowMs: T0 + 6 * HOUR, well: { ...defaultConfig().well, name: 'Grane Å-12' }, campaign: 'production' as const, baseline, feedTimeoutS: 30 });
