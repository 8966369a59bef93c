// Turns a report request into the period it covers: the current (or a chosen) shift, the whole
// recorded well, or the time the hole took between two depths. The lookups are storage reads.
import type { ReportRequest } from '../../src-shared/reports.js';
import { shiftStartAt } from '../../src-shared/shift-clock.js';
import type { PersistenceLayer } from '../storage/persistence.js';
import type { ReportPeriod } from './model/report-inputs.js';

export type { ReportPeriod };

export type PeriodLookups = Pick<PersistenceLayer, 'recordedSpan' | 'firstTimeAtOrAbove'>;

/** A request the data cannot answer (nothing recorded, depth never reached). */
export class ReportRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportRangeError';
  }
}

export interface PeriodContext {
  /** "Now" in data time: the latest packet's time (replays run in the past). */
  nowMs: number;
  shiftStartHours: readonly number[];
}

export async function resolvePeriod(req: ReportRequest, ctx: PeriodContext, lookups: PeriodLookups): Promise<ReportPeriod> {
  if (req.kind === 'shift') {
    const fromMs = req.fromMs ?? shiftStartAt(ctx.nowMs, ctx.shiftStartHours);
    const toMs = req.toMs ?? Math.max(ctx.nowMs + 1, fromMs + 1); // periods are half-open: include the latest packet
    return { kind: 'shift', fromMs, toMs, fromDepthFt: null, toDepthFt: null };
  }
  const span = await lookups.recordedSpan();
  if (!span) throw new ReportRangeError('nothing has been recorded yet: no well to report on');
  if (req.kind === 'well') return { kind: 'well', fromMs: span.fromMs, toMs: span.toMs, fromDepthFt: null, toDepthFt: null };
  const fromMs = await lookups.firstTimeAtOrAbove('holeDepthFt', req.fromDepthFt);
  if (fromMs === null) throw new ReportRangeError(`the recorded hole depth never reached ${req.fromDepthFt} ft`);
  // Not yet drilled to the bottom of the interval: the report runs to the end of the record.
  const reached = await lookups.firstTimeAtOrAbove('holeDepthFt', req.toDepthFt, fromMs);
  const toMs = reached ?? span.toMs;
  return { kind: 'interval', fromMs, toMs: Math.max(toMs, fromMs + 1), fromDepthFt: req.fromDepthFt, toDepthFt: req.toDepthFt };
}
