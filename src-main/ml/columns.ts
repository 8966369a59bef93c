// ML samples as typed columns: the scheduler keeps its 2 h ring this way (one write per packet,
// no objects to collect) and a window crosses to the worker thread as transferable buffers, so
// handing a run over costs the packet loop a memory copy. Missing values are NaN.
import type { MlSample } from '../../src-shared/ml.js';
import { RIG_STATES } from '../../src-shared/wits.js';

export const NUMERIC_FIELDS = [
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

export type NumericField = (typeof NUMERIC_FIELDS)[number];

export interface MlColumns {
  n: number;
  numbers: Record<NumericField, Float64Array>;
  rigState: Uint8Array;
  anomalous: Uint8Array;
}

const STATE_INDEX = new Map(RIG_STATES.map((s, i) => [s, i]));

export function emptyColumns(n: number): MlColumns {
  const numbers = {} as Record<NumericField, Float64Array>;
  for (const k of NUMERIC_FIELDS) numbers[k] = new Float64Array(n);
  return { n, numbers, rigState: new Uint8Array(n), anomalous: new Uint8Array(n) };
}

/** Writes one sample at row i. Fixed property names: this runs on the packet loop's thread. */
export function writeSample(c: MlColumns, i: number, s: MlSample): void {
  const x = c.numbers;
  x.timeMs[i] = s.timeMs;
  x.depthFt[i] = s.depthFt ?? NaN;
  x.wobKlbf[i] = s.wobKlbf ?? NaN;
  x.rpm[i] = s.rpm ?? NaN;
  x.flowInGpm[i] = s.flowInGpm ?? NaN;
  x.ropFtHr[i] = s.ropFtHr ?? NaN;
  x.torqueKftLbf[i] = s.torqueKftLbf ?? NaN;
  x.sppDeltaPsi[i] = s.sppDeltaPsi ?? NaN;
  x.torqueDeltaFraction[i] = s.torqueDeltaFraction ?? NaN;
  x.msePsi[i] = s.msePsi ?? NaN;
  x.dExponent[i] = s.dExponent ?? NaN;
  c.rigState[i] = STATE_INDEX.get(s.rigState) ?? 0;
  c.anomalous[i] = s.anomalous ? 1 : 0;
}

export function packSamples(samples: readonly MlSample[]): MlColumns {
  const c = emptyColumns(samples.length);
  for (let i = 0; i < samples.length; i++) writeSample(c, i, samples[i]);
  return c;
}

export function unpackSamples(c: MlColumns): MlSample[] {
  const out: MlSample[] = new Array(c.n);
  const x = c.numbers;
  const v = (a: Float64Array, i: number): number | null => (Number.isNaN(a[i]) ? null : a[i]);
  for (let i = 0; i < c.n; i++) {
    out[i] = {
      timeMs: x.timeMs[i],
      depthFt: v(x.depthFt, i),
      rigState: RIG_STATES[c.rigState[i]] ?? 'Idle',
      wobKlbf: v(x.wobKlbf, i),
      rpm: v(x.rpm, i),
      flowInGpm: v(x.flowInGpm, i),
      ropFtHr: v(x.ropFtHr, i),
      torqueKftLbf: v(x.torqueKftLbf, i),
      sppDeltaPsi: v(x.sppDeltaPsi, i),
      torqueDeltaFraction: v(x.torqueDeltaFraction, i),
      msePsi: v(x.msePsi, i),
      dExponent: v(x.dExponent, i),
      anomalous: c.anomalous[i] === 1,
    };
  }
  return out;
}

/** The buffers to transfer (not copy) with postMessage. */
export function transferList(c: MlColumns): ArrayBuffer[] {
  return [...Object.values(c.numbers).map((a) => a.buffer as ArrayBuffer), c.rigState.buffer as ArrayBuffer, c.anomalous.buffer as ArrayBuffer];
}
