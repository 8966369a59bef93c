// Synthetic ML samples for the stage tests: steady drilling with a little deterministic noise.
import type { MlSample } from '../../../src-shared/ml.js';

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
