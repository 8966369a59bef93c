// Stage 5, correlation analysis (DOMAIN §10.4): how ROP and MSE follow WOB, RPM and flow in this
// segment. Only significant ones (p < 0.05) are kept, strongest first; none significant is not
// a failure, it lowers the report's confidence.
import type { CorrelationPair, MlCorrelation, MlSample } from '../../src-shared/ml.js';
import { CORRELATION } from './constants.js';
import { pearson } from './statistics.js';

const PAIRS: [CorrelationPair, (s: MlSample) => number | null, (s: MlSample) => number | null][] = [
  ['WOB-ROP', (s) => s.wobKlbf, (s) => s.ropFtHr],
  ['WOB-MSE', (s) => s.wobKlbf, (s) => s.msePsi],
  ['RPM-ROP', (s) => s.rpm, (s) => s.ropFtHr],
  ['RPM-MSE', (s) => s.rpm, (s) => s.msePsi],
  ['Flow-ROP', (s) => s.flowInGpm, (s) => s.ropFtHr],
];

/** Every pair that could be computed (n >= 30, neither series flat), strongest |r| first. */
export function correlate(samples: readonly MlSample[]): MlCorrelation[] {
  const out: MlCorrelation[] = [];
  for (const [pair, x, y] of PAIRS) {
    const r = pearson(samples.map(x), samples.map(y));
    if (!r || r.n < CORRELATION.minSamples) continue;
    out.push({ pair, r: r.r, pValue: r.pValue, n: r.n, significant: r.pValue < CORRELATION.significance });
  }
  return out.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
}

export const significantOnly = (cs: readonly MlCorrelation[]): MlCorrelation[] => cs.filter((c) => c.significant);
