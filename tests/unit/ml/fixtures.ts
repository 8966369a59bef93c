// Synthetic ML samples for the stage tests: steady drilling with a little deterministic noise.
import type { MlReport, MlSample } from '../../../src-shared/ml.js';

export const T0 = Date.UTC(2025, 0, 1);

export function sample(over: Partial<MlSample> = {}): MlSample {
  return {
    timeMs: T0,
    depthFt: 10_000,
    rigState: 'Drilling',
    wobKlbf: 25,
    rpm: 120,
    flowInGpm: 550,
    ropFtHr: 50,
    torqueKftLbf: 10,
    sppDeltaPsi: 0,
    torqueDeltaFraction: 0,
    msePsi: 30_000,
    dExponent: 1.5,
    anomalous: false,
    ...over,
  };
}

/** Small repeatable wiggle in [-1, 1] (no Math.random: tests replay exactly). */
export const wiggle = (i: number): number => Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 4.1414) * 0.5;

/** n samples at 1 Hz from `startMs`, each built by `at(i)` over a steady base. */
export function run(n: number, at: (i: number) => Partial<MlSample> = () => ({}), startMs = T0): MlSample[] {
  return Array.from({ length: n }, (_, i) =>
    sample({
      timeMs: startMs + i * 1000,
      depthFt: 10_000 + i * (50 / 3600),
      torqueKftLbf: 10 * (1 + 0.01 * wiggle(i)),
      ropFtHr: 50 * (1 + 0.02 * wiggle(i + 7)),
      msePsi: 30_000 * (1 + 0.02 * wiggle(i + 13)),
      dExponent: 1.5 * (1 + 0.01 * wiggle(i + 3)),
      ...at(i),
    }),
  );
}

/** A stored-report fixture: success over [fromFt, toFt] unless `failure` is given. */
export function mlReport(id: string, timeMs: number, fromFt: number, toFt: number, failure = false): MlReport {
  const range = { best: 25, min: 22, max: 27 };
  return {
    id,
    timeMs,
    trigger: 'schedule',
    campaign: 'production',
    wellId: 'W1',
    field: 'F',
    windowStartMs: timeMs - 7_200_000,
    windowEndMs: timeMs,
    depthRange: { fromFt, toFt },
    bitDepthFt: toFt,
    segment: { index: 0, label: 'Medium Shale/Siltstone', meanDExponent: 1.5, fromFt, toFt, startMs: timeMs - 7_200_000, endMs: timeMs, samples: 3000 },
    segmentsFound: 1,
    counts: { collected: 7200, quality: 6000, stable: 5000, segment: 3000 },
    stability: 0.83,
    dysfunction: { stickSlip: 0, packOff: 0, founder: 0, poorEfficiency: 0, anomalyFlag: 0 },
    result: failure
      ? { status: 'failure', reason: 'AllDataRejected', detail: 'test' }
      : {
          status: 'success',
          optimum: {
            wobKlbf: range,
            rpm: { best: 140, min: 130, max: 150 },
            flowGpm: null,
            expectedRopFtHr: 55,
            expectedMsePsi: 30_000,
            relativeEfficiencyPercent: 92,
            compositeScore: 0.95,
            stabilityScore: 0.97,
            binSamples: 300,
            binsEvaluated: 12,
            method: 'grid',
          },
          correlations: [],
          confidence: 'High',
          grid: { wobEdgesKlbf: [], rpmEdges: [], cells: [], best: null },
          summary: 'test',
        },
  };
}
