import { describe, expect, it } from 'vitest';
import type { MlReport } from '../../../src-shared/ml.js';
import type { ReportCharts } from '../../../src-shared/reports.js';
import { mlSection } from '../../../src-main/reports/model/ml-section.js';

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

function report(result: MlReport['result']): MlReport {
  return {
    id: 'ML-1', timeMs: T0, trigger: 'schedule', campaign: 'production', wellId: 'W', field: 'F', windowStartMs: T0 - 7_200_000, windowEndMs: T0,
    depthRange: { fromFt: 10_100, toFt: 10_250 }, bitDepthFt: 10_250,
    segment: { index: 0, label: 'Hard Sandstone', meanDExponent: 1.8, fromFt: 10_100, toFt: 10_250, startMs: T0 - 7_200_000, endMs: T0, samples: 4000 },
    segmentsFound: 1, counts: { collected: 7200, quality: 5000, stable: 4200, segment: 4000 }, stability: 0.84,
    dysfunction: { stickSlip: 0, packOff: 0, founder: 0, poorEfficiency: 0, anomalyFlag: 0 }, result,
  };
}

describe('ML optimum against what was run', () => {
  it('says so when there is no ML report in the period', () => {
    expect(mlSection([], charts)).toMatchObject({ note: 'no ML report in this period', parameters: [], reportTimeMs: null, reportsInPeriod: 0 });
  });

  it('gives best and safe range per parameter beside the on-bottom average after the report', () => {
    const s = mlSection([
      report({
        status: 'success',
        optimum: {
          wobKlbf: { best: 24, min: 22, max: 27 }, rpm: { best: 120, min: 110, max: 130 }, flowGpm: null, expectedRopFtHr: 60, expectedMsePsi: 30_000,
          relativeEfficiencyPercent: 85, compositeScore: 0.7, stabilityScore: 0.9, binSamples: 300, binsEvaluated: 20, method: 'grid',
        },
        correlations: [], confidence: 'High', grid: { wobEdgesKlbf: [], rpmEdges: [], cells: [], best: null }, summary: '',
      }),
    ], charts);
    expect(s).toMatchObject({ formation: 'Hard Sandstone', confidence: 'High', depthFt: 10_250, reportTimeMs: T0, reportsInPeriod: 1 });
    expect(s.parameters).toEqual([
      { name: 'WOB', unit: 'klbf', best: 24, min: 22, max: 27, actual: 25 },
      { name: 'RPM', unit: 'rpm', best: 120, min: 110, max: 130, actual: 120 },
    ]);
  });

  it('gives the reason of a run that found no optimum', () => {
    const s = mlSection([report({ status: 'failure', reason: 'AllDataRejected', detail: '212 stable samples, 360 needed' })], charts);
    expect(s.note).toBe('latest ML report found no optimum: AllDataRejected (212 stable samples, 360 needed)');
    expect(s.parameters).toEqual([]);
  });
});
