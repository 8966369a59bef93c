// MlSample[] <-> typed columns, so a 2 h window crosses to the worker thread as transferable
// buffers (no per-object structured clone on the packet loop's thread). Missing = NaN.
import type { MlSample } from '../../src-shared/ml.js';
import { RIG_STATES } from '../../src-shared/wits.js';

const NUMERIC = [
  'timeMs',
  'depthFt',
  'wobKlbf',
  'rpm',
  'flowInGpm',
  'ropFtHr',
  'torqueKftLbf',
  'sppDeltaPsi',
  'torqueDeltaFraction',
  'msePsi',
  'dExponent',
] as const;

type NumericKey = (typeof NUMERIC)[number];

export interface MlColumns {
  n: number;
  numbers: Record<NumericKey, Float64Array>;
  rigState: Uint8Array;
  anomalous: Uint8Array;
}

export function packSamples(samples: readonly MlSample[]): MlColumns {
  const n = samples.length;
  const numbers = {} as Record<NumericKey, Float64Array>;
  for (const k of NUMERIC) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = samples[i][k] ?? NaN;
    numbers[k] = col;
  }
  const rigState = new Uint8Array(n);
  const anomalous = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    rigState[i] = RIG_STATES.indexOf(samples[i].rigState);
    anomalous[i] = samples[i].anomalous ? 1 : 0;
  }
  return { n, numbers, rigState, anomalous };
}

export function unpackSamples(c: MlColumns): MlSample[] {
  const out: MlSample[] = new Array(c.n);
  const v = (k: NumericKey, i: number): number | null => {
    const x = c.numbers[k][i];
    return Number.isNaN(x) ? null : x;
  };
  for (let i = 0; i < c.n; i++) {
    out[i] = {
      timeMs: c.numbers.timeMs[i],
      depthFt: v('depthFt', i),
      rigState: RIG_STATES[c.rigState[i]] ?? 'Idle',
      wobKlbf: v('wobKlbf', i),
      rpm: v('rpm', i),
      flowInGpm: v('flowInGpm', i),
      ropFtHr: v('ropFtHr', i),
      torqueKftLbf: v('torqueKftLbf', i),
      sppDeltaPsi: v('sppDeltaPsi', i),
      torqueDeltaFraction: v('torqueDeltaFraction', i),
      msePsi: v('msePsi', i),
      dExponent: v('dExponent', i),
      anomalous: c.anomalous[i] === 1,
    };
  }
  return out;
}

/** The buffers to transfer (not copy) with postMessage. */
export function transferList(c: MlColumns): ArrayBuffer[] {
  return [...Object.values(c.numbers).map((a) => a.buffer as ArrayBuffer), c.rigState.buffer as ArrayBuffer, c.anomalous.buffer as ArrayBuffer];
}
