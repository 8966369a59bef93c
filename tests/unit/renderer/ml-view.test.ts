import { beforeEach, describe, expect, it } from 'vitest';
import type { MlGrid, MlReport } from '../../../src-shared/ml.js';
import { applicableOptimum, deviations, heatColour, heatMap, hintLine } from '../../../src-renderer/lib/ml-view.js';
import { runOutcomeText, useMl } from '../../../src-renderer/store/ml-store.js';
import { mlReport } from '../ml/fixtures.js';

const T0 = Date.UTC(2025, 0, 1);
const report = mlReport('ML-a', T0, 10_000, 10_100);
const optimum = report.result.status === 'success' ? report.result.optimum : null;

describe('optimum hint', () => {
  it('applies near the analysed depths only (the engine\'s rule)', () => {
    expect(applicableOptimum(report, 10_050)).toBe(optimum);
    expect(applicableOptimum(report, 10_350)).toBe(optimum);
    expect(applicableOptimum(report, 10_500)).toBeNull();
    expect(applicableOptimum(report, null)).toBeNull();
    expect(applicableOptimum(mlReport('ML-f', T0, 10_000, 10_100, true), 10_050)).toBeNull();
  });

  it('names the parameters outside the safe range, in driller order, in the display units', () => {
    const o = optimum!;
    expect(deviations({ wobKlbf: 25, rpm: 140, flowInGpm: 550 }, o)).toEqual([]);
    const devs = deviations({ wobKlbf: 32, rpm: 120, flowInGpm: 550 }, o);
    expect(devs.map((d) => [d.parameter, d.direction])).toEqual([['WOB', 'above'], ['RPM', 'below']]);
    expect(hintLine(devs, 'imperial')).toBe("WOB 32.0 klbf above this formation's best 22.0-27.0 klbf; RPM 120 rpm below this formation's best 130-150 rpm");
    expect(hintLine(devs.slice(0, 1), 'metric')).toBe("WOB 142.3 kN above this formation's best 97.9-120.1 kN");
    expect(deviations({ wobKlbf: null, rpm: null, flowInGpm: null }, o)).toEqual([]);
  });
});

describe('WOB x RPM heat map', () => {
  const grid: MlGrid = {
    wobEdgesKlbf: [20, 22, 24, 26],
    rpmEdges: [100, 120, 140],
    cells: [
      { wobBin: 0, rpmBin: 0, samples: 100, score: 0.5, eligible: true, medianRopFtHr: 40, medianEfficiencyPercent: 90, meanStability: 1 },
      { wobBin: 2, rpmBin: 1, samples: 100, score: 0.9, eligible: true, medianRopFtHr: 60, medianEfficiencyPercent: 90, meanStability: 1 },
      { wobBin: 1, rpmBin: 1, samples: 4, score: null, eligible: false, medianRopFtHr: 70, medianEfficiencyPercent: 90, meanStability: 1 },
    ],
    best: { wobBin: 2, rpmBin: 1 },
  };

  it('puts high WOB on top, scales scores 0..1, marks the best cell and where the bit is now', () => {
    const map = heatMap(grid, { wobKlbf: 21, rpm: 135, flowInGpm: null });
    expect(map?.rows).toHaveLength(3);
    expect(map?.wobCentres).toEqual([25, 23, 21]);
    expect(map?.rpmCentres).toEqual([110, 130]);
    expect(map?.rows[0][1]).toMatchObject({ wobBin: 2, rpmBin: 1, level: 1, best: true });
    expect(map?.rows[2][0]).toMatchObject({ level: 0, best: false, current: false });
    expect(map?.rows[2][1]).toMatchObject({ current: true, samples: 0, level: null });
    expect(map?.rows[1][1]).toMatchObject({ samples: 4, score: null, level: null });
    expect(heatMap({ ...grid, wobEdgesKlbf: [], rpmEdges: [] }, null)).toBeNull();
    expect(heatColour(1)).toBe('hsl(120, 65%, 38%)');
    expect(heatColour(null)).toBe('#1f2937');
  });
});

describe('ML store', () => {
  beforeEach(() => useMl.setState({ latest: null, optimum: null, lastSkip: null, running: false, runMessage: null }));

  it('keeps the newest report and the newest optimum apart', () => {
    const ok = mlReport('ML-1', T0, 10_000, 10_100);
    const failed = mlReport('ML-2', T0 + 3_600_000, 10_100, 10_180, true);
    useMl.getState().accept(ok);
    useMl.getState().accept(failed);
    useMl.getState().accept(mlReport('ML-0', T0 - 3_600_000, 9_900, 10_000));
    expect(useMl.getState().latest?.id).toBe('ML-2');
    expect(useMl.getState().optimum?.id).toBe('ML-1');
  });

  it('says what run now did', () => {
    const failed = mlReport('ML-2', T0, 10_100, 10_180, true) as MlReport;
    expect(runOutcomeText({ kind: 'report', report: mlReport('ML-1', T0, 1, 2) })).toBe('New optimum computed.');
    expect(runOutcomeText({ kind: 'report', report: failed })).toBe('No optimum: AllDataRejected (test).');
    expect(runOutcomeText({ kind: 'skipped', skip: { timeMs: T0, trigger: 'manual', reason: 'too little drilling data: 3', drillingSamples: 3 } })).toBe('Not run: too little drilling data: 3.');
  });
});
