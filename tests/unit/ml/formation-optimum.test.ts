import { describe, expect, it } from 'vitest';
import type { FormationOptimum, MlReport } from '../../../src-shared/ml.js';
import { analyzeWindow } from '../../../src-main/ml/analyze.js';
import { formationOptimumOf, selectFormationOptimum } from '../../../src-main/ml/formation-optimum.js';
import { T0, run } from './fixtures.js';

const opt = (over: Partial<FormationOptimum>): FormationOptimum => ({
  reportId: 'ML-1',
  reportTimeMs: T0,
  formation: 'Medium Shale/Siltstone',
  meanDExponent: 1.5,
  fromFt: 10_000,
  toFt: 10_100,
  wobKlbf: { best: 24.5, min: 22, max: 27 },
  rpm: { best: 140, min: 130, max: 150 },
  flowGpm: null,
  expectedRopFtHr: 55,
  confidence: 'High',
  ...over,
});

describe('formation optimum for advisories', () => {
  it('comes from a successful report only', () => {
    const ok = analyzeWindow(run(1000), { timeMs: T0 + 1_000_000, trigger: 'schedule', campaign: 'production', wellId: 'W', field: 'F' });
    const o = formationOptimumOf(ok);
    expect(o).toMatchObject({ reportId: ok.id, wobKlbf: { best: 25 }, formation: 'Medium Shale/Siltstone' });
    const failed: MlReport = { ...ok, result: { status: 'failure', reason: 'InsufficientData', detail: '' } };
    expect(formationOptimumOf(failed)).toBeNull();
  });

  it('applies near the analysed depth (just below it too), newest first', () => {
    const older = opt({ reportId: 'old', reportTimeMs: T0 });
    const newer = opt({ reportId: 'new', reportTimeMs: T0 + 3_600_000, fromFt: 10_100, toFt: 10_160 });
    expect(selectFormationOptimum([older, newer], 10_200)?.reportId).toBe('new');
    expect(selectFormationOptimum([older, newer], 10_050)?.reportId).toBe('new');
    expect(selectFormationOptimum([older], 10_400)?.reportId).toBe('old');
  });

  it('does not apply far from the segment or without a depth', () => {
    const o = opt({});
    expect(selectFormationOptimum([o], 10_401)).toBeNull();
    expect(selectFormationOptimum([o], 9_899)).toBeNull();
    expect(selectFormationOptimum([o], null)).toBeNull();
    expect(selectFormationOptimum([], 10_050)).toBeNull();
  });
});
