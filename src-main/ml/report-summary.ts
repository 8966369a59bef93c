// A one-line-per-report view of ML reports for the replay JSON report and the field table.
import type { MlReport, MlSkip, ParameterRange } from '../../src-shared/ml.js';

export interface MlReportSummary {
  id: string;
  time: string;
  trigger: MlReport['trigger'];
  status: 'success' | 'failure';
  /** DOMAIN §10 reason code and its detail, for a failure. */
  reason: string | null;
  detail: string | null;
  depthFromFt: number | null;
  depthToFt: number | null;
  formation: string | null;
  meanDExponent: number | null;
  samples: MlReport['counts'];
  optimum: {
    wobKlbf: ParameterRange;
    rpm: ParameterRange;
    flowGpm: ParameterRange | null;
    expectedRopFtHr: number;
    expectedMsePsi: number;
    relativeEfficiencyPercent: number;
    compositeScore: number;
    confidence: string;
    binSamples: number;
    method: string;
  } | null;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const range = (p: ParameterRange): ParameterRange => ({ best: r1(p.best), min: r1(p.min), max: r1(p.max) });

export function summariseMlReport(r: MlReport): MlReportSummary {
  const ok = r.result.status === 'success' ? r.result : null;
  const failed = r.result.status === 'failure' ? r.result : null;
  return {
    id: r.id,
    time: new Date(r.timeMs).toISOString(),
    trigger: r.trigger,
    status: r.result.status,
    reason: failed?.reason ?? null,
    detail: failed?.detail ?? null,
    depthFromFt: r.depthRange ? r1(r.depthRange.fromFt) : null,
    depthToFt: r.depthRange ? r1(r.depthRange.toFt) : null,
    formation: r.segment?.label ?? null,
    meanDExponent: r.segment ? Math.round(r.segment.meanDExponent * 1000) / 1000 : null,
    samples: r.counts,
    optimum: ok
      ? {
          wobKlbf: range(ok.optimum.wobKlbf),
          rpm: range(ok.optimum.rpm),
          flowGpm: ok.optimum.flowGpm ? range(ok.optimum.flowGpm) : null,
          expectedRopFtHr: r1(ok.optimum.expectedRopFtHr),
          expectedMsePsi: Math.round(ok.optimum.expectedMsePsi),
          relativeEfficiencyPercent: r1(ok.optimum.relativeEfficiencyPercent),
          compositeScore: Math.round(ok.optimum.compositeScore * 1000) / 1000,
          confidence: ok.confidence,
          binSamples: ok.optimum.binSamples,
          method: ok.optimum.method,
        }
      : null,
  };
}

export interface MlSkipSummary {
  time: string;
  trigger: MlSkip['trigger'];
  reason: string;
}

export const summariseMlSkip = (s: MlSkip): MlSkipSummary => ({ time: new Date(s.timeMs).toISOString(), trigger: s.trigger, reason: s.reason });
