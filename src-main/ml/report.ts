// Stage 8, the report (DOMAIN §10.6): optimum with safe ranges, confidence, summary text.
import type { MlConfidence, MlCorrelation, MlOptimum, MlSample, ParameterRange } from '../../src-shared/ml.js';
import { fnv1a32 } from '../advisory/composer.js';
import { CONFIDENCE } from './constants.js';
import { median } from './statistics.js';

/** Confidence from the analysed sample count; no significant correlation caps it at Medium. */
export function confidenceFor(samples: number, anySignificant: boolean): MlConfidence | null {
  const c: MlConfidence | null = samples >= CONFIDENCE.high ? 'High' : samples >= CONFIDENCE.medium ? 'Medium' : samples >= CONFIDENCE.low ? 'Low' : null;
  return c === 'High' && !anySignificant ? 'Medium' : c;
}

/** Median with min and max; null when no value is present. */
export function rangeOf(values: readonly (number | null)[]): ParameterRange | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return { best: median(xs) as number, min, max };
}

export interface OptimumFigures {
  members: readonly MlSample[];
  efficiencyPercent: readonly number[];
  stability: readonly number[];
  compositeScore: number;
  binsEvaluated: number;
  method: MlOptimum['method'];
}

export function optimumOf(f: OptimumFigures): MlOptimum {
  const m = f.members;
  const avg = f.stability.reduce((s, x) => s + x, 0) / Math.max(f.stability.length, 1);
  return {
    wobKlbf: rangeOf(m.map((s) => s.wobKlbf)) as ParameterRange,
    rpm: rangeOf(m.map((s) => s.rpm)) as ParameterRange,
    flowGpm: rangeOf(m.map((s) => (s.flowInGpm !== null && s.flowInGpm > 0 ? s.flowInGpm : null))),
    expectedRopFtHr: median(m.map((s) => s.ropFtHr as number)) ?? 0,
    expectedMsePsi: median(m.map((s) => s.msePsi as number)) ?? 0,
    relativeEfficiencyPercent: median([...f.efficiencyPercent]) ?? 0,
    compositeScore: f.compositeScore,
    stabilityScore: avg,
    binSamples: m.length,
    binsEvaluated: f.binsEvaluated,
    method: f.method,
  };
}

const band = (x: number, cuts: [number, string][], below: string): string => cuts.find(([c]) => x > c)?.[1] ?? below;

export function summaryText(o: MlOptimum, correlations: readonly MlCorrelation[], confidence: MlConfidence, formation: string): string {
  const r = (p: ParameterRange, unit: string, d: number) => `${p.best.toFixed(d)} ${unit} (safe ${p.min.toFixed(d)}-${p.max.toFixed(d)})`;
  const composite = band(o.compositeScore, [[0.75, 'excellent'], [0.6, 'good'], [0.45, 'acceptable']], 'poor');
  const stability = band(o.stabilityScore, [[0.85, 'excellent'], [0.7, 'good'], [0.5, 'acceptable']], 'poor');
  const strongest = correlations[0];
  const corr = strongest ? `strongest link ${strongest.pair} r=${strongest.r.toFixed(2)} (p=${strongest.pValue.toPrecision(2)})` : 'no significant correlation';
  const flow = o.flowGpm ? `, flow ${r(o.flowGpm, 'gpm', 0)}` : '';
  return (
    `${formation}: WOB ${r(o.wobKlbf, 'klbf', 1)}, RPM ${r(o.rpm, 'rpm', 0)}${flow} gave ROP ${o.expectedRopFtHr.toFixed(1)} ft/hr at MSE ${Math.round(o.expectedMsePsi)} psi ` +
    `(${Math.round(o.relativeEfficiencyPercent)}% of the formation's best); score ${o.compositeScore.toFixed(2)} ${composite}, stability ${stability}; ` +
    `${corr}; ${confidence} confidence from ${o.binSamples} samples in the best of ${o.binsEvaluated} bins${o.method === 'medians' ? ' (too little WOB/RPM spread to bin: medians)' : ''}.`
  );
}

/** Same window, same trigger -> same id (replays give identical reports). */
export function reportId(timeMs: number, windowStartMs: number, windowEndMs: number, samples: number, trigger: string): string {
  return `ML-${fnv1a32(`${timeMs}|${windowStartMs}|${windowEndMs}|${samples}|${trigger}`).toString(16).padStart(8, '0')}`;
}
