import { describe, expect, it } from 'vitest';
import type { ReportCharts } from '../../../src-shared/reports.js';
import { mlSection } from '../../../src-main/reports/model/ml-section.js';
import type { MlReportRecord } from '../../../src-main/storage/persistence.js';

const T0 = Date.UTC(2025, 0, 1, 6);
const charts: ReportCharts = {
  resolution: '1min',
  series: {
    // on bottom (ROP > 1) from T0+1 min; the point before the report and the off-bottom one do not count
    ropFtHr: [[T0 - 60_000, 50], [T0 + 60_000, 40], [T0 + 120_000, 0], [T0 + 180_000, 60]],
    wobKlbf: [[T0 - 60_000, 99], [T0 + 60_000, 20], [T0 + 120_000, 0], [T0 + 180_000, 30]],
    rpm: [[T0 + 60_000, 100], [T0 + 180_000, 140]],
  },
};
const record = (report: unknown): MlReportRecord => ({ timeMs: T0, wellId: 'W', campaign: 'production', depthFt: 10_250, report });

describe('ML optimum against what was run', () => {
  it('says so when there is no ML report in the period', () => {
    expect(mlSection([], charts)).toMatchObject({ note: 'no ML report in this period', parameters: [], reportTimeMs: null, reportsInPeriod: 0 });
  });

  it('reads ranges and numbers, compares with the on-bottom average after the report', () => {
    const s = mlSection(
      [record({ optimal: { wob: { best: 24, min: 22, max: 27 }, rpm: 120, flowGpm: { value: 550, range: [520, 580] } }, formation: { label: 'Hard Sandstone' }, confidence: 'High' })],
      charts,
    );
    expect(s.formation).toBe('Hard Sandstone');
    expect(s.confidence).toBe('High');
    expect(s.depthFt).toBe(10_250);
    expect(s.parameters).toEqual([
      { name: 'WOB', unit: 'klbf', best: 24, min: 22, max: 27, actual: 25 },
      { name: 'RPM', unit: 'rpm', best: 120, min: null, max: null, actual: 120 },
      { name: 'Flow', unit: 'gpm', best: 550, min: 520, max: 580, actual: null },
    ]);
  });

  it('gives the reason of a run that found no optimum', () => {
    const s = mlSection([record({ status: 'failure', reason: 'AllDataRejected' })], charts);
    expect(s.note).toBe('latest ML report found no optimum: AllDataRejected');
    expect(s.parameters).toEqual([]);
  });
});
