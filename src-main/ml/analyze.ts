// The ML engine's run over one window: stages 2-8 in order (DOMAIN §10). Pure: the same samples
// and context always give the same report, so a replay reproduces the live reports exactly.
import type { Campaign } from '../../src-shared/campaign.js';
import type { DysfunctionBreakdown, MlFailure, MlFailureReason, MlReport, MlSample } from '../../src-shared/ml.js';
import { MIN_ANALYSIS_SAMPLES, GRID } from './constants.js';
import { correlate, significantOnly } from './correlations.js';
import { dysfunctionFilter } from './dysfunction-filter.js';
import { evaluateGrid, robustRange } from './grid.js';
import { qualityFilter } from './quality-filter.js';
import { relativeEfficiencies } from './relative-efficiency.js';
import { confidenceFor, optimumOf, reportId, summaryText } from './report.js';
import { sampleStability, weightsFor } from './scoring.js';
import { median } from './statistics.js';
import { describeSegment, largestSegment, segmentByDExponent } from './segmentation.js';

export interface MlRunContext {
  /** Data time the run was due, epoch ms. */
  timeMs: number;
  trigger: 'schedule' | 'manual';
  campaign: Campaign;
  wellId: string;
  field: string;
}

const NO_DYSFUNCTION: DysfunctionBreakdown = { stickSlip: 0, packOff: 0, founder: 0, poorEfficiency: 0, anomalyFlag: 0 };

function depthRangeOf(samples: readonly MlSample[]): MlReport['depthRange'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) {
    if (s.depthFt === null || !Number.isFinite(s.depthFt)) continue;
    lo = Math.min(lo, s.depthFt);
    hi = Math.max(hi, s.depthFt);
  }
  return Number.isFinite(lo) ? { fromFt: lo, toFt: hi } : null;
}

const breakdownText = (b: DysfunctionBreakdown): string =>
  `stick-slip ${b.stickSlip}, pack-off ${b.packOff}, founder ${b.founder}, poor efficiency ${b.poorEfficiency}, anomaly flag ${b.anomalyFlag}`;

/** Torque CV over the 10 samples up to each one (stability signal); sliding sums, O(n). */
export function rollingTorqueCv(samples: readonly MlSample[], size = 10): (number | null)[] {
  const out: (number | null)[] = [];
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const val = (i: number): number | null => {
    const t = samples[i].torqueKftLbf;
    return t !== null && Number.isFinite(t) ? t : null;
  };
  for (let i = 0; i < samples.length; i++) {
    const v = val(i);
    if (v !== null) {
      n++;
      sum += v;
      sumSq += v * v;
    }
    const gone = i - size >= 0 ? val(i - size) : null;
    if (gone !== null) {
      n--;
      sum -= gone;
      sumSq -= gone * gone;
    }
    const m = n > 0 ? sum / n : 0;
    out.push(n >= 5 && m > 0 ? Math.sqrt(Math.max(sumSq / n - m * m, 0)) / m : null);
  }
  return out;
}

export function analyzeWindow(window: readonly MlSample[], ctx: MlRunContext): MlReport {
  const windowStartMs = window.length ? window[0].timeMs : ctx.timeMs;
  const windowEndMs = window.length ? window[window.length - 1].timeMs : ctx.timeMs;
  const last = [...window].reverse().find((s) => s.depthFt !== null);
  const base: Omit<MlReport, 'result'> = {
    id: reportId(ctx.timeMs, windowStartMs, windowEndMs, window.length, ctx.trigger),
    timeMs: ctx.timeMs,
    trigger: ctx.trigger,
    campaign: ctx.campaign,
    wellId: ctx.wellId,
    field: ctx.field,
    windowStartMs,
    windowEndMs,
    depthRange: null,
    bitDepthFt: last?.depthFt ?? null,
    segment: null,
    segmentsFound: 0,
    counts: { collected: window.length, quality: 0, stable: 0, segment: 0 },
    stability: 0,
    dysfunction: { ...NO_DYSFUNCTION },
  };
  const fail = (reason: MlFailureReason, detail: string): MlReport => ({ ...base, result: { status: 'failure', reason, detail } satisfies MlFailure });

  const quality = qualityFilter(window);
  base.counts.quality = quality.length;
  base.depthRange = depthRangeOf(quality.length ? quality : window);
  if (quality.length === 0) {
    return fail('AllDataRejected', `none of ${window.length} samples passed the quality filter (drilling, WOB >= 5 klbf, RPM >= 40, ROP 1-500 ft/hr, MSE 1-500 kpsi)`);
  }
  if (quality.length < MIN_ANALYSIS_SAMPLES) {
    return fail('InsufficientData', `${quality.length} samples passed the quality filter, ${MIN_ANALYSIS_SAMPLES} needed`);
  }

  const stable = dysfunctionFilter(quality);
  base.counts.stable = stable.kept.length;
  base.stability = stable.stability;
  base.dysfunction = stable.breakdown;
  if (stable.kept.length < MIN_ANALYSIS_SAMPLES) {
    return fail('AllDataRejected', `${stable.kept.length} stable samples of ${quality.length}, ${MIN_ANALYSIS_SAMPLES} needed; removed: ${breakdownText(stable.breakdown)}`);
  }

  const ranges = segmentByDExponent(stable.kept);
  base.segmentsFound = ranges.length;
  const chosen = largestSegment(ranges);
  const [a, b] = ranges[chosen];
  base.segment = describeSegment(stable.kept, ranges[chosen], chosen);
  base.depthRange = { fromFt: base.segment.fromFt, toFt: base.segment.toFt };
  base.counts.segment = b - a;
  if (ranges.length > 1 && b - a < MIN_ANALYSIS_SAMPLES) {
    return fail('UnstableFormation', `${ranges.length} formation segments by d-exponent, the largest has ${b - a} samples, ${MIN_ANALYSIS_SAMPLES} needed`);
  }
  return { ...base, result: optimise(stable.kept.slice(a, b), ctx, base.segment.label) };
}

function optimise(seg: readonly MlSample[], ctx: MlRunContext, formation: string): MlReport['result'] {
  const eff = relativeEfficiencies(seg.map((s) => s.msePsi)).efficiencyPercent.map((e) => e ?? 0);
  const cv = rollingTorqueCv(seg);
  const stability = seg.map((s, i) =>
    sampleStability({ torqueCv: cv[i], torqueDeltaFraction: s.torqueDeltaFraction, efficiencyPercent: eff[i], sppDeltaPsi: s.sppDeltaPsi }),
  );
  const correlations = significantOnly(correlate(seg));
  const confidence = confidenceFor(seg.length, correlations.length > 0) ?? 'Low';

  const wobSpread = robustRange(seg.map((s) => s.wobKlbf as number));
  const rpmSpread = robustRange(seg.map((s) => s.rpm as number));
  let optimum;
  let grid;
  if (wobSpread < GRID.minWobRangeKlbf || rpmSpread < GRID.minRpmRange) {
    optimum = optimumOf({ members: seg, efficiencyPercent: eff, stability: seg.map(() => 1), compositeScore: 0.5, binsEvaluated: 0, method: 'medians' });
    grid = { wobEdgesKlbf: [], rpmEdges: [], cells: [], best: null };
  } else {
    // Production drills for footage: efficiency and stability choose among the set points that
    // drilled at least as fast as this rock's median, never a slower one (P&A weighs energy first).
    const ropFloorFtHr = ctx.campaign === 'production' ? (median(seg.map((s) => s.ropFtHr as number)) ?? undefined) : undefined;
    const g = evaluateGrid({ samples: seg, efficiencyPercent: eff, stability }, weightsFor(ctx.campaign), { ropFloorFtHr });
    if (!g.bestMembers || g.bestScore === null) {
      const need = Math.max(GRID.minBinSamples, Math.ceil(GRID.minBinShare * seg.length));
      return { status: 'failure', reason: 'InsufficientData', detail: `no WOB x RPM set point was held long enough: no bin holds ${need} samples (${seg.length} samples over ${g.grid.cells.length} bins)` };
    }
    const idx = g.bestMembers;
    optimum = optimumOf({
      members: idx.map((i) => seg[i]),
      efficiencyPercent: idx.map((i) => eff[i]),
      stability: idx.map((i) => stability[i]),
      compositeScore: g.bestScore,
      binsEvaluated: g.grid.cells.filter((c) => c.score !== null).length,
      method: 'grid',
    });
    grid = g.grid;
  }
  return { status: 'success', optimum, correlations, confidence, grid, summary: summaryText(optimum, correlations, confidence, formation) };
}
